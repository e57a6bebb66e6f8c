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

/** The message of a 413, whichever body parser refused the body. */
const BODY_TOO_LARGE_MESSAGE = 'Request body is too large';

/** Whether `e` is body-parser's or Fastify's refusal of a body over the limit. */
function isBodyTooLarge(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { type, code } = e as { type?: unknown; code?: unknown };
  return type === 'entity.too.large' || code === 'FST_ERR_CTP_BODY_TOO_LARGE';
}

/**
 * Maps any exception to a status and an OpenAI error body:
 * - an `HttpException` keeps its status; a body already in the OpenAI form is kept;
 * - a `ProtocolValidationError` (from `Model.parse` in your code) is a 400 with `param`;
 * - a client error raised by the HTTP layer before Nest wraps it, in the
 *   `http-errors` form (`expose: true` and a 4xx `status`), keeps its status:
 *   NestJS 10 and 11 hand body-parser's `PayloadTooLargeError` (413) and
 *   malformed-JSON errors (400) through as such, where NestJS 12 wraps them;
 * - so does a client error of Fastify's (a `FastifyError` with a 4xx
 *   `statusCode`: `FST_ERR_CTP_BODY_TOO_LARGE` 413,
 *   `FST_ERR_CTP_INVALID_MEDIA_TYPE` 415, `FST_ERR_CTP_INVALID_JSON_BODY` and
 *   `FST_ERR_CTP_EMPTY_JSON_BODY` 400…), which NestJS 10 and 11 hand through
 *   raw under `@nestjs/platform-fastify`;
 * - a body over the limit is the same 413 ("Request body is too large") from
 *   body-parser and from Fastify, raw or wrapped by NestJS;
 * - anything else is a 500 `server_error` whose message reveals nothing.
 */
export function toOpenAIErrorReply(exception: unknown): OpenAIErrorReply {
  if (isBodyTooLarge(exception) || (exception instanceof HttpException && isBodyTooLarge(exception.cause))) {
    return { status: 413, body: openAIErrorBody(BODY_TOO_LARGE_MESSAGE, { type: 'invalid_request_error' }) };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    if (isOpenAIErrorBody(response)) return { status, body: response };
    return { status, body: openAIErrorBody(messageOf(response, exception.message), { type: errorTypeForStatus(status) }) };
  }
  if (exception instanceof ProtocolValidationError) return { status: 400, body: errorBodyFromIssues(exception.issues) };
  const exposed = exposedClientError(exception);
  if (exposed) return { status: exposed.status, body: openAIErrorBody(exposed.message, { type: errorTypeForStatus(exposed.status) }) };
  return { status: 500, body: openAIErrorBody('Internal server error', { type: 'server_error' }) };
}

/**
 * An `http-errors` client error (body-parser's) or a Fastify one, whose
 * message is meant for the client; else undefined. Fastify marks its errors
 * by name, not with `expose`: it sends the message of any under 500.
 */
function exposedClientError(e: unknown): { status: number; message: string } | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const { expose, status, statusCode, message } = e as { expose?: unknown; status?: unknown; statusCode?: unknown; message?: unknown };
  const code = typeof status === 'number' ? status : statusCode;
  const fastify = e instanceof Error && e.name === 'FastifyError';
  if ((expose !== true && !fastify) || typeof code !== 'number' || !Number.isInteger(code) || code < 400 || code > 499) return undefined;
  return { status: code, message: typeof message === 'string' && message ? message : 'Bad request' };
}

/** The response methods the filter may use: Express's, Fastify's, or Node's own. */
interface AnyResponse {
  headersSent?: boolean;
  writableEnded?: boolean;
  raw?: { headersSent?: boolean; writableEnded?: boolean; end?: () => unknown };
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
    const node = res.raw ?? res;
    if (!node.writableEnded) node.end?.();
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
