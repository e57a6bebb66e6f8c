/** Turns an OpenAI event stream into validated chunk instances. */
import { ProtocolValidationError } from '../errors';
import type { ModelStatic, OpenAIBaseModel } from '../model';
import { ChatCompletionStreamResponse } from '../models/chat';
import { CompletionStreamResponse } from '../models/completions';
import { readSSEEvents } from './events';
import type { SSESource } from './events';

/** An error event in the stream (`data: {"error": {…}}`, or an `event: error`), as OpenAI-compatible servers send mid-stream. */
export class SSEErrorEvent extends Error {
  /** The event's payload: usually `{"error": {"message", "type", …}}`. */
  readonly payload: unknown;

  constructor(payload: unknown) {
    const error = (payload as { error?: { message?: unknown } } | null)?.error;
    super(typeof error?.message === 'string' ? error.message : `The stream reported an error: ${JSON.stringify(payload)}`);
    this.name = 'SSEErrorEvent';
    this.payload = payload;
  }
}

function errorPayload(data: string): unknown {
  try {
    const value: unknown = JSON.parse(data);
    return value !== null && typeof value === 'object' && 'error' in value ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Each `data:` event of an OpenAI stream, validated as `model` (through
 * `model.parseJson`), until `data: [DONE]`. A chunk the model rejects throws
 * `ProtocolValidationError`; an error event throws `SSEErrorEvent`. Stopping
 * early (`break`) cancels a web `ReadableStream` source.
 *
 * @example
 * const res = await fetch(upstream, { method: 'POST', body, headers });
 * for await (const chunk of parseSSEStream(ChatCompletionStreamResponse, res.body!)) { … }
 */
export async function* parseSSEStream<T extends OpenAIBaseModel>(model: ModelStatic<T>, source: SSESource): AsyncGenerator<T> {
  for await (const { event, data } of readSSEEvents(source)) {
    if (data === '[DONE]') return;
    if (event === 'error') throw new SSEErrorEvent(errorPayload(data) ?? data);
    let chunk: T;
    try {
      chunk = model.parseJson(data);
    } catch (e) {
      const payload = e instanceof ProtocolValidationError ? errorPayload(data) : undefined;
      if (payload !== undefined) throw new SSEErrorEvent(payload);
      throw e;
    }
    yield chunk;
  }
}

/** The chunks of a streamed chat completion (see `parseSSEStream`). */
export function parseChatStream(source: SSESource): AsyncGenerator<ChatCompletionStreamResponse> {
  return parseSSEStream(ChatCompletionStreamResponse, source);
}

/** The chunks of a streamed legacy completion (see `parseSSEStream`). */
export function parseCompletionStream(source: SSESource): AsyncGenerator<CompletionStreamResponse> {
  return parseSSEStream(CompletionStreamResponse, source);
}
