/** A middleware that turns away request bodies that are not JSON, with a 415 in the OpenAI form. */
import type { IncomingMessage, ServerResponse } from 'http';
import { OpenAIHttpException } from './exceptions';

/** A Connect/Express-style middleware. */
export type NodeMiddleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}

/** Whether a `Content-Type` header names JSON (`application/json`, any parameters). */
export function isJsonContentType(header: string | undefined): boolean {
  return !!header && header.split(';')[0].trim().toLowerCase() === 'application/json';
}

/**
 * Passes on requests without a body or with a JSON one; any other body is a
 * 415 `invalid_request_error` (through the app's exception filters). Mount it
 * before the body parser: `app.use(openAIJsonOnly())`.
 */
export function openAIJsonOnly(): NodeMiddleware {
  return (req, _res, next) => {
    if (!hasBody(req) || isJsonContentType(req.headers['content-type'])) return next();
    const got = req.headers['content-type'] ?? 'none';
    next(new OpenAIHttpException(415, `Unsupported Content-Type ${JSON.stringify(got)}: send the body as application/json`));
  };
}
