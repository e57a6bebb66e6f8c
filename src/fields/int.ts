import { INVALID, keepsAsIs } from './context';
import { Field, FieldOptions, FieldType } from './field';

const INT_STRING = /^[+-]?\d+(?:\.0+)?$/;

/** Lax int coercion shared by both routes: the value, or INVALID with the reason in `intError`. */
export function toInt(value: unknown): number | typeof INVALID {
  switch (typeof value) {
    case 'number':
      return Number.isSafeInteger(value) ? value + 0 : INVALID;
    case 'boolean':
      return value ? 1 : 0;
    case 'string': {
      if (!INT_STRING.test(value)) return INVALID;
      const dot = value.indexOf('.');
      const n = Number(dot < 0 ? value : value.slice(0, dot));
      return Number.isSafeInteger(n) ? n + 0 : INVALID;
    }
    default:
      return INVALID;
  }
}

/** Why `value` is not an int: Pydantic's error type and message. */
function intError(value: unknown): [string, string] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return ['finite_number', 'Input should be a finite number'];
    if (!Number.isInteger(value)) return ['int_from_float', 'Input should be a valid integer, got a number with a fractional part'];
    return ['int_range', 'Input should be a safe integer, within ±(2^53-1)'];
  }
  if (typeof value === 'string') {
    if (INT_STRING.test(value)) return ['int_range', 'Input should be a safe integer, within ±(2^53-1)'];
    return ['int_parsing', 'Input should be a valid integer, unable to parse string as an integer'];
  }
  return ['int_type', 'Input should be a valid integer'];
}

/**
 * `int`: safe integers (C2), `true`/`false` as 1/0, and decimal integer strings
 * with an optional all-zero fraction (`"5"`, `"-3"`, `"5.00"`).
 */
export const intType: FieldType = keepsAsIs({
  expected: 'a valid integer',
  errorType: 'int_type',
  coerces: true,
  parse(value, ctx, up, key) {
    const n = toInt(value);
    if (n !== INVALID) return n;
    const [type, msg] = intError(value);
    return ctx.fail(up, key, type, msg, value);
  },
  coerce(value) {
    const n = toInt(value);
    return n === INVALID ? value : n;
  },
  check: (value) => typeof value === 'number' && Number.isSafeInteger(value),
  toJsonSchema: () => ({ type: 'integer', minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER }),
} satisfies FieldType, (v) => `typeof ${v} === "number" && Number.isSafeInteger(${v}) && (${v} !== 0 || 1 / ${v} > 0)`); // -0 goes to parse, which makes it 0

/** An integer field with Pydantic's lax coercion (`"5"` → 5, `true` → 1), limited to safe integers. */
export function IntField(options?: FieldOptions): PropertyDecorator {
  return Field(intType, options);
}
