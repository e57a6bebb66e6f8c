import { validateSync } from 'class-validator';
import { PlanCache, parseModel } from '../engine';
import { KIND_OBJECT, acceptsKinds } from './context';
import { Field, FieldOptions, FieldType, ModelClass } from './field';

const modelTypes = new WeakMap<() => ModelClass, FieldType>();

/**
 * A nested model: objects only, checked by that class's own rules, giving an
 * instance of the class. `get` is a thunk so classes can refer to each other.
 */
export function modelType(get: () => ModelClass): FieldType {
  let type = modelTypes.get(get);
  if (type) return type;
  const cache: PlanCache = {};
  type = acceptsKinds<FieldType>({
    get expected() {
      return `a valid dictionary or instance of ${get().name}`;
    },
    errorType: 'model_type',
    coerces: false,
    model: get,
    nested: 'direct',
    parse: (value, ctx, up, key) => parseModel(get(), value, ctx, up, key, cache),
    coerce: (value) => value,
    check(value, deep) {
      if (!(value instanceof get())) return false;
      return !deep || validateSync(value, { forbidUnknownValues: false }).length === 0;
    },
    toJsonSchema: (ref) => ref(get()),
  }, KIND_OBJECT);
  modelTypes.set(get, type);
  return type;
}

/** A nested model field: `@ModelField(() => UsageInfo) usage!: UsageInfo`. */
export function ModelField(get: () => ModelClass, options?: FieldOptions): PropertyDecorator {
  return Field(modelType(get), options);
}
