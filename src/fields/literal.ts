import { KIND_STRING, acceptsKinds } from './context';
import { Field, FieldOptions, FieldType } from './field';

/** `Literal["a", "b"]`: exactly one of the listed strings. */
export function literalType(values: readonly string[]): FieldType {
  const allowed = new Set(values);
  const quoted = values.map((v) => `'${v}'`);
  const expected = quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}` : quoted[0];
  return acceptsKinds<FieldType>({
    expected,
    errorType: 'literal_error',
    coerces: false,
    parse: (value, ctx, up, key) =>
      typeof value === 'string' && allowed.has(value)
        ? value
        : ctx.fail(up, key, 'literal_error', `Input should be ${expected}`, value),
    coerce: (value) => value,
    check: (value) => typeof value === 'string' && allowed.has(value),
    toJsonSchema: () => ({ type: 'string', enum: [...values] }),
  }, KIND_STRING);
}

/** A field that takes one of the given strings (Pydantic `Literal[...]`). */
export function LiteralField(values: readonly string[], options?: FieldOptions): PropertyDecorator {
  return Field(literalType(values), options);
}
