/** Token counting: `POST /v1/count_tokens`. */
import { Field, StrField, listOf, modelType, strType, unionOf } from '../fields';
import { ModelInit, OpenAIBaseModel, initModel } from '../model';
import { ChatMessage } from './chat';

/** A request to count the tokens of a text or a conversation with a model's tokenizer. */
export class CountTokenRequest extends OpenAIBaseModel {
  /** The model whose tokenizer counts. */
  @StrField() model!: string;
  /** A plain text, or a list of chat messages. */
  @Field(unionOf(strType, listOf(modelType(() => ChatMessage)))) conversation!: string | ChatMessage[];

  /** Builds a request from its fields; does not validate. */
  constructor(init?: ModelInit<CountTokenRequest>) {
    super();
    initModel(this, init);
  }
}
