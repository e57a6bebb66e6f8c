/** The fields every response and stream chunk starts with: `id`, `object`, `created`, `model`. */
import { IntField, StrField } from '../fields';
import { randomId, unixNow } from '../ids';
import { OpenAIBaseModel } from '../model';

/**
 * A base class whose `id` defaults to `idPrefix` + 32 hex digits, `object` to
 * `objectName` and `created` to now. The generated defaults are computed in the
 * constructor, and only when the caller did not give them: a stream builds one
 * chunk per token with the same id, and should not pay for a UUID each time.
 */
export function responseHead(idPrefix: string, objectName: string) {
  class ResponseHead extends OpenAIBaseModel {
    /** The response id (`chat-…` or `cmpl-…` + 32 hex digits unless given); every chunk of a stream shares it. */
    @StrField() id!: string;
    /** The object type, such as `chat.completion` or `text_completion.chunk`. */
    @StrField() object: string = objectName;
    /** When the response was created, in Unix seconds; every chunk of a stream shares it. */
    @IntField() created!: number;
    /** The model that answered. */
    @StrField() model!: string;

    /** Fills `id` and `created` unless `init` gives them; the subclass assigns the rest of `init`. */
    constructor(init?: { id?: unknown; created?: unknown }) {
      super();
      this.id = init?.id === undefined ? randomId(idPrefix) : (init.id as string);
      this.created = init?.created === undefined ? unixNow() : (init.created as number);
    }
  }
  return ResponseHead;
}
