import { keepsAsIs } from './context';
import { Field, FieldOptions, FieldType } from './field';

/**
 * `int | float | str | bool` with no coercion: a finite number, a string or a
 * boolean, kept exactly as given (used for `chat_template_kwargs` values).
 */
export const jsonScalarType: FieldType = keepsAsIs({
  expected: 'a number, a string or a boolean',
  errorType: 'scalar_type',
  coerces: false,
  parse: (value, ctx, up, key) =>
    jsonScalarType.check(value, false)
      ? value
      : ctx.fail(up, key, 'scalar_type', 'Input should be a finite number, a string or a boolean', value),
  coerce: (value) => value,
  check: (value) =>
    typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)),
  toJsonSchema: () => ({ type: ['number', 'string', 'boolean'] }),
} satisfies FieldType, (v) => `typeof ${v} === "string" || typeof ${v} === "boolean" || (typeof ${v} === "number" && ${v} - ${v} === 0)`);

/** A field holding one JSON scalar (finite number, string or boolean), kept as given. */
export function ScalarField(options?: FieldOptions): PropertyDecorator {
  return Field(jsonScalarType, options);
}
