import { INVALID, keepsAsIs } from './context';
import { Field, FieldOptions, FieldType } from './field';

const TRUE = new Set(['true', 'yes', 'on', '1', 't', 'y']);
const FALSE = new Set(['false', 'no', 'off', '0', 'f', 'n']);

/** Lax bool coercion shared by both routes: a boolean, or INVALID. */
export function toBool(value: unknown): boolean | typeof INVALID {
  switch (typeof value) {
    case 'boolean':
      return value;
    case 'number':
      return value === 1 ? true : value === 0 ? false : INVALID;
    case 'string': {
      const s = value.toLowerCase();
      return TRUE.has(s) ? true : FALSE.has(s) ? false : INVALID;
    }
    default:
      return INVALID;
  }
}

/** `bool`: booleans, 0/1, and `true/false`, `yes/no`, `on/off`, `1/0`, `t/f`, `y/n` in any case. */
export const boolType: FieldType = keepsAsIs({
  expected: 'a valid boolean',
  errorType: 'bool_type',
  coerces: true,
  parse(value, ctx, up, key) {
    const b = toBool(value);
    if (b !== INVALID) return b;
    if (typeof value === 'number' || typeof value === 'string') {
      return ctx.fail(up, key, 'bool_parsing', 'Input should be a valid boolean, unable to interpret input', value);
    }
    return ctx.fail(up, key, 'bool_type', 'Input should be a valid boolean', value);
  },
  coerce(value) {
    const b = toBool(value);
    return b === INVALID ? value : b;
  },
  check: (value) => typeof value === 'boolean',
  toJsonSchema: () => ({ type: 'boolean' }),
} satisfies FieldType, (v) => `typeof ${v} === "boolean"`);

/** A boolean field with Pydantic's lax coercion (`"yes"` → true, `0` → false). */
export function BoolField(options?: FieldOptions): PropertyDecorator {
  return Field(boolType, options);
}
