/** Rebuilds a whole chat response from its streamed chunks. */
import {
  ChatCompletionResponse,
  ChatCompletionResponseChoice,
  ChatCompletionStreamResponse,
  ChatMessage,
  DeltaMessage,
} from '../models/chat';
import type { ChatFinishReason } from '../models/chat';
import { FunctionCall, ToolCall } from '../models/tools';
import { UsageInfo } from '../models/usage';
import { entriesOf, mergeLastWins, mergePieces } from './extras';

/** Keys that only make sense on a chunk, never copied to the whole response. */
const STREAM_ONLY_KEYS = new Set(['obfuscation']);

interface ToolCallState {
  id: string | null;
  type: string | null;
  name: string | null;
  args: string;
}

interface ChoiceState {
  role: string | null;
  content: string | null;
  functionCall: { name: string | null; args: string } | null;
  toolCalls: Map<number, ToolCallState>;
  finishReason: ChatFinishReason | null;
  messageExtras: Map<string, unknown>;
  choiceExtras: Map<string, unknown>;
}

function newChoice(): ChoiceState {
  return {
    role: null,
    content: null,
    functionCall: null,
    toolCalls: new Map(),
    finishReason: null,
    messageExtras: new Map(),
    choiceExtras: new Map(),
  };
}

function textOf(content: DeltaMessage['content']): string | null {
  if (content === null || content === undefined) return null;
  if (typeof content === 'string') return content;
  return content.map((p) => (p.type === 'text' && typeof p.text === 'string' ? p.text : '')).join('');
}

function applyDelta(state: ChoiceState, delta: DeltaMessage): void {
  if (delta.role !== null && delta.role !== undefined && state.role === null) state.role = delta.role;
  const text = textOf(delta.content);
  if (text !== null) state.content = (state.content ?? '') + text;
  const fc = delta.function_call;
  if (fc) {
    state.functionCall ??= { name: null, args: '' };
    if (typeof fc.name === 'string' && state.functionCall.name === null) state.functionCall.name = fc.name;
    if (typeof fc.arguments === 'string') state.functionCall.args += fc.arguments;
  }
  for (const piece of delta.tool_calls ?? []) {
    let call = state.toolCalls.get(piece.index);
    if (!call) {
      call = { id: null, type: null, name: null, args: '' };
      state.toolCalls.set(piece.index, call);
    }
    call.id ??= piece.id ?? null;
    call.type ??= piece.type ?? null;
    if (piece.function) {
      call.name ??= piece.function.name ?? null;
      if (piece.function.arguments) call.args += piece.function.arguments;
    }
  }
  mergePieces(state.messageExtras, delta);
}

function messageOf(state: ChoiceState): ChatMessage {
  const toolCalls = [...state.toolCalls.entries()]
    .sort(([a], [b]) => a - b)
    .map(
      ([, c]) =>
        new ToolCall({
          id: c.id ?? '',
          type: c.type ?? 'function',
          function: new FunctionCall({ name: c.name ?? '', arguments: c.args }),
        }),
    );
  return new ChatMessage({
    role: state.role ?? 'assistant',
    content: state.content,
    function_call: state.functionCall ? { name: state.functionCall.name ?? '', arguments: state.functionCall.args } : null,
    tool_calls: toolCalls.length ? toolCalls : null,
    ...entriesOf(state.messageExtras),
  });
}

/**
 * Merges chat stream chunks into the `ChatCompletionResponse` the same request
 * would have got unstreamed. Per choice `index`: `content` pieces concatenate
 * (null until a piece arrives), `tool_calls` pieces merge by their `index`
 * (`arguments` concatenate; the first `id`, `type` and `name` stay), the last
 * `finish_reason` wins. The `usage` of a usage chunk is kept (all zeros when
 * none came). `id`, `created` and `model` come from the first chunk. Extra keys
 * are kept: a chunk's by the last value, a delta's concatenated.
 *
 * @example
 * const acc = new ChatCompletionAccumulator();
 * for await (const chunk of parseChatStream(res.body!)) { acc.add(chunk); forward(chunk); }
 * const whole = acc.result();
 */
export class ChatCompletionAccumulator {
  private first: ChatCompletionStreamResponse | undefined;
  private readonly choices = new Map<number, ChoiceState>();
  private usage: UsageInfo | null = null;
  private readonly extras = new Map<string, unknown>();
  private count = 0;

  /** How many chunks were added. */
  get chunks(): number {
    return this.count;
  }

  /** Adds the next chunk; returns `this`. */
  add(chunk: ChatCompletionStreamResponse): this {
    this.first ??= chunk;
    this.count++;
    for (const choice of chunk.choices) {
      let state = this.choices.get(choice.index);
      if (!state) {
        state = newChoice();
        this.choices.set(choice.index, state);
      }
      if (choice.delta) applyDelta(state, choice.delta);
      if (choice.finish_reason !== null && choice.finish_reason !== undefined) state.finishReason = choice.finish_reason;
      mergePieces(state.choiceExtras, choice);
    }
    if (chunk.usage) this.usage = chunk.usage;
    mergeLastWins(this.extras, chunk);
    return this;
  }

  /** The whole response so far. Throws when no chunk was added. */
  result(): ChatCompletionResponse {
    const first = this.first;
    if (!first) throw new Error('No chunk was added: the stream was empty');
    for (const k of STREAM_ONLY_KEYS) this.extras.delete(k);
    return new ChatCompletionResponse({
      id: first.id,
      created: first.created,
      model: first.model,
      choices: [...this.choices.entries()]
        .sort(([a], [b]) => a - b)
        .map(
          ([index, state]) =>
            new ChatCompletionResponseChoice({
              index,
              message: messageOf(state),
              finish_reason: state.finishReason,
              ...entriesOf(state.choiceExtras),
            }),
        ),
      usage: this.usage ? this.usage.copy(undefined, { deep: true }) : new UsageInfo(),
      ...entriesOf(this.extras),
    });
  }
}

/**
 * Reads a whole chat stream (chunks from `parseChatStream`, or any iterable of
 * them) and returns the merged response (see `ChatCompletionAccumulator`).
 */
export async function accumulateChatStream(
  chunks: AsyncIterable<ChatCompletionStreamResponse> | Iterable<ChatCompletionStreamResponse>,
): Promise<ChatCompletionResponse> {
  const acc = new ChatCompletionAccumulator();
  for await (const chunk of chunks) acc.add(chunk);
  return acc.result();
}
