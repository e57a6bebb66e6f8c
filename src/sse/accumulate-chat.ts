/** Rebuilds a whole chat response from its streamed chunks. */
import {
  ChatCompletionResponse,
  ChatCompletionResponseChoice,
  ChatCompletionStreamResponse,
  ChatCompletionStreamResponseChoice,
  ChatMessage,
  DeltaMessage,
} from '../models/chat';
import type { ChatStreamFinishReason } from '../models/chat';
import { CustomCall, CustomToolCall, FunctionCall, ToolCall } from '../models/tools';
import { StreamMerger } from './accumulate-stream';
import type { ChoiceTail } from './accumulate-stream';
import { entriesOf, mergePieces } from './extras';

interface ToolCallState {
  id: string | null;
  type: string | null;
  name: string | null;
  args: string;
  /** The pieces of a custom tool's call: its name and input (C13). */
  custom: { name: string | null; input: string } | null;
}

interface ChoiceState extends ChoiceTail<ChatStreamFinishReason> {
  role: string | null;
  content: string | null;
  functionCall: { name: string | null; args: string } | null;
  toolCalls: Map<number, ToolCallState>;
  messageExtras: Map<string, unknown>;
}

function newChoice(): ChoiceState {
  return {
    role: null,
    content: null,
    functionCall: null,
    toolCalls: new Map(),
    finishReason: null,
    messageExtras: new Map(),
    extras: new Map(),
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
      call = { id: null, type: null, name: null, args: '', custom: null };
      state.toolCalls.set(piece.index, call);
    }
    call.id ??= piece.id ?? null;
    call.type ??= piece.type ?? null;
    if (piece.function) {
      call.name ??= piece.function.name ?? null;
      if (piece.function.arguments) call.args += piece.function.arguments;
    }
    if (piece.custom) {
      call.custom ??= { name: null, input: '' };
      call.custom.name ??= piece.custom.name ?? null;
      if (piece.custom.input) call.custom.input += piece.custom.input;
    }
  }
  mergePieces(state.messageExtras, delta);
}

function messageOf(state: ChoiceState): ChatMessage {
  const toolCalls = [...state.toolCalls.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, c]) =>
      c.type === 'custom' || (c.custom && c.type === null)
        ? new CustomToolCall({ id: c.id ?? '', type: 'custom', custom: new CustomCall({ name: c.custom?.name ?? '', input: c.custom?.input ?? '' }) })
        : new ToolCall({
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
 * (null until a piece arrives), and so do `reasoning_content` and `refusal`;
 * `tool_calls` pieces merge by their `index` (`arguments`, or a custom tool's
 * `input`, concatenate; the first `id`, `type` and `name` stay), the last
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
  private readonly stream = new StreamMerger<ChatStreamFinishReason, ChatCompletionStreamResponseChoice, ChoiceState>(newChoice);

  /** How many chunks were added. */
  get chunks(): number {
    return this.stream.chunks;
  }

  /** Adds the next chunk; returns `this`. */
  add(chunk: ChatCompletionStreamResponse): this {
    this.stream.add(chunk, (state, choice) => {
      if (choice.delta) applyDelta(state, choice.delta);
    });
    return this;
  }

  /** The whole response so far. Throws when no chunk was added. */
  result(): ChatCompletionResponse {
    return new ChatCompletionResponse(
      this.stream.result(
        (index, state) =>
          new ChatCompletionResponseChoice({
            index,
            message: messageOf(state),
            finish_reason: state.finishReason,
            ...entriesOf(state.extras),
          }),
      ),
    );
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
