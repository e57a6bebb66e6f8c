/**
 * The accumulators rebuild the exact whole response from hand-made chunks,
 * however the strings are cut, tool calls and interleaved choices included.
 */
import { ChatCompletionResponse, ChatCompletionStreamResponse, CompletionResponse, CompletionStreamResponse, CustomToolCall, ToolCall } from '../../src';
import { sseEvent, SSE_DONE } from '../../src/sse/encode';
import { ChatCompletionAccumulator, accumulateChatStream } from '../../src/sse/accumulate-chat';
import { CompletionAccumulator, accumulateCompletionStream } from '../../src/sse/accumulate-completion';
import { parseChatStream } from '../../src/sse/parse';
import { chatChunksOf, completionChunksOf, cutAt, everyUnit } from './streamify';

const ARGS = '{"city": "Zürich", "note": "☀️ 𝄞 \\"quoted\\"", "n": [1, 2]}';

const RESPONSE = ChatCompletionResponse.parse({
  id: 'chat-0123456789abcdef0123456789abcdef',
  object: 'chat.completion',
  created: 1700000000,
  model: 'm',
  choices: [
    {
      index: 0,
      message: {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'call_a1', type: 'function', function: { name: 'get_weather', arguments: ARGS } },
          { id: 'call_b2', type: 'function', function: { name: 'get_time', arguments: '{}' } },
        ],
      },
      finish_reason: 'tool_calls',
    },
    { index: 1, message: { role: 'assistant', content: 'Grüße, 世界! 👋🏽 ok' }, finish_reason: 'length' },
  ],
  usage: { prompt_tokens: 9, completion_tokens: 7, total_tokens: 16 },
  system_fingerprint: 'fp_x',
});

const wire = (value: unknown) => JSON.stringify(value);

test('cut at every position of the arguments (and of the content), the merge is the exact response', async () => {
  for (let at = 0; at <= ARGS.length; at++) {
    const merged = await accumulateChatStream(chatChunksOf(RESPONSE, cutAt(at)));
    if (wire(merged) !== wire(RESPONSE)) throw new Error(`cut at ${at}: ${wire(merged)}`);
  }
  expect(wire(await accumulateChatStream(chatChunksOf(RESPONSE, cutAt(3))))).toBe(wire(RESPONSE));
});

test('one piece per code unit (surrogate pairs split), the merge is the exact response', async () => {
  const chunks = chatChunksOf(RESPONSE, everyUnit);
  expect(chunks.length).toBeGreaterThan(ARGS.length);
  const merged = await accumulateChatStream(chunks);
  expect(merged).toBeInstanceOf(ChatCompletionResponse);
  expect(wire(merged)).toBe(wire(RESPONSE));
});

test('through the wire: the SSE bytes fed one byte at a time parse and merge to the exact response', async () => {
  const text = chatChunksOf(RESPONSE, everyUnit).map(sseEvent).join('') + SSE_DONE;
  const bytes = new TextEncoder().encode(text);
  const source = (function* () {
    for (const b of bytes) yield Uint8Array.of(b);
  })();
  const merged = await accumulateChatStream(parseChatStream(source));
  expect(wire(merged)).toBe(wire(RESPONSE));
  expect(merged.choices[0].message.tool_calls!.map((c) => JSON.parse((c as ToolCall).function.arguments))).toEqual([JSON.parse(ARGS), {}]);
});

test('the first id, type and name of a tool call stay; later pieces only add arguments', () => {
  const base = { id: 'chat-1', created: 1, model: 'm' };
  const acc = new ChatCompletionAccumulator();
  acc.add(new ChatCompletionStreamResponse({ ...base, choices: [{ index: 0, delta: { role: 'assistant', tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"a"' } }] } }] as any }));
  acc.add(new ChatCompletionStreamResponse({ ...base, choices: [{ index: 0, delta: { tool_calls: [{ index: 0, id: null, function: { name: null, arguments: ': 1}' } }] } }] as any }));
  acc.add(new ChatCompletionStreamResponse({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] as any }));
  const msg = acc.result().choices[0].message;
  expect(msg.tool_calls!.map((c) => c.toJSON())).toEqual([{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"a": 1}' } }]);
  expect(msg.content).toBeNull();
  expect(acc.chunks).toBe(3);
});

test('the last finish_reason wins, usage is kept, extras merge (pieces of a delta concatenate)', () => {
  const base = { id: 'chat-1', created: 1, model: 'm' };
  const acc = new ChatCompletionAccumulator();
  acc.add(ChatCompletionStreamResponse.parse({ ...base, service_tier: 'a', obfuscation: 'zz', choices: [{ index: 0, delta: { role: 'assistant', content: 'x', reasoning_content: 'think ' }, logprobs: { content: [{ token: 'x', logprob: -1 }] } }] }));
  acc.add(ChatCompletionStreamResponse.parse({ ...base, service_tier: 'b', choices: [{ index: 0, delta: { content: 'y', reasoning_content: 'more', refusal: null }, logprobs: { content: [{ token: 'y', logprob: -2 }] }, finish_reason: 'length' }] }));
  acc.add(ChatCompletionStreamResponse.parse({ ...base, choices: [{ index: 0, delta: { refusal: 'no' } }] }));
  acc.add(ChatCompletionStreamResponse.parse({ ...base, choices: [{ index: 0, delta: { refusal: 'pe' } }] }));
  acc.add(ChatCompletionStreamResponse.parse({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }));
  acc.add(ChatCompletionStreamResponse.parse({ ...base, choices: [], usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } }));
  const json = JSON.parse(wire(acc.result()));
  expect(json).toEqual({
    id: 'chat-1',
    object: 'chat.completion',
    created: 1,
    model: 'm',
    choices: [
      {
        index: 0,
        // reasoning_content and refusal (declared, optional) concatenate like content.
        message: {
          role: 'assistant', content: 'xy', name: null, function_call: null, tool_calls: null, tool_call_id: null,
          refusal: 'nope', reasoning_content: 'think more',
        },
        finish_reason: 'stop',
        logprobs: {
          content: [
            { token: 'x', logprob: -1, bytes: null, top_logprobs: [] },
            { token: 'y', logprob: -2, bytes: null, top_logprobs: [] },
          ],
        },
      },
    ],
    usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3, tokens_per_second: 0, processing_time: 0 },
    service_tier: 'b',
  });
});

test('custom tool-call deltas merge into a CustomToolCall (input pieces concatenate)', () => {
  const base = { id: 'chat-1', created: 1, model: 'm' };
  const acc = new ChatCompletionAccumulator();
  acc.add(ChatCompletionStreamResponse.parse({ ...base, choices: [{ index: 0, delta: { tool_calls: [{ index: 0, id: 'c1', type: 'custom', custom: { name: 'sql', input: 'SELECT' } }] } }] }));
  acc.add(ChatCompletionStreamResponse.parse({ ...base, choices: [{ index: 0, delta: { tool_calls: [{ index: 0, custom: { input: ' 1' } }] }, finish_reason: 'tool_calls' }] }));
  const call = acc.result().choices[0].message.tool_calls![0];
  expect(call).toBeInstanceOf(CustomToolCall);
  expect(JSON.parse(wire(call))).toEqual({ id: 'c1', type: 'custom', custom: { name: 'sql', input: 'SELECT 1' } });
});

test('legacy function_call deltas merge into one call', () => {
  const base = { id: 'chat-1', created: 1, model: 'm' };
  const acc = new ChatCompletionAccumulator();
  for (const fc of [{ name: 'f', arguments: '' }, { arguments: '{"q":' }, { arguments: '2}' }]) {
    acc.add(ChatCompletionStreamResponse.parse({ ...base, choices: [{ index: 0, delta: { function_call: fc } }] }));
  }
  expect(acc.result().choices[0].message.function_call).toEqual({ name: 'f', arguments: '{"q":2}' });
});

test('an empty stream has no response', async () => {
  expect(() => new ChatCompletionAccumulator().result()).toThrow(/empty/);
  await expect(accumulateCompletionStream([])).rejects.toThrow(/empty/);
});

const COMPLETION = CompletionResponse.parse({
  id: 'cmpl-0123456789abcdef0123456789abcdef',
  object: 'text_completion',
  created: 1700000000,
  model: 'm',
  choices: [
    { text: 'Once upon a tïme 🐉', index: 0, finish_reason: 'stop' },
    {
      text: 'ab',
      index: 1,
      finish_reason: 'length',
      logprobs: { tokens: ['a', 'b'], token_logprobs: [-0.1, -0.2], top_logprobs: [{ a: -0.1 }, { b: -0.2 }], text_offset: [0, 1] },
    },
  ],
  usage: { prompt_tokens: 2, completion_tokens: 6, total_tokens: 8 },
});

test('completion chunks, cut anywhere, merge to the exact response', async () => {
  for (let at = 0; at <= COMPLETION.choices[0].text.length; at++) {
    const merged = await accumulateCompletionStream(completionChunksOf(COMPLETION, cutAt(at)));
    if (wire(merged) !== wire(COMPLETION)) throw new Error(`cut at ${at}: ${wire(merged)}`);
  }
  expect(wire(await accumulateCompletionStream(completionChunksOf(COMPLETION, everyUnit)))).toBe(wire(COMPLETION));
});

test('completion logprobs pieces concatenate', () => {
  const base = { id: 'cmpl-1', created: 1, model: 'm' };
  const acc = new CompletionAccumulator();
  acc.add(CompletionStreamResponse.parse({ ...base, choices: [{ index: 0, text: 'a', logprobs: { tokens: ['a'], token_logprobs: [-1], text_offset: [0] } }] }));
  acc.add(CompletionStreamResponse.parse({ ...base, choices: [{ index: 0, text: 'b', logprobs: { tokens: ['b'], token_logprobs: [-2], text_offset: [1] }, finish_reason: 'stop' }] }));
  expect(acc.result().choices[0].toJSON()).toEqual({
    text: 'ab',
    index: 0,
    logprobs: { tokens: ['a', 'b'], token_logprobs: [-1, -2], top_logprobs: null, text_offset: [0, 1] },
    finish_reason: 'stop',
  });
});
