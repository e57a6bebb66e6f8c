import { INVALID, KIND_ARRAY, acceptsKinds, asIsTest, child } from './context';
import { Field, FieldOptions, FieldType } from './field';

/** Options of `listOf`. */
export interface ListOptions {
  /** Items may be `null` (`(T ?)[]`, as in echo log-probabilities, C14). */
  nullableItems?: boolean;
}

/** `T[]`: arrays only, each item checked as `item`; the result is a new array. */
export function listOf(item: FieldType, options: ListOptions = {}): FieldType {
  const nullOk = options.nullableItems === true;
  // Items `item.parse` would return as they are (strings of a `str` list) are kept without the call.
  const asIs = asIsTest(item);
  return acceptsKinds<FieldType>({
    expected: 'a valid list',
    errorType: 'list_type',
    coerces: item.coerces,
    model: item.model,
    pick: item.pick,
    nested: item.nested === 'direct' && item.model ? 'direct' : undefined,
    parse(value, ctx, up, key) {
      if (!Array.isArray(value)) return ctx.fail(up, key, 'list_type', 'Input should be a valid list', value);
      const here = child(up, key);
      const out = new Array(value.length);
      let ok = true;
      for (let i = 0; i < value.length; i++) {
        const v = value[i];
        const r = v === null && nullOk ? null : v === null || v === undefined ? ctx.fail(here, i, item.errorType, `Input should be ${item.expected}`, v) : asIs !== undefined && asIs(v) ? v : item.parse(v, ctx, here, i);
        if (r === INVALID) ok = false;
        else out[i] = r;
      }
      return ok ? out : INVALID;
    },
    coerce: (value) => (Array.isArray(value) ? value.map((v) => (v === null ? v : item.coerce(v))) : value),
    check(value, deep) {
      if (!Array.isArray(value)) return false;
      // For a list of models, a shallow check is `instanceof`; @ValidateNested validates the items.
      for (const v of value) if (!(v === null && nullOk) && (v === null || v === undefined || !item.check(v, deep))) return false;
      return true;
    },
    toJsonSchema: (ref) => ({ type: 'array', items: nullOk ? { anyOf: [item.toJsonSchema(ref), { type: 'null' }] } : item.toJsonSchema(ref) }),
  }, KIND_ARRAY);
}

/** A list field: `@ListField(intType)` is `List[int]`, `@ListField(modelType(() => ChatMessage))` a list of models. */
export function ListField(item: FieldType, options?: FieldOptions & ListOptions): PropertyDecorator {
  return Field(listOf(item, options), options);
}
