/** SSE framing of chunks. */
import { ChatCompletionStreamResponse } from '../../src';
import { SSE_DONE, SSE_HEADERS, sseEvent } from '../../src/sse/encode';

test('a chunk becomes one data line of its JSON dump, then a blank line', () => {
  const chunk = new ChatCompletionStreamResponse({
    id: 'chat-1',
    created: 7,
    model: 'echo',
    choices: [{ index: 0, delta: { content: 'line one\nline two' } }],
  });
  const event = sseEvent(chunk);
  expect(event.startsWith('data: {')).toBe(true);
  expect(event.endsWith('}\n\n')).toBe(true);
  expect(event.slice(0, -2)).not.toContain('\n');
  expect(JSON.parse(event.slice('data: '.length))).toEqual(chunk.toJSON());
});

test('plain values are framed too; undefined or a function cannot be', () => {
  expect(sseEvent({ a: 1 })).toBe('data: {"a":1}\n\n');
  expect(() => sseEvent(undefined)).toThrow(TypeError);
  expect(() => sseEvent(() => 1)).toThrow(TypeError);
});

test('the terminator and headers are the ones OpenAI clients expect', () => {
  expect(SSE_DONE).toBe('data: [DONE]\n\n');
  expect(SSE_HEADERS['Content-Type']).toBe('text/event-stream; charset=utf-8');
  expect(SSE_HEADERS['Cache-Control']).toBe('no-cache');
});

describe('C15 on the wire', () => {
  it("sends exactly a chunk's dump: a tool-call delta without id, type or name has no nulls for them", () => {
    const chunk = ChatCompletionStreamResponse.parse({
      id: 'chat-1',
      created: 1,
      model: 'm',
      choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: '{"a' } }] } }],
    });
    const event = sseEvent(chunk);
    expect(event).toBe(`data: ${JSON.stringify(chunk.toJSON())}\n\n`);
    expect(JSON.parse(event.slice(6)).choices[0].delta.tool_calls).toEqual([{ index: 0, function: { arguments: '{"a' } }]);
  });
});
