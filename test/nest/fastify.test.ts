/**
 * `OpenAIExceptionFilter`'s mapping (`toOpenAIErrorReply`) of Fastify's own
 * body errors, as NestJS 10 and 11 hand them to a filter (raw; NestJS 12
 * wraps them in an `HttpException`, which the e2e suite covers), and what
 * Fastify's default JSON parser keeps of a body's `__proto__` and
 * `constructor` keys under each `onProtoPoisoning` / `onConstructorPoisoning`
 * setting (README, "Fastify"). Run in a child process (fixtures/fastify-errors.ts).
 */
import { execFile } from 'child_process';
import * as path from 'path';
import { promisify } from 'util';

let report: any;

beforeAll(async () => {
  const root = path.resolve(__dirname, '../..');
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'fixtures', 'fastify-errors.ts')],
    { cwd: root },
  );
  report = JSON.parse(stdout);
}, 60_000);

const openAIError = (message: string) => ({ error: { message, type: 'invalid_request_error', param: null, code: null } });

test.each([
  ['FST_ERR_CTP_BODY_TOO_LARGE', 'tooLarge', 413, 'Request body is too large'],
  ['FST_ERR_CTP_INVALID_JSON_BODY', 'invalidJson', 400, "Body is not valid JSON but content-type is set to 'application/json'"],
  ['FST_ERR_CTP_EMPTY_JSON_BODY', 'emptyJson', 400, "Body cannot be empty when content-type is set to 'application/json'"],
  ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 'mediaType', 415, 'Unsupported Media Type'],
])('%s, raw, keeps its status and message, in the OpenAI form', (_code, key, status, message) => {
  expect(report.errors[key]).toEqual({ status, body: openAIError(message as string) });
});

describe('a body with own "__proto__" and "constructor" keys under Fastify\'s default JSON parser', () => {
  test('"error" (Fastify\'s default) refuses it: a 400 in the OpenAI form', () => {
    expect(report.poisoning.error).toEqual({ status: 400, body: openAIError("Body is not valid JSON but content-type is set to 'application/json'") });
  });

  test('"remove" loses keys JSON.parse keeps', () => {
    expect(report.poisoning.remove.status).toBe(200);
    expect(report.poisoning.remove.body.ownKeys).toEqual(['model']);
    expect(report.jsonParse).toEqual(['model', '__proto__', 'constructor']);
  });

  test('"ignore" keeps exactly what JSON.parse keeps, as own keys, and pollutes no prototype', () => {
    expect(report.poisoning.ignore).toEqual({
      status: 200,
      body: { ownKeys: report.jsonParse, proto: true, inner: { polluted: true } },
    });
    expect(report.polluted).toBe(false);
  });
});
