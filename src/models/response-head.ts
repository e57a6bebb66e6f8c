/** The fields every response and stream chunk starts with: `id`, `object`, `created`, `model`. */
import { IntField, StrField } from '../fields';
import { randomId, unixNow } from '../ids';
import { OpenAIBaseModel } from '../model';

/** A base class whose `id` defaults to `idPrefix` + 32 hex digits and `object` to `objectName`. */
export function responseHead(idPrefix: string, objectName: string) {
  class ResponseHead extends OpenAIBaseModel {
    /** The response id (`chat-…` or `cmpl-…` + 32 hex digits unless given); every chunk of a stream shares it. */
    @StrField() id: string = randomId(idPrefix);
    /** The object type, such as `chat.completion` or `text_completion.chunk`. */
    @StrField() object: string = objectName;
    /** When the response was created, in Unix seconds; every chunk of a stream shares it. */
    @IntField() created: number = unixNow();
    /** The model that answered. */
    @StrField() model!: string;
  }
  return ResponseHead;
}
