/** Log-probabilities of a chat answer's tokens (`choices[].logprobs`). */
import { FloatField, ListField, StrField, intType, modelType } from '../fields';
import { ModelInit, OpenAIBaseModel, initModel } from '../model';

/** One of the most likely tokens at a position, with its log-probability. */
export class TopLogprob extends OpenAIBaseModel {
  /** The token. */
  @StrField() token!: string;
  /** Its log-probability. */
  @FloatField() logprob!: number;
  /** Its UTF-8 bytes, or null when it has no byte form. */
  @ListField(intType, { nullable: true }) bytes: number[] | null = null;

  /** Builds a top log-probability from its fields, filling defaults; does not validate. */
  constructor(init?: ModelInit<TopLogprob>) {
    super();
    initModel(this, init);
  }
}

/** A generated token with its log-probability and the most likely alternatives. */
export class TokenLogprob extends TopLogprob {
  /** The most likely tokens at this position. */
  @ListField(modelType(() => TopLogprob)) top_logprobs: TopLogprob[] = [];

  /** Builds a token log-probability from its fields, filling defaults; does not validate. */
  constructor(init?: ModelInit<TokenLogprob>) {
    super();
    initModel(this, init);
  }
}

/** The log-probabilities of a chat choice's content and refusal tokens. */
export class ChatLogprobs extends OpenAIBaseModel {
  /** One entry per content token. */
  @ListField(modelType(() => TokenLogprob), { nullable: true }) content: TokenLogprob[] | null = null;
  /** One entry per refusal token. */
  @ListField(modelType(() => TokenLogprob), { optional: true, nullable: true }) refusal?: TokenLogprob[] | null;

  /** Builds chat log-probabilities from their fields, filling defaults; does not validate. */
  constructor(init?: ModelInit<ChatLogprobs>) {
    super();
    initModel(this, init);
  }
}
