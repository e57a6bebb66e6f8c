/**
 * Sampling and output parameters shared by chat and legacy completion requests.
 * They are mixins so each request keeps the reference module's field order:
 * head fields, sampling parameters, (chat's tool fields), output parameters.
 */
import { FloatField, IntField, ListField, MapField, StrField, UnionField, BoolField, floatType, intType, listOf, strType } from '../fields';
import { OpenAIBaseModel } from '../model';

// A mixin's constructor must take `any[]` (TypeScript's rule for mixin classes).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ModelBase = new (...args: any[]) => OpenAIBaseModel;

/** C9: `null` for a sampling parameter means absent (OpenAI's clients and LangChain send `temperature: null`). */
const C9 = { nullMeansAbsent: true } as const;
/** An optional field that also takes `null` (principle 2). */
export const OPT = { optional: true, nullable: true } as const;

/** Adds the sampling parameters, `max_tokens` to `suppress_tokens`; `null` for any of them means absent (C9). */
export function withSamplingParams<B extends ModelBase>(Base: B) {
  class SamplingParams extends Base {
    /** Most tokens to generate. */
    @IntField(C9) max_tokens: number = 128;
    /** Penalises tokens that already appeared at all, from -2 to 2. */
    @FloatField(C9) presence_penalty: number = 0;
    /** Penalises tokens by how often they appeared, from -2 to 2. */
    @FloatField(C9) frequency_penalty: number = 0;
    /** Multiplicative penalty on repeated tokens; 1 means none. */
    @FloatField(C9) repetition_penalty: number = 1;
    /** Sampling temperature; higher is more random. */
    @FloatField(C9) temperature: number = 0.7;
    /** Nucleus sampling: keep the smallest token set whose probability reaches `top_p`. */
    @FloatField(C9) top_p: number = 0.95;
    /** Keep only the `top_k` most likely tokens; 0 means no limit. */
    @IntField(C9) top_k: number = 0;
    /** Drop tokens whose probability is below `min_p` times the top token's. */
    @FloatField(C9) min_p: number = 0;
    /** Token ids that must never be generated. */
    @ListField(intType, C9) suppress_tokens: number[] = [];
  }
  return SamplingParams;
}

/** Adds the output parameters, `n` to `user`. */
export function withOutputParams<B extends ModelBase>(Base: B) {
  class OutputParams extends Base {
    /** How many choices to generate. */
    @IntField({ nullable: true }) n: number | null = 1;
    /** Stream the answer as Server-Sent Events. */
    @BoolField({ nullable: true }) stream: boolean | null = false;
    /** Sequences where generation stops: one string or a list. */
    @UnionField([strType, listOf(strType)], { nullable: true }) stop: string | string[] | null = null;
    /** Bias added to the logits of token ids (keys are token ids as strings), from -100 to 100. */
    @MapField(floatType, { nullable: true }) logit_bias: Record<string, number> | null = null;
    /** An end-user id, for abuse monitoring. */
    @StrField({ nullable: true }) user: string | null = null;
  }
  return OutputParams;
}

/** Adds the generation extras OpenAI-compatible servers take (vLLM's names), all optional. */
export function withServerExtras<B extends ModelBase>(Base: B) {
  class ServerExtras extends Base {
    /** Fewest tokens to generate before a stop may apply. */
    @IntField(OPT) min_tokens?: number | null;
    /** Token ids that end generation. */
    @ListField(intType, OPT) stop_token_ids?: number[] | null;
    /** Keep generating past the end-of-sequence token. */
    @BoolField(OPT) ignore_eos?: boolean | null;
    /** Leave special tokens out of the text. */
    @BoolField(OPT) skip_special_tokens?: boolean | null;
    /** Keep the matched stop string at the end of the text. */
    @BoolField(OPT) include_stop_str_in_output?: boolean | null;
  }
  return ServerExtras;
}
