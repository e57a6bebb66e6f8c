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

/** The `charset` parameter of a `Content-Type` header, lower-cased and unquoted, or undefined. */
function charsetOf(header: string): string | undefined {
  for (const param of header.split(';').slice(1)) {
    const eq = param.indexOf('=');
    if (eq < 0 || param.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    return param.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1').toLowerCase();
  }
  return undefined;
}

/**
 * Passes on requests without a body or with a JSON one; any other body is a
 * 415 `invalid_request_error` (through the app's exception filters), and so
 * is a JSON body in any charset but UTF-8 (RFC 8259 §8.1: JSON between
 * systems is UTF-8), so that Express and Fastify read the same bodies. Mount
 * it before the body parser: `app.use(openAIJsonOnly())`, on Express or on
 * Fastify (through `@fastify/middie`, which `@nestjs/platform-fastify` registers).
 */
export function openAIJsonOnly(): NodeMiddleware {
  return (req, _res, next) => {
    if (!hasBody(req)) return next();
    const header = req.headers['content-type'];
    if (!isJsonContentType(header)) {
      const got = header ?? 'none';
      return next(new OpenAIHttpException(415, `Unsupported Content-Type ${JSON.stringify(got)}: send the body as application/json`));
    }
    const charset = charsetOf(header!);
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      return next(new OpenAIHttpException(415, `Unsupported charset ${JSON.stringify(charset)}: send the body as UTF-8`));
    }
    next();
  };
}
