import { validateSync } from 'class-validator';
import { PlanCache, parseModel } from '../engine';
import { KIND_OBJECT, acceptsKinds } from './context';
import { Field, FieldOptions, FieldType, ModelClass } from './field';

/**
 * A model chosen by the value's `type` (C13): `byType[value.type]` when the
 * library knows that type, else `fallback` (forward compatible, as the SDKs
 * are). Errors stop at the chosen class's fields. Both routes build the same
 * class: the fast route parses as it, the decorator route builds the fallback
 * with `@Type` and rebuilds an item whose `type` names another class.
 */
export function choiceOf(fallback: () => ModelClass, byType: Readonly<Record<string, () => ModelClass>>): FieldType {
  const table = new Map(Object.entries(byType));
  // The fast route's view of the same table: each class with its plan memo,
  // found by comparing strings (a handful of types: no hashing of a fresh string).
  const types = [...table.keys()];
  const routes = [...table.values()].map((get) => ({ get, cache: {} as PlanCache }));
  const fallbackRoute = { get: fallback, cache: {} as PlanCache };
  const routeOf = (t: string) => {
    for (let i = 0; i < types.length; i++) if (types[i] === t) return routes[i];
    return fallbackRoute;
  };
  const pick = (raw: object): ModelClass => {
    const t = (raw as { type?: unknown }).type;
    const get = typeof t === 'string' ? table.get(t) : undefined;
    return get ? get() : fallback();
  };
  return acceptsKinds<FieldType>({
    get expected() {
      return `a valid dictionary or instance of ${fallback().name}`;
    },
    errorType: 'model_type',
    coerces: false,
    model: fallback,
    pick,
    nested: 'direct',
    parse(value, ctx, up, key) {
      // `pick`, with the chosen class's plan memo.
      let route = fallbackRoute;
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const t = (value as { type?: unknown }).type;
        if (typeof t === 'string') route = routeOf(t);
      }
      return parseModel(route.get(), value, ctx, up, key, route.cache);
    },
    coerce: (value) => value,
    check(value, deep) {
      if (value === null || typeof value !== 'object' || !(value instanceof pick(value))) return false;
      return !deep || validateSync(value, { forbidUnknownValues: false }).length === 0;
    },
    // Each known `type` has its class; the fallback takes every other `type`, so the choice stays open.
    // Exactly one member matches a value (the fallback excludes the known types): a `oneOf`.
    toJsonSchema: (ref) => ({
      oneOf: [
        ...[...table.values()].map((get) => ref(get())),
        { allOf: [ref(fallback()), { not: { type: 'object', required: ['type'], properties: { type: { enum: [...table.keys()] } } } }] },
      ],
    }),
  }, KIND_OBJECT);
}

/** A field holding a model chosen by its `type`: `@ChoiceField(() => ResponseFormat, { json_schema: () => JsonSchemaResponseFormat })`. */
export function ChoiceField(
  fallback: () => ModelClass,
  byType: Readonly<Record<string, () => ModelClass>>,
  options?: FieldOptions,
): PropertyDecorator {
  return Field(choiceOf(fallback, byType), options);
}
