/** Token usage reported with a response or in the last stream chunk. */
import { FloatField, IntField } from '../fields';
import { ModelInit, OpenAIBaseModel, initModel } from '../model';

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

  /** Builds usage from its fields, filling defaults; does not validate. */
  constructor(init?: ModelInit<UsageInfo>) {
    super();
    initModel(this, init);
  }
}
