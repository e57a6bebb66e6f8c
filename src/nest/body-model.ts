/** Which protocol model a pipe should build, and the check both pipes make first. */
import { OpenAIBaseModel } from '../model';
import { NOT_AN_OBJECT_MESSAGE, isJsonObjectBody } from './error-body';

/** A protocol model class, as the pipes see it. */
export type BodyModel = typeof OpenAIBaseModel;

/** The protocol model class a parameter is declared as, or undefined for any other type. */
export function bodyModelOf(metatype: unknown): BodyModel | undefined {
  return typeof metatype === 'function' && metatype.prototype instanceof OpenAIBaseModel
    ? (metatype as BodyModel)
    : undefined;
}

/** Why a request body cannot be a protocol model, or undefined when it can (it is a JSON object). */
export function bodyShapeProblem(value: unknown): string | undefined {
  return isJsonObjectBody(value) ? undefined : NOT_AN_OBJECT_MESSAGE;
}
