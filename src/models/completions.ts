/**
 * Legacy completions: the request, the response, its log-probabilities and the streamed chunks.
 */
import {
  IntField,
  ListField,
  LiteralField,
  ModelField,
  StrField,
  UnionField,
  floatType,
  intType,
  listOf,
  mapOf,
  modelType,
  strType,
} from '../fields';
import { ModelInit, OpenAIBaseModel, initModel } from '../model';
import { withOutputParams, withSamplingParams } from './request-params';
import { responseHead } from './response-head';
import { UsageInfo } from './usage';

/** The head of a completion request: the model and the prompt. */
class CompletionRequestHead extends OpenAIBaseModel {
  /** The model to use. */
  @StrField() model!: string;
  /** The prompt: one string, or a list of strings. */
  @UnionField([strType, listOf(strType)]) prompt!: string | string[];
}

/** A `POST /v1/completions` body. */
export class CompletionRequest extends withOutputParams(withSamplingParams(CompletionRequestHead)) {
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
  /** The log-probability of each token. */
  @ListField(floatType) token_logprobs!: number[];
  /** For each position, the most likely tokens and their log-probabilities. */
  @ListField(mapOf(floatType), { nullable: true }) top_logprobs: Array<Record<string, number>> | null = null;
  /** Each token's character offset in the text. */
  @ListField(intType, { nullable: true }) text_offset: number[] | null = null;

  /** Builds log-probabilities from their fields, filling defaults; does not validate. */
  constructor(init?: ModelInit<CompletionLogprobs>) {
    super();
    initModel(this, init);
  }
}

/** Why generation stopped, for a completion choice. */
export type CompletionFinishReason = 'stop' | 'length' | 'function_call';

/** One choice of a completion response. */
export class CompletionResponseChoice extends OpenAIBaseModel {
  /** The generated text. */
  @StrField() text!: string;
  /** The choice's position in `choices`. */
  @IntField() index!: number;
  /** Log-probabilities, when requested. */
  @ModelField(() => CompletionLogprobs, { nullable: true }) logprobs: CompletionLogprobs | null = null;
  /** Why generation stopped. */
  @LiteralField(['stop', 'length', 'function_call'], { nullable: true })
  finish_reason: CompletionFinishReason | null = null;

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
  @LiteralField(['stop', 'length', 'function_call'], { nullable: true })
  finish_reason: CompletionFinishReason | null = null;

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
  /** Token usage. */
  @ModelField(() => UsageInfo) usage!: UsageInfo;

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

  /** Builds a chunk from its fields; `id` and `created` are generated unless given. Does not validate. */
  constructor(init?: ModelInit<CompletionStreamResponse>) {
    super(init);
    initModel(this, init);
  }
}
