/** A catch-all NestJS exception filter that answers in the OpenAI error form. */
import { Catch, HttpException, Logger } from '@nestjs/common';
import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import { ProtocolValidationError } from '../errors';
import { OpenAIErrorBody, errorBodyFromIssues, errorTypeForStatus, isOpenAIErrorBody, openAIErrorBody } from './error-body';

/** What an exception becomes: the status and the OpenAI error body. */
export interface OpenAIErrorReply {
  /** The HTTP status. */
  status: number;
  /** The body, `{"error": {...}}`. */
  body: OpenAIErrorBody;
}

function messageOf(response: unknown, fallback: string): string {
  if (typeof response === 'string') return response;
  if (response && typeof response === 'object') {
    const m = (response as { message?: unknown }).message;
    if (typeof m === 'string') return m;
    if (Array.isArray(m)) return m.map(String).join('; ');
  }
  return fallback;
}

/**
 * Maps any exception to a status and an OpenAI error body:
 * - an `HttpException` keeps its status; a body already in the OpenAI form is kept;
 * - a `ProtocolValidationError` (from `Model.parse` in your code) is a 400 with `param`;
 * - anything else is a 500 `server_error` whose message reveals nothing.
 */
export function toOpenAIErrorReply(exception: unknown): OpenAIErrorReply {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    if (isOpenAIErrorBody(response)) return { status, body: response };
    return { status, body: openAIErrorBody(messageOf(response, exception.message), { type: errorTypeForStatus(status) }) };
  }
  if (exception instanceof ProtocolValidationError) return { status: 400, body: errorBodyFromIssues(exception.issues) };
  return { status: 500, body: openAIErrorBody('Internal server error', { type: 'server_error' }) };
}

/** The response methods the filter may use: Express's, Fastify's, or Node's own. */
interface AnyResponse {
  headersSent?: boolean;
  writableEnded?: boolean;
  raw?: { headersSent?: boolean };
  status?: (code: number) => AnyResponse;
  json?: (body: unknown) => unknown;
  send?: (body: unknown) => unknown;
  statusCode?: number;
  setHeader?: (name: string, value: string) => unknown;
  end?: (chunk?: string) => unknown;
  destroy?: (error?: Error) => unknown;
}

function send(res: AnyResponse, { status, body }: OpenAIErrorReply): void {
  if (res.headersSent || res.raw?.headersSent) {
    // A stream already started: the status can no longer change, so cut it short.
    if (!res.writableEnded) res.end?.();
    return;
  }
  if (typeof res.status === 'function' && typeof res.json === 'function') {
    res.status(status).json?.(body);
  } else if (typeof res.status === 'function' && typeof res.send === 'function') {
    res.status(status).send?.(body);
  } else {
    res.statusCode = status;
    res.setHeader?.('Content-Type', 'application/json; charset=utf-8');
    res.end?.(JSON.stringify(body));
  }
}

/**
 * Answers every exception with `{"error": {"message", "type", "param", "code"}}`
 * and the matching status, as the official clients expect. Register it
 * globally so malformed JSON, oversized bodies and unknown routes are covered:
 * `app.useGlobalFilters(new OpenAIExceptionFilter())`.
 */
@Catch()
export class OpenAIExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('OpenAIExceptionFilter');

  /** Sends the error reply (see `toOpenAIErrorReply`); unexpected errors are logged. */
  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = toOpenAIErrorReply(exception);
    if (reply.status >= 500) {
      this.logger.error(exception instanceof Error ? exception.stack ?? exception.message : String(exception));
    }
    send(host.switchToHttp().getResponse<AnyResponse>(), reply);
  }
}
