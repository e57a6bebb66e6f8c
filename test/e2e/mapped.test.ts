/**
 * Mapped models as NestJS bodies: a `PickModel` subclass (and a
 * `PartialModel`) through a controller, with `OpenAIValidationPipe`, with
 * NestJS's own `ValidationPipe` (`OPENAI_VALIDATION_OPTIONS`) and with `OpenAIParsePipe`: the handler gets
 * the model, the reply is its dump, and a bad body is a 400 with `param`.
 */
import { startEchoServer } from './server';
import type { EchoServer } from './server';

let server: EchoServer;

beforeAll(async () => {
  server = await startEchoServer({ fixture: 'mapped-serve.ts' });
}, 30_000);

afterAll(async () => {
  await server?.close();
});

async function post(route: string, body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.origin}/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

const message = { role: 'user', content: 'hi', name: null, function_call: null, tool_calls: null, tool_call_id: null };

describe.each(['validate', 'stock', 'parse'])('through the %s pipe', (pipe) => {
  test('a PickModel body reaches the handler as the model, and the reply is its dump in declaration order', async () => {
    const res = await post(`${pipe}/slim`, { seed: 3, model: 'm', messages: [{ role: 'user', content: 'hi' }], temperature: 0.1 });
    expect(res.status).toBe(200);
    expect(res.body.ctor).toBe('SlimChat');
    expect(res.body.isModel).toBe(true);
    expect(res.body.isChatRequest).toBe(false);
    expect(res.body.extras).toEqual(['temperature']);
    expect(res.body.unset).toEqual({ model: 'm', messages: [{ role: 'user', content: 'hi' }], seed: 3, temperature: 0.1 });
    expect(JSON.stringify(res.body.dump)).toBe(
      JSON.stringify({ model: 'm', messages: [message], max_tokens: 128, seed: 3, tenant: null, temperature: 0.1 }),
    );
  });

  test('a bad PickModel body is a 400 in the OpenAI form, param at the first issue', async () => {
    const res = await post(`${pipe}/slim`, { model: 'm', messages: [{ role: 'user', content: 'hi' }, { content: 'no role' }], max_tokens: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.error.type).toBe('invalid_request_error');
    expect(res.body.error.param).toBe('messages.1.role');
    expect(res.body.error.message).toContain('messages.1.role: Field required');
    expect(res.body.error.message).toContain('max_tokens: Input should be a valid integer');
    const missing = await post(`${pipe}/slim`, { messages: [] });
    expect(missing.status).toBe(400);
    expect(missing.body.error.param).toBe('model');
  });

  test('a PartialModel body dumps only what was given, and still checks it', async () => {
    const ok = await post(`${pipe}/patch`, { temperature: 0.3, top_k: null });
    expect(ok.status).toBe(200);
    expect(ok.body.ctor).toBe('ChatPatch');
    expect(ok.body.dump).toEqual({ temperature: 0.3 });
    const bad = await post(`${pipe}/patch`, { seed: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.param).toBe('seed');
  });
});
