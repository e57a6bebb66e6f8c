/**
 * What the echo server adds to Fastify so that it reads bodies as Express's
 * body-parser does (`json({ strict: false })`): the same limit syntax, gzip,
 * deflate and br bodies inflated and limited once inflated, an empty body
 * read as `{}`, and the body given to `JSON.parse` as is, so a body keeps
 * every key `JSON.parse` keeps (an own `__proto__` too) and a malformed one
 * gets `JSON.parse`'s own message; and, like body-parser, a body refused
 * before its end is read to its end before the error is sent, so the
 * client, still uploading, gets the answer rather than a broken pipe.
 */
import { PassThrough } from 'stream';
import { finished } from 'stream/promises';
import * as zlib from 'zlib';
import bytes from 'bytes';
import type { FastifyBodyParser, FastifyReply, FastifyRequest, RequestPayload } from 'fastify';
import { OpenAIHttpException } from '../../src/nest';

/**
 * A body-parser limit (`'10mb'`, `'1kb'`, `512`) in bytes, as Fastify's
 * `bodyLimit` takes it: read by `bytes`, the parser body-parser itself uses,
 * so both platforms take a limit the same way.
 */
export function byteLimit(limit: string | number): number {
  const n = bytes.parse(limit);
  if (n === null || !Number.isFinite(n)) throw new Error(`Not a body size: ${JSON.stringify(limit)}`);
  return n;
}

const INFLATERS: Record<string, () => zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress> = {
  gzip: () => zlib.createGunzip(),
  deflate: () => zlib.createInflate(),
  br: () => zlib.createBrotliDecompress(),
};

/** The inflated body, with the bytes read off the wire as `receivedEncodedLength` (Fastify checks both against its limits). */
type InflatedPayload = PassThrough & { receivedEncodedLength: number };

/**
 * A `preParsing` hook: a gzip, deflate or br body is inflated before Fastify
 * reads it, so `bodyLimit` counts the inflated bytes (no zip bomb); corrupt
 * data is a 400 and any other encoding a 415, as body-parser answers.
 */
export async function inflateRequestBody(request: FastifyRequest, _reply: FastifyReply, payload: RequestPayload): Promise<RequestPayload> {
  const encoding = String(request.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding === 'identity') return payload;
  const make = INFLATERS[encoding];
  if (!make) throw new OpenAIHttpException(415, `unsupported content encoding "${encoding}"`);
  const inflate = make();
  const out = new PassThrough() as InflatedPayload;
  out.receivedEncodedLength = 0;
  payload.on('data', (chunk: Buffer) => (out.receivedEncodedLength += chunk.length));
  payload.on('error', (error: Error) => out.destroy(error));
  inflate.on('error', (error: Error) => out.destroy(new OpenAIHttpException(400, error.message)));
  payload.pipe(inflate).pipe(out);
  return out;
}

/** Decodes UTF-8 as body-parser does: a leading BOM dropped, bad sequences replaced. */
const UTF8 = new TextDecoder('utf-8');

/**
 * Fastify's `application/json` parser, as body-parser's `json({ strict: false })`:
 * an empty body is `{}`, anything else goes to `JSON.parse` as is, and a
 * malformed body is a 400 with `JSON.parse`'s message.
 */
export const jsonBodyParser: FastifyBodyParser<Buffer> = (_request, body, done) => {
  if (body.length === 0) return done(null, {});
  let parsed: unknown;
  try {
    parsed = JSON.parse(UTF8.decode(body));
  } catch (error) {
    return done(new OpenAIHttpException(400, (error as Error).message), undefined);
  }
  done(null, parsed);
};

/**
 * An `onSend` hook: an error answered before the request body has fully
 * arrived (a 413 on its `Content-Length`, corrupt gzip) waits until the rest
 * has been read and dropped. Fastify closes such a connection once it has
 * answered; with unread bytes left, the client would see a reset instead.
 */
export async function drainRequestBody(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  const raw = request.raw;
  if (reply.statusCode >= 400 && !raw.complete && !raw.destroyed) {
    raw.unpipe();
    raw.resume();
    await finished(raw).catch(() => undefined);
  }
  return payload;
}
