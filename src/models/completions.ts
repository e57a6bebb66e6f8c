/**
 * Legacy completions: the request, the response, its log-probabilities and the streamed chunks.
 */
import {
  BoolField,
  Field,
  IntField,
  ListField,
  LiteralField,
  ModelField,
  StrField,
  UnionField,
  floatType,
  unionOf,
  intType,
  listOf,
  mapOf,
  modelType,
  strType,
} from '../fields';
import { ModelInit, OpenAIBaseModel, initModel } from '../model';
import { OPT, withOutputParams, withSamplingParams, withServerExtras } from './request-params';
import { StreamOptions } from './response-format';
import { responseHead } from './response-head';
import { UsageInfo } from './usage';

/** The head of a completion request: the model and the prompt. */
class CompletionRequestHead extends OpenAIBaseModel {
  /** The model to use. */
  @StrField() model!: string;
  /** The prompt: one string, a list of strings, token ids, or lists of token ids (C12). */
  @UnionField([strType, listOf(strType), listOf(intType), listOf(listOf(intType))]) prompt!: string | string[] | number[] | number[][];
}

/** Today's OpenAI completion parameters, all optional. */
class CompletionRequestOptions extends withOutputParams(withSamplingParams(CompletionRequestHead)) {
  /** Generate `best_of` candidates and return the best `n`. */
  @IntField(OPT) best_of?: number | null;
  /** Echo the prompt back before the completion. */
  @BoolField(OPT) echo?: boolean | null;
  /** How many of the most likely tokens to return log-probabilities for (0 to 5). */
  @IntField(OPT) logprobs?: number | null;
  /** A seed for reproducible sampling. */
  @IntField(OPT) seed?: number | null;
  /** Options of a streamed answer, such as `include_usage`. */
  @ModelField(() => StreamOptions, OPT) stream_options?: StreamOptions | null;
  /** Text that comes after the completion (insert mode). */
  @StrField(OPT) suffix?: string | null;
}

/** A `POST /v1/completions` body. */
export class CompletionRequest extends withServerExtras(CompletionRequestOptions) {
  /** Builds a request from its fields, filling defaults; does not validate. */
  constructor(init?: ModelInit<CompletionRequest>) {
    super();
    initModel(this, init);
  }
}

/** Log-probabilities of the generated tokens. */
export class CompletionLogprobs extends OpenAIBaseModel {
  /** The generated tokens. */
  @ListField(strType) tokens!: string[];
  /** The log-probability of each token; null for the first prompt token under `echo` (C14). */
  @ListField(floatType, { nullableItems: true }) token_logprobs!: Array<number | null>;
  /** For each position, the most likely tokens and their log-probabilities (null where there are none, C14). */
  @ListField(mapOf(floatType), { nullable: true, nullableItems: true })
  top_logprobs: Array<Record<string, number> | null> | null = null;
  /** Each token's character offset in the text. */
  @ListField(intType, { nullable: true }) text_offset: number[] | null = null;

  /** Builds log-probabilities from their fields, filling defaults; does not validate. */
  constructor(init?: ModelInit<CompletionLogprobs>) {
    super();
    initModel(this, init);
  }
}

/** Why generation stopped, for a completion choice (C10). */
export type CompletionFinishReason = 'stop' | 'length' | 'function_call' | 'content_filter' | 'abort';
const COMPLETION_FINISH = ['stop', 'length', 'function_call', 'content_filter', 'abort'] as const;
/** `int | str`, tried as a string first so `"5"` stays a string (an integral number becomes an int). */
const stopReasonType = unionOf(strType, intType);

/** One choice of a completion response. */
export class CompletionResponseChoice extends OpenAIBaseModel {
  /** The generated text. */
  @StrField() text!: string;
  /** The choice's position in `choices`. */
  @IntField() index!: number;
  /** Log-probabilities, when requested. */
  @ModelField(() => CompletionLogprobs, { nullable: true }) logprobs: CompletionLogprobs | null = null;
  /** Why generation stopped. */
  @LiteralField(COMPLETION_FINISH, { nullable: true })
  finish_reason: CompletionFinishReason | null = null;
  /** The stop string or token id that ended generation (vLLM). */
  @Field(stopReasonType, OPT) stop_reason?: number | string | null;

  /** Builds a choice from its fields, filling defaults; does not validate. */
  constructor(init?: ModelInit<CompletionResponseChoice>) {
    super();
    initModel(this, init);
  }
}

/** One choice of a completion stream chunk (the reference declares `index` before `text` here). */
export class CompletionStreamResponseChoice extends OpenAIBaseModel {
  /** The choice's position in `choices`. */
  @IntField() index!: number;
  /** The next piece of generated text. */
  @StrField() text!: string;
  /** Log-probabilities of this piece, when requested. */
  @ModelField(() => CompletionLogprobs, { nullable: true }) logprobs: CompletionLogprobs | null = null;
  /** Why generation stopped, in the choice's last chunk. */
  @LiteralField(COMPLETION_FINISH, { nullable: true })
  finish_reason: CompletionFinishReason | null = null;
  /** The stop string or token id that ended generation (vLLM). */
  @Field(stopReasonType, OPT) stop_reason?: number | string | null;

  /** Builds a stream choice from its fields, filling defaults; does not validate. */
  constructor(init?: ModelInit<CompletionStreamResponseChoice>) {
    super();
    initModel(this, init);
  }
}

/** A whole (not streamed) completion response. */
export class CompletionResponse extends responseHead('cmpl-', 'text_completion') {
  /** The generated choices. */
  @ListField(modelType(() => CompletionResponseChoice)) choices!: CompletionResponseChoice[];
  /** Token usage; optional, as in OpenAI's spec (C11). */
  @ModelField(() => UsageInfo, { nullable: true }) usage: UsageInfo | null = null;
  /** The backend configuration that answered. */
  @StrField(OPT) system_fingerprint?: string | null;

  /** Builds a response from its fields; `id` and `created` are generated unless given. Does not validate. */
  constructor(init?: ModelInit<CompletionResponse>) {
    super(init);
    initModel(this, init);
  }
}

/** One chunk of a streamed completion response. */
export class CompletionStreamResponse extends responseHead('cmpl-', 'text_completion.chunk') {
  /** The choices this chunk updates. */
  @ListField(modelType(() => CompletionStreamResponseChoice)) choices!: CompletionStreamResponseChoice[];
  /** Token usage, in the last chunk when requested. */
  @ModelField(() => UsageInfo, { nullable: true }) usage: UsageInfo | null = null;
  /** The backend configuration that answered. */
  @StrField(OPT) system_fingerprint?: string | null;

  /** Builds a chunk from its fields; `id` and `created` are generated unless given. Does not validate. */
  constructor(init?: ModelInit<CompletionStreamResponse>) {
    super(init);
    initModel(this, init);
  }
}
