/** Test helper: cuts a whole response into the stream chunks a server would send for it. */
import {
  ChatCompletionResponse,
  ChatCompletionStreamResponse,
  CompletionResponse,
  CompletionStreamResponse,
  ToolCall,
} from '../../src';

/** How to cut a string into streamed pieces. */
export type Splitter = (text: string) => string[];

/** One piece per UTF-16 code unit (surrogate pairs split too). */
export const everyUnit: Splitter = (text) => Array.from({ length: text.length }, (_, i) => text[i]);

/** Two pieces, cut at `at`. */
export const cutAt =
  (at: number): Splitter =>
  (text) => [text.slice(0, at), text.slice(at)];

/** Round-robin: the first piece of each list, then the second of each, … */
function interleave<T>(lists: T[][]): T[] {
  const out: T[] = [];
  for (let i = 0; lists.some((l) => i < l.length); i++) for (const l of lists) if (i < l.length) out.push(l[i]);
  return out;
}

/**
 * The chunks of `response`: per choice a role chunk, content pieces, per
 * tool call a head (id, type, name) and argument pieces, a finish chunk; the
 * choices and the tool calls interleaved; then a usage chunk.
 */
export function chatChunksOf(response: ChatCompletionResponse, split: Splitter): ChatCompletionStreamResponse[] {
  const head = { id: response.id, created: response.created, model: response.model };
  // The keys beyond the head and choices (system_fingerprint, service_tier, extras) go on every chunk.
  const extras = Object.fromEntries(
    [...ChatCompletionResponse.extraKeys(response), 'system_fingerprint', 'service_tier']
      .filter((k) => (response as any)[k] !== undefined)
      .map((k) => [k, (response as any)[k]]),
  );
  const chunk = (index: number, delta: object, finish_reason: string | null = null) =>
    new ChatCompletionStreamResponse({ ...head, choices: [{ index, delta, finish_reason } as any], ...extras });
  const perChoice = response.choices.map((choice) => {
    const m = choice.message;
    const out = [chunk(choice.index, { role: m.role, ...(typeof m.content === 'string' ? { content: '' } : {}) })];
    if (typeof m.content === 'string') for (const p of split(m.content)) out.push(chunk(choice.index, { content: p }));
    const calls = ((m.tool_calls ?? []) as ToolCall[]).map((call, k) => [
      chunk(choice.index, { tool_calls: [{ index: k, id: call.id, type: call.type, function: { name: call.function.name, arguments: '' } }] }),
      ...split(call.function.arguments).map((a) => chunk(choice.index, { tool_calls: [{ index: k, function: { arguments: a } }] })),
    ]);
    out.push(...interleave(calls));
    out.push(chunk(choice.index, {}, choice.finish_reason));
    return out;
  });
  return [
    ...interleave(perChoice),
    new ChatCompletionStreamResponse({ ...head, choices: [], usage: response.usage?.copy() ?? null, ...extras }),
  ];
}

/** The chunks of a completion `response`: text pieces per choice (interleaved), a finish chunk each, a usage chunk. */
export function completionChunksOf(response: CompletionResponse, split: Splitter): CompletionStreamResponse[] {
  const head = { id: response.id, created: response.created, model: response.model };
  const perChoice = response.choices.map((c) => [
    ...split(c.text).map((text) => new CompletionStreamResponse({ ...head, choices: [{ index: c.index, text }] as any })),
    new CompletionStreamResponse({ ...head, choices: [{ index: c.index, text: '', finish_reason: c.finish_reason, logprobs: c.logprobs }] as any }),
  ]);
  return [...interleave(perChoice), new CompletionStreamResponse({ ...head, choices: [], usage: response.usage?.copy() ?? null })];
}
