/** Parsing OpenAI streams into validated chunk instances. */
import { Readable } from 'stream';
import { ChatCompletionStreamResponse, CompletionStreamResponse, ProtocolValidationError } from '../../src';
import { SSEErrorEvent, parseChatStream, parseCompletionStream, parseSSEStream } from '../../src/sse/parse';

const chunk = (content: string) => ({
  id: 'chat-0123456789abcdef0123456789abcdef',
  object: 'chat.completion.chunk',
  created: 1700000000,
  model: 'm',
  choices: [{ index: 0, delta: { content }, finish_reason: null, logprobs: null }],
  system_fingerprint: 'fp_1',
});

const STREAM = `data: ${JSON.stringify(chunk('Hel'))}\n\ndata: ${JSON.stringify(chunk('lo'))}\n\ndata: [DONE]\n\n`;

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

test('chunks come out as validated instances, extras kept, until [DONE]', async () => {
  const chunks = await all(parseChatStream(STREAM + `data: ${JSON.stringify(chunk('after done'))}\n\n`));
  expect(chunks).toHaveLength(2);
  expect(chunks[0]).toBeInstanceOf(ChatCompletionStreamResponse);
  expect(chunks.map((c) => c.choices[0].delta.content)).toEqual(['Hel', 'lo']);
  expect((chunks[0] as any).system_fingerprint).toBe('fp_1');
  expect((chunks[0].choices[0] as any).logprobs).toBeNull();
  expect(chunks[0].usage).toBeNull();
});

test('a chunk the model rejects throws ProtocolValidationError at its location', async () => {
  const bad = { ...chunk('x'), choices: [{ index: 'first', delta: {} }] };
  const err = await all(parseChatStream(`data: ${JSON.stringify(bad)}\n\n`)).catch((e) => e);
  expect(err).toBeInstanceOf(ProtocolValidationError);
  expect(err.issues[0].loc).toEqual(['choices', 0, 'index']);
});

test('malformed JSON in an event throws ProtocolValidationError (json_invalid)', async () => {
  const err = await all(parseChatStream('data: {"id": \n\n')).catch((e) => e);
  expect(err).toBeInstanceOf(ProtocolValidationError);
  expect(err.issues[0].type).toBe('json_invalid');
});

test('an error event throws SSEErrorEvent with the payload', async () => {
  const payload = { error: { message: 'model overloaded', type: 'server_error', param: null, code: null } };
  const err = await all(parseChatStream(`data: ${JSON.stringify(chunk('a'))}\n\ndata: ${JSON.stringify(payload)}\n\n`)).catch((e) => e);
  expect(err).toBeInstanceOf(SSEErrorEvent);
  expect(err.message).toBe('model overloaded');
  expect(err.payload).toEqual(payload);
  const named = await all(parseChatStream('event: error\ndata: plain text\n\n')).catch((e) => e);
  expect(named).toBeInstanceOf(SSEErrorEvent);
  expect(named.payload).toBe('plain text');
});

test('completion streams parse into CompletionStreamResponse', async () => {
  const c = { id: 'cmpl-1', object: 'text_completion', created: 1, model: 'm', choices: [{ index: 0, text: 'hi', finish_reason: 'stop', logprobs: null }] };
  const chunks = await all(parseCompletionStream(Readable.from([`data: ${JSON.stringify(c)}\n\n`, 'data: [DONE]\n\n'])));
  expect(chunks).toHaveLength(1);
  expect(chunks[0]).toBeInstanceOf(CompletionStreamResponse);
  expect(chunks[0].choices[0].text).toBe('hi');
});

test('stopping early cancels a web ReadableStream source', async () => {
  let cancelled: unknown = 'not cancelled';
  const bytes = new TextEncoder().encode(STREAM);
  const source = new ReadableStream<Uint8Array>({
    pull(controller) {
      controller.enqueue(bytes); // an endless upstream
    },
    cancel(reason) {
      cancelled = reason;
    },
  });
  for await (const c of parseSSEStream(ChatCompletionStreamResponse, source)) {
    expect(c.choices[0].delta.content).toBe('Hel');
    break;
  }
  expect(cancelled).toBeUndefined();
  expect(source.locked).toBe(false);
});
