import { KIND_STRING, acceptsKinds, keepsAsIs } from './context';
import { Field, FieldOptions, FieldType } from './field';

/** `str`: strings only; numbers, booleans, arrays and objects are rejected. */
export const strType: FieldType = keepsAsIs(acceptsKinds({
  expected: 'a valid string',
  errorType: 'string_type',
  coerces: false,
  parse: (value, ctx, up, key) =>
    typeof value === 'string' ? value : ctx.fail(up, key, 'string_type', 'Input should be a valid string', value),
  coerce: (value) => value,
  check: (value) => typeof value === 'string',
  toJsonSchema: () => ({ type: 'string' }),
} satisfies FieldType, KIND_STRING), (v) => `typeof ${v} === "string"`);

/** A string field (Pydantic `str`, no coercion). */
export function StrField(options?: FieldOptions): PropertyDecorator {
  return Field(strType, options);
}
