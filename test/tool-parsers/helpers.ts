/** Stream helpers for the tool-parser tests: feed pieces, merge the deltas through the chat accumulator. */
import { ChatCompletionAccumulator, ChatCompletionStreamResponse, DeltaMessage, ExtractedToolCallInformation, ToolCall, ToolCallStream } from '../../src';

/** What a client ends up with: content (trimmed, null when empty) and the calls with parsed arguments. */
export interface Outcome {
  content: string | null;
  calls: Array<[string, unknown]>;
}

function parsedArgs(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { unparsed: text };
  }
}

/** The outcome of a whole-text extraction. */
export function outcomeOf(info: ExtractedToolCallInformation): Outcome {
  return { content: info.content, calls: info.tool_calls.map((c) => [c.function.name, parsedArgs(c.function.arguments)]) };
}

/** Streams `pieces` through a `ToolCallStream` and the chat accumulator; returns the merged outcome and the deltas. */
export function streamPieces(format: string, pieces: readonly string[]): Outcome & { deltas: DeltaMessage[]; ids: string[] } {
  const stream = new ToolCallStream(format);
  const acc = new ChatCompletionAccumulator();
  const deltas: DeltaMessage[] = [];
  const add = (ds: DeltaMessage[]): void => {
    for (const d of ds) {
      deltas.push(d);
      acc.add(new ChatCompletionStreamResponse({ id: 'chat-1', created: 1, model: 'm', choices: [{ index: 0, delta: d, finish_reason: null }] }));
    }
  };
  add([new DeltaMessage({ role: 'assistant', content: '' })]);
  for (const p of pieces) add(stream.push(p));
  add(stream.end());
  const message = acc.result().choices[0].message;
  const content = typeof message.content === 'string' ? message.content.trim() : '';
  return {
    content: content === '' ? null : content,
    calls: ((message.tool_calls ?? []) as ToolCall[]).map((c) => [c.function.name, parsedArgs(c.function.arguments)]),
    ids: (message.tool_calls ?? []).map((c) => c.id),
    deltas,
  };
}

/** The reply cut into pieces at the given UTF-16 offsets. */
export function cutAt(text: string, offsets: readonly number[]): string[] {
  const out: string[] = [];
  let last = 0;
  for (const o of offsets) {
    out.push(text.slice(last, o));
    last = o;
  }
  out.push(text.slice(last));
  return out;
}

/** The offsets of every code point boundary inside `text` (1 … length-1). */
export function codePointBoundaries(text: string): number[] {
  const out: number[] = [];
  let i = 0;
  for (const ch of text) {
    i += ch.length;
    if (i < text.length) out.push(i);
  }
  return out;
}

/** A small deterministic PRNG (mulberry32), for seeded random splits. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
