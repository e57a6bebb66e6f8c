/** Token usage reported with a response or in the last stream chunk. */
import { FloatField, IntField, ModelField } from '../fields';
import { ModelInit, OpenAIBaseModel, initModel } from '../model';

/** A breakdown of the prompt's tokens. */
export class PromptTokensDetails extends OpenAIBaseModel {
  /** Prompt tokens read from the prompt cache. */
  @IntField({ optional: true, nullable: true }) cached_tokens?: number | null;
  /** Prompt tokens of audio input. */
  @IntField({ optional: true, nullable: true }) audio_tokens?: number | null;

  /** Builds prompt token details from their fields; does not validate. */
  constructor(init?: ModelInit<PromptTokensDetails>) {
    super();
    initModel(this, init);
  }
}

/** A breakdown of the generated tokens. */
export class CompletionTokensDetails extends OpenAIBaseModel {
  /** Tokens spent on reasoning. */
  @IntField({ optional: true, nullable: true }) reasoning_tokens?: number | null;
  /** Tokens of audio output. */
  @IntField({ optional: true, nullable: true }) audio_tokens?: number | null;
  /** Predicted-output tokens that appeared in the answer. */
  @IntField({ optional: true, nullable: true }) accepted_prediction_tokens?: number | null;
  /** Predicted-output tokens that did not appear (still billed). */
  @IntField({ optional: true, nullable: true }) rejected_prediction_tokens?: number | null;

  /** Builds completion token details from their fields; does not validate. */
  constructor(init?: ModelInit<CompletionTokensDetails>) {
    super();
    initModel(this, init);
  }
}

/** How many tokens a request used, and how fast it ran. */
export class UsageInfo extends OpenAIBaseModel {
  /** Tokens in the prompt. */
  @IntField() prompt_tokens: number = 0;
  /** Tokens generated (null when not known). */
  @IntField({ nullable: true }) completion_tokens: number | null = 0;
  /** `prompt_tokens` + `completion_tokens`. */
  @IntField() total_tokens: number = 0;
  /** Generation speed, in tokens per second. */
  @FloatField() tokens_per_second: number = 0;
  /** Time spent on the request, in seconds. */
  @FloatField() processing_time: number = 0;
  /** A breakdown of `prompt_tokens`. */
  @ModelField(() => PromptTokensDetails, { optional: true, nullable: true }) prompt_tokens_details?: PromptTokensDetails | null;
  /** A breakdown of `completion_tokens`. */
  @ModelField(() => CompletionTokensDetails, { optional: true, nullable: true })
  completion_tokens_details?: CompletionTokensDetails | null;

  /** Builds usage from its fields, filling defaults; does not validate. */
  constructor(init?: ModelInit<UsageInfo>) {
    super();
    initModel(this, init);
  }
}
