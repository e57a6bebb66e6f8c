import { KIND_OBJECT, acceptsKinds } from './context';
import { Field, FieldOptions, FieldType } from './field';
import { copyJson, isJsonData, isPlainObject } from './json';

/** `dict`: any JSON object, its values kept as given, every key included (`__proto__` as an own data property). */
export const dictType: FieldType = acceptsKinds({
  expected: 'a valid dictionary',
  errorType: 'dict_type',
  coerces: false,
  parse: (value, ctx, up, key) =>
    isPlainObject(value) ? copyJson(value, ctx, up, key) : ctx.fail(up, key, 'dict_type', 'Input should be a valid dictionary', value),
  coerce: (value) => value,
  check: (value) => isPlainObject(value) && isJsonData(value),
  toJsonSchema: () => ({ type: 'object', additionalProperties: true }),
} satisfies FieldType, KIND_OBJECT);

/** A free-form object field (Pydantic `dict`), such as a function's JSON-schema `parameters`. */
export function DictField(options?: FieldOptions): PropertyDecorator {
  return Field(dictType, options);
}
