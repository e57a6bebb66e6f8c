import { INVALID, keepsAsIs } from './context';
import { Field, FieldOptions, FieldType } from './field';

const FLOAT_STRING = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Lax float coercion shared by both routes: a finite number, or INVALID. */
export function toFloat(value: unknown): number | typeof INVALID {
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? value : INVALID;
    case 'boolean':
      return value ? 1 : 0;
    case 'string': {
      if (!FLOAT_STRING.test(value)) return INVALID;
      const n = Number(value);
      return Number.isFinite(n) ? n : INVALID;
    }
    default:
      return INVALID;
  }
}

/** `float`: finite numbers (C1), `true`/`false` as 1/0, and decimal strings with an optional exponent. */
export const floatType: FieldType = keepsAsIs({
  expected: 'a valid number',
  errorType: 'float_type',
  coerces: true,
  parse(value, ctx, up, key) {
    const n = toFloat(value);
    if (n !== INVALID) return n;
    if (typeof value === 'number' || (typeof value === 'string' && FLOAT_STRING.test(value))) {
      return ctx.fail(up, key, 'finite_number', 'Input should be a finite number', value);
    }
    if (typeof value === 'string') {
      return ctx.fail(up, key, 'float_parsing', 'Input should be a valid number, unable to parse string as a number', value);
    }
    return ctx.fail(up, key, 'float_type', 'Input should be a valid number', value);
  },
  coerce(value) {
    const n = toFloat(value);
    return n === INVALID ? value : n;
  },
  check: (value) => typeof value === 'number' && Number.isFinite(value),
  toJsonSchema: () => ({ type: 'number' }),
} satisfies FieldType, (v) => `typeof ${v} === "number" && ${v} - ${v} === 0`);

/** A float field with Pydantic's lax coercion (`"0.5"` → 0.5); NaN and ±Infinity are rejected. */
export function FloatField(options?: FieldOptions): PropertyDecorator {
  return Field(floatType, options);
}
