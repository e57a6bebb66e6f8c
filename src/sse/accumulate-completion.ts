/** Rebuilds a whole legacy completion response from its streamed chunks. */
import {
  CompletionLogprobs,
  CompletionResponse,
  CompletionResponseChoice,
  CompletionStreamResponse,
  CompletionStreamResponseChoice,
} from '../models/completions';
import type { CompletionFinishReason } from '../models/completions';
import { StreamMerger } from './accumulate-stream';
import type { ChoiceTail } from './accumulate-stream';
import { entriesOf } from './extras';

interface ChoiceState extends ChoiceTail<CompletionFinishReason> {
  text: string;
  logprobs: CompletionLogprobs | null;
}

function concat<T>(a: T[] | null, b: T[] | null): T[] | null {
  if (a === null) return b === null ? null : [...b];
  return b === null ? a : [...a, ...b];
}

function mergeLogprobs(before: CompletionLogprobs | null, piece: CompletionLogprobs): CompletionLogprobs {
  if (!before) return piece.copy(undefined, { deep: true });
  return new CompletionLogprobs({
    tokens: [...before.tokens, ...piece.tokens],
    token_logprobs: [...before.token_logprobs, ...piece.token_logprobs],
    top_logprobs: concat(before.top_logprobs, piece.top_logprobs),
    text_offset: concat(before.text_offset, piece.text_offset),
  });
}

/**
 * Merges legacy completion stream chunks into one `CompletionResponse`. Per
 * choice `index`: `text` pieces concatenate, `logprobs` lists concatenate, the
 * last `finish_reason` wins; `usage` and extras as in `ChatCompletionAccumulator`.
 */
export class CompletionAccumulator {
  private readonly stream = new StreamMerger<CompletionFinishReason, CompletionStreamResponseChoice, ChoiceState>(() => ({
    text: '',
    finishReason: null,
    logprobs: null,
    extras: new Map(),
  }));

  /** How many chunks were added. */
  get chunks(): number {
    return this.stream.chunks;
  }

  /** Adds the next chunk; returns `this`. */
  add(chunk: CompletionStreamResponse): this {
    this.stream.add(chunk, (state, choice) => {
      state.text += choice.text;
      if (choice.logprobs) state.logprobs = mergeLogprobs(state.logprobs, choice.logprobs);
    });
    return this;
  }

  /** The whole response so far. Throws when no chunk was added. */
  result(): CompletionResponse {
    return new CompletionResponse(
      this.stream.result(
        (index, s) =>
          new CompletionResponseChoice({
            text: s.text,
            index,
            logprobs: s.logprobs,
            finish_reason: s.finishReason,
            ...entriesOf(s.extras),
          }),
      ),
    );
  }
}

/** Reads a whole completion stream and returns the merged response (see `CompletionAccumulator`). */
export async function accumulateCompletionStream(
  chunks: AsyncIterable<CompletionStreamResponse> | Iterable<CompletionStreamResponse>,
): Promise<CompletionResponse> {
  const acc = new CompletionAccumulator();
  for await (const chunk of chunks) acc.add(chunk);
  return acc.result();
}
