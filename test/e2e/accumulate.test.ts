/**
 * The SSE parser and accumulators against the echo server: a streamed answer,
 * parsed and merged, equals the unstreamed answer to the same request (ids
 * and times aside, which differ between two responses).
 */
import * as http from 'http';
import { ChatCompletionStreamResponse, CompletionStreamResponse } from '../../src';
import { accumulateChatStream, ChatCompletionAccumulator } from '../../src/sse/accumulate-chat';
import { accumulateCompletionStream } from '../../src/sse/accumulate-completion';
import { parseChatStream, parseCompletionStream } from '../../src/sse/parse';
import { PLATFORMS, startEchoServer } from './server';
import type { EchoServer } from './server';

let server: EchoServer;

describe.each(PLATFORMS)('on %s', (platform) => {
  beforeAll(async () => {
    server = await startEchoServer({ platform });
  }, 90_000);

  afterAll(async () => {
    await server?.close();
  });

  function request(route: string, body: object): Promise<Response> {
    return fetch(`${server.baseURL}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  /** The same response with its random parts (ids, time) replaced, after checking their form. */
  function normalized(json: any, idPrefix: string): any {
    expect(json.id).toMatch(new RegExp(`^${idPrefix}[0-9a-f]{32}$`));
    expect(Number.isInteger(json.created)).toBe(true);
    const out = { ...json, id: 'ID', created: 0 };
    out.choices = json.choices.map((c: any) =>
      c.message?.tool_calls
        ? {
            ...c,
            message: {
              ...c.message,
              tool_calls: c.message.tool_calls.map((t: any) => {
                expect(t.id).toMatch(/^call_[0-9a-f]+$/);
                return { ...t, id: 'CALL' };
              }),
            },
          }
        : c,
    );
    return out;
  }

  const chatCases: Array<[string, object]> = [
    ['plain text', { messages: [{ role: 'user', content: '  Hello,\n  streaming   world!  ' }] }],
    ['a reply cut by max_tokens', { messages: [{ role: 'user', content: 'one two three four five' }], max_tokens: 3 }],
    ['an empty reply', { messages: [{ role: 'system', content: 'no user here' }] }],
    ['two choices', { messages: [{ role: 'user', content: 'twice over' }], n: 2 }],
    [
      'a tool call',
      {
        messages: [{ role: 'user', content: 'weather?' }],
        tools: [{ type: 'function', function: { name: 'get_weather', parameters: {} } }],
        tool_choice: { type: 'function', function: { name: 'get_weather' } },
      },
    ],
    [
      'tool calls in two choices',
      {
        messages: [{ role: 'user', content: 'weather?' }],
        tools: [{ type: 'function', function: { name: 'a' } }, { type: 'function', function: { name: 'b' } }],
        tool_choice: { type: 'function', function: { name: 'b' } },
        n: 2,
      },
    ],
  ];

  test.each(chatCases)('chat, %s: the merged stream equals the unstreamed response', async (_name, extra) => {
    const body = { model: 'echo', ...extra };
    const whole = await (await request('/chat/completions', body)).json();
    const res = await request('/chat/completions', { ...body, stream: true, stream_options: { include_usage: true } });
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const chunks: ChatCompletionStreamResponse[] = [];
    for await (const chunk of parseChatStream(res.body!)) chunks.push(chunk);
    expect(chunks.every((c) => c instanceof ChatCompletionStreamResponse)).toBe(true);
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1);
    const merged = await accumulateChatStream(chunks);
    expect(normalized(JSON.parse(JSON.stringify(merged)), 'chat-')).toEqual(normalized(whole, 'chat-'));
  });

  test('chat: the accumulator also reads a Node stream (an http.IncomingMessage)', async () => {
    const body = JSON.stringify({ model: 'echo', messages: [{ role: 'user', content: 'from node' }], stream: true });
    const incoming = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = http.request(`${server.baseURL}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' } }, resolve);
      req.on('error', reject);
      req.end(body);
    });
    const acc = new ChatCompletionAccumulator();
    for await (const chunk of parseChatStream(incoming)) acc.add(chunk);
    const merged = acc.result();
    expect(merged.choices[0].message.content).toBe('from node');
    expect(merged.choices[0].finish_reason).toBe('stop');
    // No usage chunk was asked for: usage is all zeros.
    expect(merged.usage!.total_tokens).toBe(0);
    expect(acc.chunks).toBe(4);
  });

  test.each<[string, object]>([
    ['plain text', { prompt: 'a  legacy\tprompt ' }],
    ['a cut reply and a list prompt', { prompt: ['one two three', 'ignored'], max_tokens: 2 }],
    ['two choices', { prompt: 'again', n: 2 }],
  ])('completions, %s: the merged stream equals the unstreamed response', async (_name, extra) => {
    const body = { model: 'echo', ...extra };
    const whole = await (await request('/completions', body)).json();
    const res = await request('/completions', { ...body, stream: true, stream_options: { include_usage: true } });
    const chunks: CompletionStreamResponse[] = [];
    for await (const chunk of parseCompletionStream(res.body!)) chunks.push(chunk);
    expect(chunks.every((c) => c instanceof CompletionStreamResponse)).toBe(true);
    const merged = await accumulateCompletionStream(chunks);
    expect(normalized(JSON.parse(JSON.stringify(merged)), 'cmpl-')).toEqual(normalized(whole, 'cmpl-'));
  });
});
