/**
 * The echo server under abuse (issue 5, guarantee 10): oversized, malformed,
 * mistyped, misrouted, hostile and aborted requests each get the OpenAI error
 * form `{"error": {"message", "type", "param", "code"}}` with the right
 * status, and the server answers a normal chat request after every one.
 */
import * as http from 'http';
import * as zlib from 'zlib';
import { httpRequest } from './http';
import type { RawReply } from './http';
import { PLATFORMS, startEchoServer } from './server';
import type { EchoServer, Platform } from './server';

let server: EchoServer; // the default limit, 10 MB, and the default pipe (validate)
let parsing: EchoServer; // ECHO_PIPE=parse: the fast route
let small: EchoServer; // BODY_LIMIT=1kb

/** Every error answer on each platform, keyed by its test (without the platform) and its order there: compared last. */
const answers: Record<Platform, Map<string, { status: number; body: unknown }>> = { express: new Map(), fastify: new Map() };

describe.each(PLATFORMS)('on %s', (platform) => {
  beforeAll(async () => {
    [server, parsing, small] = await Promise.all([
      startEchoServer({ platform }),
      startEchoServer({ platform, env: { ECHO_PIPE: 'parse' } }),
      startEchoServer({ platform, env: { BODY_LIMIT: '1kb' } }),
    ]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([server?.close(), parsing?.close(), small?.close()]);
  });

  /** The servers whose answers depend on the pipe, by pipe. */
  const pipes = (): Array<[string, EchoServer]> => [
    ['validate', server],
    ['parse', parsing],
  ];

  /** One connection per request, so nothing is shared between cases. */
  const agent = new http.Agent({ keepAlive: false });

  interface RawRequest {
    method?: string;
    path: string;
    headers?: http.OutgoingHttpHeaders;
    body?: string | Buffer;
  }

  /** Sends exactly the given headers and body (no content type unless given). */
  function send(target: EchoServer, req: RawRequest): Promise<RawReply> {
    const url = new URL(target.origin);
    return httpRequest(
      { host: url.hostname, port: url.port, method: req.method ?? 'POST', path: req.path, headers: req.headers, agent },
      req.body,
    );
  }

  const JSON_TYPE = { 'content-type': 'application/json' };

  function chatBody(content: string, extra: object = {}): string {
    return JSON.stringify({ model: 'echo', messages: [{ role: 'user', content }], ...extra });
  }

  /** Checks the OpenAI error form and returns the parsed body. */
  function errorOf(reply: RawReply, status: number): { message: string; type: string; param: unknown; code: unknown } {
    expect({ status: reply.status, text: reply.text.slice(0, 300) }).toMatchObject({ status });
    expect(reply.contentType).toMatch(/^application\/json/);
    const body = JSON.parse(reply.text);
    expect(Object.keys(body)).toEqual(['error']);
    expect(Object.keys(body.error)).toEqual(['message', 'type', 'param', 'code']);
    expect(typeof body.error.message).toBe('string');
    expect(body.error.message.length).toBeGreaterThan(0);
    expect(body.error.type).toBe('invalid_request_error');
    const seen = answers[platform];
    const test = expect.getState().currentTestName!.replace(`on ${platform} `, '');
    let n = 1;
    while (seen.has(`${test} #${n}`)) n++;
    seen.set(`${test} #${n}`, { status: reply.status, body });
    return body.error;
  }

  let probe = 0;

  /** A normal chat request succeeds and echoes its (fresh) message. */
  async function expectStillServing(target: EchoServer): Promise<void> {
    const content = `still serving after abuse, probe ${++probe}`;
    const reply = await send(target, { path: '/v1/chat/completions', headers: JSON_TYPE, body: chatBody(content) });
    expect({ status: reply.status, text: reply.text.slice(0, 300) }).toMatchObject({ status: 200 });
    const body = JSON.parse(reply.text);
    expect(body.choices[0].message.content).toBe(content);
    expect(body.choices[0].finish_reason).toBe('stop');
  }

  describe('a body over the size limit is a 413', () => {
    test('the default limit: 11 MB is refused', async () => {
      const body = chatBody('x'.repeat(11 * 1024 * 1024));
      expect(body.length).toBeGreaterThan(11 * 1024 * 1024);
      const error = errorOf(await send(server, { path: '/v1/chat/completions', headers: JSON_TYPE, body }), 413);
      expect(error.param).toBeNull();
      await expectStillServing(server);
    });

    test('the default limit: 9 MB is accepted', async () => {
      const content = 'y'.repeat(9 * 1024 * 1024);
      const reply = await send(server, { path: '/v1/chat/completions', headers: JSON_TYPE, body: chatBody(content) });
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.text).choices[0].message.content).toBe(content);
    });

    /** A body of exactly `size` bytes. */
    const sized = (size: number): string => {
      const bare = chatBody('');
      return chatBody('z'.repeat(size - bare.length));
    };

    test('BODY_LIMIT=1kb: 1024 bytes pass, 1025 bytes are a 413', async () => {
      const atLimit = sized(1024);
      expect(Buffer.byteLength(atLimit)).toBe(1024);
      const ok = await send(small, { path: '/v1/chat/completions', headers: JSON_TYPE, body: atLimit });
      expect(ok.status).toBe(200);
      errorOf(await send(small, { path: '/v1/chat/completions', headers: JSON_TYPE, body: sized(1025) }), 413);
      await expectStillServing(small);
    });

    test('BODY_LIMIT=1kb: a chunked body with no Content-Length is counted too', async () => {
      const body = sized(4096);
      const reply = await send(small, {
        path: '/v1/chat/completions',
        headers: { ...JSON_TYPE, 'transfer-encoding': 'chunked' },
        body,
      });
      errorOf(reply, 413);
      await expectStillServing(small);
    });

    test('BODY_LIMIT=1kb: a gzip body is limited after inflating (no zip bomb)', async () => {
      const inflated = sized(512 * 1024);
      const body = zlib.gzipSync(inflated);
      expect(body.length).toBeLessThan(1024);
      const reply = await send(small, {
        path: '/v1/chat/completions',
        headers: { ...JSON_TYPE, 'content-encoding': 'gzip', 'content-length': body.length },
        body,
      });
      errorOf(reply, 413);
      await expectStillServing(small);
    });

    test('an oversized body on an unknown route is refused too', async () => {
      errorOf(await send(small, { path: '/v1/embeddings', headers: JSON_TYPE, body: sized(4096) }), 413);
      await expectStillServing(small);
    });
  });

  describe('malformed JSON is a 400', () => {
    test.each([
      ['cut short', '{"model": "echo", "messages": ['],
      ['trailing garbage', `${chatBody('hi')}}`],
      ['single quotes', "{'model': 'echo'}"],
      ['a NaN literal', '{"model": "echo", "messages": [], "temperature": NaN}'],
      ['a bare word', 'hello'],
      ['an unterminated string', '{"model": "ec'],
      ['control characters in a string', '{"model": "e\u0001cho"}'],
      ['only whitespace', '   \n  '],
    ])('%s', async (_name, body) => {
      const error = errorOf(await send(server, { path: '/v1/chat/completions', headers: JSON_TYPE, body }), 400);
      expect(error.param).toBeNull();
      await expectStillServing(server);
    });

    test('invalid gzip data is a 400', async () => {
      const reply = await send(server, {
        path: '/v1/chat/completions',
        headers: { ...JSON_TYPE, 'content-encoding': 'gzip' },
        body: Buffer.from('definitely not gzip'),
      });
      errorOf(reply, 400);
      await expectStillServing(server);
    });
  });

  describe('a JSON body that is not an object is a 400', () => {
    test.each([['[]'], ['[{"model": "echo", "messages": []}]'], ['42'], ['-1.5e300'], ['"text"'], ['true'], ['null']])(
      '%s',
      async (body) => {
        for (const [, target] of pipes()) {
          const error = errorOf(await send(target, { path: '/v1/chat/completions', headers: JSON_TYPE, body }), 400);
          expect(error.message).toBe('The request body must be a JSON object');
          await expectStillServing(target);
        }
      },
    );
  });

  describe('a wrong content type is a 415', () => {
    test.each<[string, http.OutgoingHttpHeaders]>([
      ['text/plain', { 'content-type': 'text/plain' }],
      ['text/plain;charset=UTF-8 (what fetch sends for a string)', { 'content-type': 'text/plain;charset=UTF-8' }],
      ['application/x-www-form-urlencoded', { 'content-type': 'application/x-www-form-urlencoded' }],
      ['multipart/form-data', { 'content-type': 'multipart/form-data; boundary=x' }],
      ['application/jsonp (a lookalike)', { 'content-type': 'application/jsonp' }],
      ['no content type at all', {}],
    ])('%s', async (_name, headers) => {
      const error = errorOf(await send(server, { path: '/v1/chat/completions', headers, body: chatBody('typed wrong') }), 415);
      expect(error.message).toContain('application/json');
      await expectStillServing(server);
    });

    test('application/json with a charset the server cannot read is a 415', async () => {
      const reply = await send(server, {
        path: '/v1/chat/completions',
        headers: { 'content-type': 'application/json; charset=klingon' },
        body: chatBody('hi'),
      });
      errorOf(reply, 415);
      await expectStillServing(server);
    });

    test('application/json with parameters is accepted', async () => {
      const reply = await send(server, {
        path: '/v1/chat/completions',
        headers: { 'content-type': 'Application/JSON; charset=utf-8' },
        body: chatBody('parameters are fine'),
      });
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.text).choices[0].message.content).toBe('parameters are fine');
    });
  });

  describe('an unknown route is a 404', () => {
    test.each<[string, string]>([
      ['POST', '/v1/embeddings'],
      ['GET', '/v1/nothing-here'],
      ['GET', '/v1/chat/completions'],
      ['DELETE', '/v1/models'],
      ['POST', '/v1/chat/completions/extra'],
      ['POST', '/v2/chat/completions'],
      ['POST', '/chat/completions'],
      ['GET', '/'],
      ['GET', '/favicon.ico'],
      ['GET', '/..%2f..%2fetc%2fpasswd'],
      ['GET', '/v1/%00'],
    ])('%s %s', async (method, path) => {
      const withBody = method === 'POST';
      const reply = await send(server, { method, path, headers: withBody ? JSON_TYPE : {}, body: withBody ? chatBody('lost') : undefined });
      errorOf(reply, 404);
      await expectStillServing(server);
    });
  });

  /** A chat body whose extra `extra` is `depth` nested arrays (2 bytes a level). */
  const deep = (depth: number): string =>
    `{"model": "echo", "messages": [{"role": "user", "content": "deep"}], "extra": ${'['.repeat(depth)}${']'.repeat(depth)}}`;

  describe.each(['validate', 'parse'])('hostile bodies, with the %s pipe', (pipe) => {
    const target = (): EchoServer => (pipe === 'parse' ? parsing : server);

    test('__proto__ and constructor.prototype keys change nothing for the next request', async () => {
      const hostile =
        '{"model": "echo", "messages": [{"role": "user", "content": "one two three"}],' +
        ' "__proto__": {"stream": true, "max_tokens": 1, "n": 3},' +
        ' "constructor": {"prototype": {"stream": true, "max_tokens": 1, "n": 3}}}';
      const first = await send(target(), { path: '/v1/chat/completions', headers: JSON_TYPE, body: hostile });
      expect(first.status).toBe(200);
      const answer = JSON.parse(first.text);
      expect(answer.choices).toHaveLength(1);
      expect(answer.choices[0].message.content).toBe('one two three');
      // A fresh request without those keys still gets the defaults: no stream, 128 tokens, one choice.
      const content = Array.from({ length: 20 }, (_, i) => `word${i}`).join(' ');
      const next = await send(target(), { path: '/v1/chat/completions', headers: JSON_TYPE, body: chatBody(content) });
      expect(next.contentType).toMatch(/^application\/json/);
      const body = JSON.parse(next.text);
      expect(body.choices).toHaveLength(1);
      expect(body.choices[0].message.content).toBe(content);
    });

    test('extras nested 100,000 deep are a 400 "nested deeper", not a 500', async () => {
      const reply = await send(target(), { path: '/v1/chat/completions', headers: JSON_TYPE, body: deep(100_000) });
      await expectStillServing(target());
      const error = errorOf(reply, 400);
      expect(error.message).toContain('nested deeper than');
      // A location deeper than 16 keys is shortened to its ends (see ProtocolValidationError), keeping the error small.
      expect(String(error.param)).toMatch(/^extra(\.0)+(\.…(\.0)+)?$/);
      expect(String(error.param).length).toBeLessThan(80);
      expect(reply.text.length).toBeLessThan(4096);
    });

    test('extras nested 500 deep are accepted', async () => {
      const reply = await send(target(), { path: '/v1/chat/completions', headers: JSON_TYPE, body: deep(500) });
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.text).choices[0].message.content).toBe('deep');
    });
  });

  test('extras nested 600 deep (past the 512 levels parse allows) get the same answer from both pipes', async () => {
    const [a, b] = await Promise.all(pipes().map(([, target]) => send(target, { path: '/v1/chat/completions', headers: JSON_TYPE, body: deep(600) })));
    const answer = (r: RawReply) => (r.status === 200 ? { status: 200 } : { status: r.status, body: JSON.parse(r.text) });
    expect(answer(a)).toEqual(answer(b));
  });

  describe('aborted uploads do not crash the server', () => {
    /** Announces `announced` bytes, sends `sent` of them, then destroys the socket. */
    function abortedUpload(target: EchoServer, announced: number, sent: number, headers: http.OutgoingHttpHeaders): Promise<void> {
      const url = new URL(target.origin);
      return new Promise((resolve) => {
        const r = http.request({
          host: url.hostname,
          port: url.port,
          method: 'POST',
          path: '/v1/chat/completions',
          headers: { ...headers, 'content-length': announced },
          agent,
        });
        r.on('error', () => undefined); // the abort itself
        r.on('close', () => resolve());
        r.on('response', (res) => res.resume());
        const partial = chatBody('p'.repeat(announced)).slice(0, sent);
        r.write(partial, () => r.destroy());
      });
    }

    test('a JSON body cut off mid-upload, twenty times over', async () => {
      await Promise.all(Array.from({ length: 20 }, () => abortedUpload(server, 100_000, 5_000, JSON_TYPE)));
      await expectStillServing(server);
      await expectStillServing(server);
    });

    test('an oversized body cut off mid-upload', async () => {
      await abortedUpload(small, 50_000, 10_000, JSON_TYPE);
      await expectStillServing(small);
      await expectStillServing(small);
    });

    test('a body of the wrong type cut off mid-upload', async () => {
      await abortedUpload(server, 100_000, 5_000, { 'content-type': 'text/plain' });
      await expectStillServing(server);
    });

    test('headers cut off before the body', async () => {
      const url = new URL(server.origin);
      const net = await import('net');
      await new Promise<void>((resolve) => {
        const socket = net.connect(Number(url.port), url.hostname, () => {
          socket.write('POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: appl', () => socket.destroy());
        });
        socket.on('error', () => undefined);
        socket.on('close', () => resolve());
      });
      await expectStillServing(server);
    });
  });
});

test('Express and Fastify answer every abusive request above with the same status and the same error body', () => {
  expect(answers.express.size).toBeGreaterThanOrEqual(45);
  expect(Object.fromEntries(answers.fastify)).toEqual(Object.fromEntries(answers.express));
});
