/**
 * The demo server runs with the protocol checks on (`maxLogprobs` 20): the
 * official client gets a BadRequestError naming the offending field, under
 * both pipes, and a body at the limit is answered.
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

  const messages = [{ role: 'user' as const, content: 'hi' }];

  describe.each<Pipe>(['validate', 'parse'])('with the %s pipe', (pipe) => {
    const client = () => new OpenAI({ baseURL: servers[pipe].baseURL, apiKey: 'x', maxRetries: 0 });

    test('top_logprobs above 20 is a BadRequestError with param top_logprobs', async () => {
      const err = await rejection(client().chat.completions.create({ model: 'echo', messages, logprobs: true, top_logprobs: 21 }));
      expect(err).toBeInstanceOf(OpenAI.BadRequestError);
      expect(err.status).toBe(400);
      expect(err.param).toBe('top_logprobs');
      expect(err.type).toBe('invalid_request_error');
      expect(err.message).toContain("top_logprobs: top_logprobs must be at most 20 (the server's max_logprobs), got 21");
    });

    test('stream_options without stream is a 400 with param stream_options', async () => {
      const err = await rejection(client().chat.completions.create({ model: 'echo', messages, stream_options: { include_usage: true } }));
      expect(err).toBeInstanceOf(OpenAI.BadRequestError);
      expect(err.param).toBe('stream_options');
    });

    test('a logit_bias keyed by a word is a 400 at that key', async () => {
      const err = await rejection(client().completions.create({ model: 'echo', prompt: 'hi', logit_bias: { hello: 1 } }));
      expect(err).toBeInstanceOf(OpenAI.BadRequestError);
      expect(err.param).toBe('logit_bias.hello');
    });

    test('top_logprobs exactly 20 is answered', async () => {
      const res = await client().chat.completions.create({ model: 'echo', messages, logprobs: true, top_logprobs: 20 });
      expect(res.object).toBe('chat.completion');
      expect(res.choices.length).toBe(1);
    });
  });
});
