/** Rebuilds a whole legacy completion response from its streamed chunks. */
import {
  CompletionLogprobs,
  CompletionResponse,
  CompletionResponseChoice,
  CompletionStreamResponse,
} from '../models/completions';
import type { CompletionFinishReason } from '../models/completions';
import { UsageInfo } from '../models/usage';
import { entriesOf, mergeLastWins, mergePieces } from './extras';

interface ChoiceState {
  text: string;
  finishReason: CompletionFinishReason | null;
  logprobs: CompletionLogprobs | null;
  extras: Map<string, unknown>;
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
  private first: CompletionStreamResponse | undefined;
  private readonly choices = new Map<number, ChoiceState>();
  private usage: UsageInfo | null = null;
  private readonly extras = new Map<string, unknown>();
  private count = 0;

  /** How many chunks were added. */
  get chunks(): number {
    return this.count;
  }

  /** Adds the next chunk; returns `this`. */
  add(chunk: CompletionStreamResponse): this {
    this.first ??= chunk;
    this.count++;
    for (const choice of chunk.choices) {
      let state = this.choices.get(choice.index);
      if (!state) {
        state = { text: '', finishReason: null, logprobs: null, extras: new Map() };
        this.choices.set(choice.index, state);
      }
      state.text += choice.text;
      if (choice.logprobs) state.logprobs = mergeLogprobs(state.logprobs, choice.logprobs);
      if (choice.finish_reason !== null && choice.finish_reason !== undefined) state.finishReason = choice.finish_reason;
      mergePieces(state.extras, choice);
    }
    if (chunk.usage) this.usage = chunk.usage;
    mergeLastWins(this.extras, chunk);
    return this;
  }

  /** The whole response so far. Throws when no chunk was added. */
  result(): CompletionResponse {
    const first = this.first;
    if (!first) throw new Error('No chunk was added: the stream was empty');
    this.extras.delete('obfuscation');
    return new CompletionResponse({
      id: first.id,
      created: first.created,
      model: first.model,
      choices: [...this.choices.entries()]
        .sort(([a], [b]) => a - b)
        .map(
          ([index, s]) =>
            new CompletionResponseChoice({
              text: s.text,
              index,
              logprobs: s.logprobs,
              finish_reason: s.finishReason,
              ...entriesOf(s.extras),
            }),
        ),
      usage: this.usage ? this.usage.copy(undefined, { deep: true }) : new UsageInfo(),
      ...entriesOf(this.extras),
    });
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
