/**
 * What the chat and completion accumulators share: the first chunk, the chunk
 * count, per-choice state by `index` with its last `finish_reason` and its
 * extras, the last `usage`, and the chunk-level extras.
 */
import type { OpenAIBaseModel } from '../model';
import { UsageInfo } from '../models/usage';
import { entriesOf, mergeLastWins, mergePieces } from './extras';

/** Keys that only make sense on a chunk, never copied to the whole response. */
const STREAM_ONLY_KEYS = new Set(['obfuscation']);

/** A streamed choice, as far as the shared part reads it. */
export interface StreamedChoice<F> extends OpenAIBaseModel {
  /** Which choice this piece belongs to. */
  index: number;
  /** Set on the piece that ends the choice. */
  finish_reason: F | null;
}

/** A stream chunk, as far as the shared part reads it. */
export interface StreamedChunk<C> extends OpenAIBaseModel {
  /** The response id, the same on every chunk. */
  id: string;
  /** Creation time in Unix seconds, the same on every chunk. */
  created: number;
  /** The model that answered. */
  model: string;
  /** The choices this chunk updates. */
  choices: C[];
  /** Token usage, on the usage chunk. */
  usage: UsageInfo | null;
}

/** What every choice's state keeps besides its contents. */
export interface ChoiceTail<F> {
  /** The last `finish_reason` seen, or null. */
  finishReason: F | null;
  /** The choice's extra keys, merged as streamed pieces. */
  extras: Map<string, unknown>;
}

/** The shared fields of the whole response: `id`, `created`, `model`, the choices, `usage` and the extras. */
export type WholeInit<W> = { id: string; created: number; model: string; choices: W[]; usage: UsageInfo } & Record<string, unknown>;

/**
 * The chunk-level bookkeeping of an accumulator. `S` is the state of one
 * choice; `newState` makes an empty one.
 */
export class StreamMerger<F, C extends StreamedChoice<F>, S extends ChoiceTail<F>> {
  private first: StreamedChunk<C> | undefined;
  private readonly choices = new Map<number, S>();
  private usage: UsageInfo | null = null;
  private readonly extras = new Map<string, unknown>();
  private count = 0;

  /** A merger whose choices start as `newState()`. */
  constructor(private readonly newState: () => S) {}

  /** How many chunks were added. */
  get chunks(): number {
    return this.count;
  }

  /**
   * Takes the next chunk: `apply` merges each choice's contents into its
   * state, then the choice's `finish_reason` (when set) and extras are kept.
   */
  add(chunk: StreamedChunk<C>, apply: (state: S, choice: C) => void): void {
    this.first ??= chunk;
    this.count++;
    for (const choice of chunk.choices) {
      let state = this.choices.get(choice.index);
      if (!state) {
        state = this.newState();
        this.choices.set(choice.index, state);
      }
      apply(state, choice);
      if (choice.finish_reason !== null && choice.finish_reason !== undefined) state.finishReason = choice.finish_reason;
      mergePieces(state.extras, choice);
    }
    if (chunk.usage) this.usage = chunk.usage;
    mergeLastWins(this.extras, chunk);
  }

  /**
   * The whole response's fields, the choices built by `build` in `index`
   * order; `usage` copied (all zeros when none came). Throws when no chunk was added.
   */
  result<W>(build: (index: number, state: S) => W): WholeInit<W> {
    const first = this.first;
    if (!first) throw new Error('No chunk was added: the stream was empty');
    for (const k of STREAM_ONLY_KEYS) this.extras.delete(k);
    return {
      id: first.id,
      created: first.created,
      model: first.model,
      choices: [...this.choices.entries()].sort(([a], [b]) => a - b).map(([index, state]) => build(index, state)),
      usage: this.usage ? this.usage.copy(undefined, { deep: true }) : new UsageInfo(),
      ...entriesOf(this.extras),
    };
  }
}
