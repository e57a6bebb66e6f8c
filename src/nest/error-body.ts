/**
 * The OpenAI error form, `{"error": {"message", "type", "param", "code"}}`,
 * built from validation issues or from an HTTP status. No NestJS import here,
 * so it serves any Node server.
 */
import { dottedLoc } from '../errors';
import type { Issue } from '../errors';

/** The body of an OpenAI error response; official clients parse it into `APIError` subclasses. */
export interface OpenAIErrorBody {
  /** The error itself. */
  error: {
    /** A readable description. */
    message: string;
    /** The error class, such as `invalid_request_error` or `server_error`. */
    type: string;
    /** The dotted location of the offending request field (`messages.0.role`), or null. */
    param: string | null;
    /** A machine-readable code, such as `model_not_found`, or null. */
    code: string | null;
  };
}

/** Optional parts of an OpenAI error body. */
export interface OpenAIErrorOptions {
  /** The error class; defaults to the one for the status (see `errorTypeForStatus`), or `invalid_request_error`. */
  type?: string;
  /** The dotted location of the offending field. */
  param?: string | null;
  /** A machine-readable code. */
  code?: string | null;
}

/** Most issues spelled out in an error message; the rest are counted. */
const MESSAGE_ISSUES = 10;

/** Builds an OpenAI error body. */
export function openAIErrorBody(message: string, options: OpenAIErrorOptions = {}): OpenAIErrorBody {
  return {
    error: {
      message,
      type: options.type ?? 'invalid_request_error',
      param: options.param ?? null,
      code: options.code ?? null,
    },
  };
}

/** The OpenAI error `type` for an HTTP status: `server_error` for 5xx, `invalid_request_error` for most 4xx. */
export function errorTypeForStatus(status: number): string {
  if (status >= 500) return 'server_error';
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 429) return 'rate_limit_error';
  return 'invalid_request_error';
}

/** One line per issue, `loc: msg`, the first ten spelled out and the rest counted. */
export function messageFromIssues(issues: readonly Issue[]): string {
  if (!issues.length) return 'Invalid request body';
  const lines = issues.slice(0, MESSAGE_ISSUES).map((i) => `${dottedLoc(i.loc) ?? 'body'}: ${i.msg}`);
  const more = issues.length - MESSAGE_ISSUES;
  return lines.join('; ') + (more > 0 ? `; and ${more} more error${more === 1 ? '' : 's'}` : '');
}

/** The 400 body for rejected input: `param` is the dotted location of the first issue. */
export function errorBodyFromIssues(issues: readonly Issue[]): OpenAIErrorBody {
  return openAIErrorBody(messageFromIssues(issues), { param: issues.length ? dottedLoc(issues[0].loc) : null });
}

/** The message for a body that is not a JSON object (an array, a string, a number, null, or nothing). */
export const NOT_AN_OBJECT_MESSAGE = 'The request body must be a JSON object';

/** Whether `value` already has the OpenAI error form (an `error` object with a string `message`). */
export function isOpenAIErrorBody(value: unknown): value is OpenAIErrorBody {
  if (value === null || typeof value !== 'object') return false;
  const error = (value as { error?: unknown }).error;
  return error !== null && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string';
}

/** Whether a request body is a JSON object, the only shape a protocol request may take. */
export function isJsonObjectBody(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !ArrayBuffer.isView(value);
}
