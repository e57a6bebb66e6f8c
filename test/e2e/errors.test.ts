/**
 * Bad requests against the echo server, under both pipes: each answer has
 * the OpenAI error form the official client turns into typed errors.
 */
import OpenAI from 'openai';
import { PLATFORMS, startEchoServer } from './server';
import type { EchoServer } from './server';
import { rejection } from './http';

type Pipe = 'validate' | 'parse';
const servers = {} as Record<Pipe, EchoServer>;

describe.each(PLATFORMS)('on %s', (platform) => {
  beforeAll(async () => {
    const [validate, parse] = await Promise.all([startEchoServer({ platform }), startEchoServer({ platform, env: { ECHO_PIPE: 'parse' } })]);
    servers.validate = validate;
    servers.parse = parse;
  }, 90_000);

  afterAll(async () => {
    await Promise.all(Object.values(servers).map((s) => s.close()));
  });

  async function post(server: EchoServer, route: string, body: string, contentType = 'application/json') {
    const res = await fetch(`${server.baseURL}${route}`, { method: 'POST', headers: { 'content-type': contentType }, body });
    return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as any };
  }

  function expectErrorForm(body: any): void {
    expect(Object.keys(body)).toEqual(['error']);
    expect(Object.keys(body.error)).toEqual(['message', 'type', 'param', 'code']);
    expect(typeof body.error.message).toBe('string');
    expect(body.error.message.length).toBeGreaterThan(0);
  }

  describe.each<Pipe>(['validate', 'parse'])('with the %s pipe', (pipe) => {
    const client = () => new OpenAI({ baseURL: servers[pipe].baseURL, apiKey: 'x', maxRetries: 0 });

    test('max_tokens: "lots" is a BadRequestError, status 400, param max_tokens', async () => {
      const err = await rejection(
        client().chat.completions.create({ model: 'echo', messages: [{ role: 'user', content: 'hi' }], max_tokens: 'lots' as any }),
      );
      expect(err).toBeInstanceOf(OpenAI.BadRequestError);
      expect(err.status).toBe(400);
      expect(err.param).toBe('max_tokens');
      expect(err.type).toBe('invalid_request_error');
      expect(err.code).toBeNull();
      expect(err.message).toContain('max_tokens: Input should be a valid integer');
    });

    test('a missing messages is param "messages"', async () => {
      const err = await rejection(client().chat.completions.create({ model: 'echo' } as any));
      expect(err).toBeInstanceOf(OpenAI.BadRequestError);
      expect(err.param).toBe('messages');
      expect(err.message).toContain('messages: Field required');
    });

    test('a nested error is located by its dotted path', async () => {
      const err = await rejection(
        client().chat.completions.create({ model: 'echo', messages: [{ role: 'user', content: 'hi' }, { content: 'no role' }] } as any),
      );
      expect(err.param).toBe('messages.1.role');
    });

    test('a named tool_choice that is not among tools is a 400 with param tool_choice', async () => {
      const err = await rejection(
        client().chat.completions.create({
          model: 'echo',
          messages: [{ role: 'user', content: 'hi' }],
          tools: [{ type: 'function', function: { name: 'get_time' } }],
          tool_choice: { type: 'function', function: { name: 'launch_rocket' } },
        }),
      );
      expect(err).toBeInstanceOf(OpenAI.BadRequestError);
      expect(err.param).toBe('tool_choice');
      expect(err.message).toContain('launch_rocket');
    });

    test('an unknown model is a NotFoundError with code model_not_found', async () => {
      const err = await rejection(client().chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }));
      expect(err).toBeInstanceOf(OpenAI.NotFoundError);
      expect(err.param).toBe('model');
      expect(err.code).toBe('model_not_found');
    });

    test('malformed JSON is a 400 whose body has error.message', async () => {
      const res = await post(servers[pipe], '/chat/completions', '{"model": "echo", "messages": [');
      expect(res.status).toBe(400);
      expect(res.type).toMatch(/^application\/json/);
      expectErrorForm(res.body);
      expect(res.body.error).toMatchObject({ type: 'invalid_request_error', param: null, code: null });
    });

    test.each([['[]'], ['"text"'], ['42'], ['null']])('a body that is not an object (%s) is a 400', async (body) => {
      const res = await post(servers[pipe], '/chat/completions', body);
      expect(res.status).toBe(400);
      expectErrorForm(res.body);
      expect(res.body.error.message).toBe('The request body must be a JSON object');
    });

    test('an unknown route under /v1 is a 404 in the same form', async () => {
      const res = await post(servers[pipe], '/embeddings', '{}');
      expect(res.status).toBe(404);
      expectErrorForm(res.body);
      expect(res.body.error.type).toBe('invalid_request_error');
      const err = await rejection(client().embeddings.create({ model: 'echo', input: 'hi' }));
      expect(err).toBeInstanceOf(OpenAI.NotFoundError);
    });

    test('a body that is not JSON is a 415 in the same form', async () => {
      const res = await post(servers[pipe], '/chat/completions', 'model=echo', 'application/x-www-form-urlencoded');
      expect(res.status).toBe(415);
      expectErrorForm(res.body);
    });

    test('a body over the 10 MB limit is a 413 in the same form', async () => {
      const big = JSON.stringify({ model: 'echo', messages: [{ role: 'user', content: 'x'.repeat(10 * 1024 * 1024) }] });
      const res = await post(servers[pipe], '/chat/completions', big);
      expect(res.status).toBe(413);
      expectErrorForm(res.body);
    });

    test('extras reach the controller on the DTO instance', async () => {
      const res = await client().chat.completions.create({
        model: 'echo',
        messages: [{ role: 'user', content: 'hi' }],
        max_tokens: '5' as any,
        custom_field: { keep: ['me', 1] },
      } as any);
      expect(res.choices[0].message.content).toBe('hi');
      const seen = (await (await fetch(`${servers[pipe].origin}/spy/last`)).json()) as any;
      expect(seen).toEqual({
        route: 'chat/completions',
        ctor: 'ChatCompletionRequest',
        isModel: true,
        isChatRequest: true,
        extras: ['custom_field'],
        custom_field: { keep: ['me', 1] },
        firstMessageCtor: 'ChatMessage',
        max_tokens: 5,
      });
    });

    test('an extra keeps the own "__proto__" and "constructor" keys JSON.parse gives, as plain data, and duplicate keys as JSON.parse does', async () => {
      const custom = '{"__proto__": {"stream": true}, "constructor": {"prototype": {"n": 3}}, "dup": 1, "dup": 2, "big": 12345678901234567890}';
      const res = await post(servers[pipe], '/chat/completions', `{"model": "echo", "messages": [{"role": "user", "content": "hi"}], "custom_field": ${custom}}`);
      expect(res.status).toBe(200);
      expect(res.body.choices).toHaveLength(1);
      const seen = (await (await fetch(`${servers[pipe].origin}/spy/last`)).json()) as any;
      const expected = JSON.parse(custom);
      expect(Object.keys(seen.custom_field)).toEqual(['__proto__', 'constructor', 'dup', 'big']);
      expect(seen.custom_field).toEqual(expected);
      expect(Object.getOwnPropertyDescriptor(seen.custom_field, '__proto__')!.value).toEqual({ stream: true });
      expect(seen.custom_field.dup).toBe(2);
      expect(seen.custom_field.big).toBe(12345678901234567000);
    });
  });

  test('both pipes answer the same bodies with the same status and error', async () => {
    const bodies = [
      { model: 'echo', messages: [{ role: 'user', content: 'hi' }], max_tokens: 'lots' },
      { model: 'echo' },
      {},
      { model: 5, messages: 'no' },
      { model: 'echo', messages: [{ role: 'user', content: [{ text: 'no type' }] }] },
      { model: 'echo', messages: [{ role: 'assistant', tool_calls: [{ id: 1, function: { name: 'f' } }] }] },
      { model: 'echo', messages: [], temperature: 'hot', top_p: null, stop: ['a', 1], logit_bias: { '1': 'x' } },
      { model: 'echo', messages: [], tools: [{ type: 'function', function: {} }], n: 1.5 },
    ];
    for (const body of bodies) {
      const [a, b] = await Promise.all([
        post(servers.validate, '/chat/completions', JSON.stringify(body)),
        post(servers.parse, '/chat/completions', JSON.stringify(body)),
      ]);
      expect(a.status).toBe(400);
      expect({ body, answer: b.body }).toEqual({ body, answer: a.body });
    }
  });

  describe('the exception filter', () => {
    const get = async (route: string) => {
      const res = await fetch(`${servers.validate.origin}/spy/${route}`);
      return { status: res.status, body: (await res.json()) as any };
    };

    test('a ProtocolValidationError thrown by handler code is a 400 with its param', async () => {
      const res = await get('protocol-error');
      expect(res.status).toBe(400);
      expectErrorForm(res.body);
      expect(res.body.error).toMatchObject({ type: 'invalid_request_error', param: 'messages.0.content' });
    });

    test('a stock HttpException keeps its status and message', async () => {
      const res = await get('forbidden');
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ error: { message: 'No entry', type: 'permission_error', param: null, code: null } });
    });

    test('an unexpected error is a 500 server_error that reveals nothing', async () => {
      const res = await get('crash');
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ error: { message: 'Internal server error', type: 'server_error', param: null, code: null } });
    });
  });
});
