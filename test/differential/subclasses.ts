/**
 * User subclasses for the differential test: the decorators stay the single
 * source of truth, so `parse` must agree with `plainToInstance` + `validateSync`
 * on these too, whichever route the engine picks for them.
 */
import { IsOptional, IsString, Max, MaxLength, ValidateBy } from 'class-validator';
import type { ValidationArguments } from 'class-validator';
import {
  ChatCompletionRequest,
  ChatMessage,
  IntField,
  ListField,
  OpenAIBaseModel,
  StrField,
  modelType,
} from '../../src';

/** A plain class-validator decorator on a new optional field. */
export class NicknamedRequest extends ChatCompletionRequest {
  @IsOptional() @IsString() @MaxLength(12) nickname?: string;
}

/** A custom `@ValidateBy` constraint, on a new field and on an inherited one. */
export function IsEvenLength(): PropertyDecorator {
  return ValidateBy({
    name: 'isEvenLength',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && value.length % 2 === 0,
      defaultMessage: (args?: ValidationArguments) => `${args?.property} must have an even length`,
    },
  });
}

/** `tag` must be a string of even length; the inherited `max_tokens` gets an extra `@Max(4096)`. */
export class VettedRequest extends ChatCompletionRequest {
  @IsOptional() @IsEvenLength() tag?: string;
  @Max(4096) override max_tokens!: number;
}

/** Only this library's field decorators: stays on the fast route. */
export class TaggedRequest extends ChatCompletionRequest {
  @StrField({ nullable: true }) tag: string | null = null;
  @IntField() priority: number = 0;
}

/** A message subclass with a user decorator, nested inside a request that has none of its own. */
export class NotedMessage extends ChatMessage {
  @IsOptional() @IsString() @MaxLength(20) note?: string;
}

/** Fast route at the top, decorator route for each message. */
export class NotedMessagesRequest extends ChatCompletionRequest {
  @ListField(modelType(() => NotedMessage)) override messages!: NotedMessage[];
}

/** The subclasses a ChatCompletionRequest case is also run as. */
export const REQUEST_SUBCLASSES: ReadonlyArray<typeof OpenAIBaseModel> = [
  NicknamedRequest,
  VettedRequest,
  TaggedRequest,
  NotedMessagesRequest,
];

/** Keys the subclasses add, for "add a key" mutations. */
export const SUBCLASS_KEYS = ['nickname', 'tag', 'priority', 'note'];
