import { INVALID, KIND_OBJECT, acceptsKinds, asIsTest, child } from './context';
import { Field, FieldOptions, FieldType } from './field';
import { isPlainObject, setOwn } from './json';

/**
 * `dict[str, T]`: objects only, each value checked as `value`, under every key
 * (`__proto__`, `constructor`, `valueOf` included: they are data here, kept as
 * own properties); the result is a new object (or the owned input, checked in place).
 */
export function mapOf(value: FieldType): FieldType {
  // Values `value.parse` would return as they are (the numbers of `logit_bias`) are kept without the call.
  const asIs = asIsTest(value);
  return acceptsKinds<FieldType>({
    expected: 'a valid dictionary',
    errorType: 'dict_type',
    coerces: true,
    parse(input, ctx, up, key) {
      if (!isPlainObject(input)) return ctx.fail(up, key, 'dict_type', 'Input should be a valid dictionary', input);
      const here = child(up, key);
      // Input fresh from JSON.parse is ours to keep: check it in place (copying
      // integer-like keys such as token ids is slow in V8), else build a new object.
      const out: Record<string, unknown> = ctx.owned ? input : {};
      let ok = true;
      // With protocol checks on, one top-level map tests its entries as it goes (see ParseContext.entryField).
      const test = up === undefined && key === ctx.entryField ? ctx.entryTest : undefined;
      let passed = true;
      for (const k of Object.keys(input)) {
        const v = input[k];
        if (v === undefined) continue;
        const r =
          v === null
            ? ctx.fail(here, k, value.errorType, `Input should be ${value.expected}`, v)
            : asIs !== undefined && asIs(v)
              ? v
              : value.parse(v, ctx, here, k);
        if (r === INVALID) ok = false;
        else {
          if (r !== v || !ctx.owned) setOwn(out, k, r);
          if (test !== undefined && passed && !test(k, r)) passed = false;
        }
      }
      if (test !== undefined) ctx.entriesPassed = passed;
      return ok ? out : INVALID;
    },
    coerce(input) {
      if (!isPlainObject(input)) return input;
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(input)) {
        if (input[k] !== undefined) setOwn(out, k, value.coerce(input[k]));
      }
      return out;
    },
    check(input, deep) {
      if (!isPlainObject(input)) return false;
      for (const k of Object.keys(input)) {
        const v = input[k];
        if (v === null || v === undefined || !value.check(v, deep)) return false;
      }
      return true;
    },
    toJsonSchema: (ref) => ({ type: 'object', additionalProperties: value.toJsonSchema(ref) }),
  }, KIND_OBJECT);
}

/** A `dict[str, T]` field whose values follow `value`'s rule, e.g. `@MapField(floatType)` for `logit_bias`. */
export function MapField(value: FieldType, options?: FieldOptions): PropertyDecorator {
  return Field(mapOf(value), options);
}
