/**
 * The demo server with NestJS's stock `ValidationPipe({ transform: true })`
 * (`pipe: 'stock'`, the baseline of `npm run bench:http`): the official
 * client gets the echo, plainly and streamed, and a bad body is a 400 in the
 * OpenAI error form (class-validator's message, no protocol checks).
 */
import OpenAI from 'openai';
import { PLATFORMS, startEchoServer } from './server';
import type { EchoServer } from './server';
import { rejection } from './http';

let server: EchoServer;

describe.each(PLATFORMS)('on %s', (platform) => {
  beforeAll(async () => {
    server = await startEchoServer({ platform, env: { ECHO_PIPE: 'stock' } });
  }, 90_000);

  afterAll(async () => {
    await server?.close();
  });

  const client = () => new OpenAI({ baseURL: server.baseURL, apiKey: 'x', maxRetries: 0 });
  const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: [{ type: 'text', text: 'Great, and please' }, { type: 'text', text: 'summarize.' }] },
  ];

  test('the controller gets a ChatCompletionRequest instance with typed messages, and the echo comes back', async () => {
    const reply = await client().chat.completions.create({ model: 'echo', messages, temperature: 0.2 });
    expect(reply.choices[0].message).toMatchObject({ role: 'assistant', content: 'Great, and please summarize.' });
    const seen = (await (await fetch(`${server.origin}/spy/last`)).json()) as Record<string, unknown>;
    expect(seen).toMatchObject({ ctor: 'ChatCompletionRequest', isChatRequest: true, firstMessageCtor: 'ChatMessage' });
  });

  test('streamed: the echo word by word', async () => {
    const stream = await client().chat.completions.create({ model: 'echo', messages, stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('Great, and please summarize.');
  });

  test('max_tokens: "lots" is a BadRequestError, status 400, in the OpenAI error form', async () => {
    const err = await rejection(
      client().chat.completions.create({ model: 'echo', messages, max_tokens: 'lots' as any }),
    );
    expect(err).toBeInstanceOf(OpenAI.BadRequestError);
    expect(err.status).toBe(400);
    expect(err.error).toMatchObject({ type: 'invalid_request_error' });
    expect(String(err.error.message)).toMatch(/max_tokens/);
  });
});
