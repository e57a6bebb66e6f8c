/**
 * Reads class-transformer's metadata for a class, to tell the `@Type` and
 * `@Transform` entries this library's field decorators added from a user's own
 * (which send the class down the decorator route), and to find wire aliases
 * declared with `@Expose({ name })`.
 *
 * class-transformer keeps its store in `class-transformer/cjs/storage`; it has
 * not changed shape since 0.3 and 0.5.1 is the current release.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: unknown };

/** Functions this library handed to `@Type` / `@Transform` / `@Expose`. */
export const OWN_TRANSFORMER_FUNCTIONS = new WeakSet<Function>();
/** Properties this library exposed on a class (the symbol that records the fields set). */
export const OWN_EXPOSED = new WeakMap<Function, Set<string | symbol>>();

interface TypeMeta {
  target?: Function;
  propertyName?: string;
  reflectedType?: unknown;
  typeFunction?: Function;
  options?: Record<string, unknown>;
}
interface TransformMeta {
  target?: Function;
  propertyName?: string;
  transformFn: Function;
  options?: Record<string, unknown>;
}
interface Storage {
  _typeMetadatas: Map<Function, Map<string, TypeMeta>>;
  _transformMetadatas: Map<Function, Map<string, TransformMeta[]>>;
  _exposeMetadatas: Map<Function, Map<string, { propertyName: string; options?: { name?: string } }>>;
  _excludeMetadatas: Map<Function, Map<string, unknown>>;
  getStrategy(target: Function): string;
  findTypeMetadata(target: Function, propertyName: string | symbol): TypeMeta | undefined;
  findExposeMetadata(target: Function, propertyName: string): { options?: { name?: string } } | undefined;
  findTransformMetadatas(target: Function, propertyName: string | symbol, transformationType: number): TransformMeta[];
}

/** What class-transformer knows about `cls` and its ancestors beyond this library's own decorators. */
export function ownTransformerMetadata(cls: Function): {
  foreign: boolean;
  properties: Set<string>;
  aliases: Map<string, string>;
} {
  const storage = defaultMetadataStorage as unknown as Storage;
  const properties = new Set<string>();
  const aliases = new Map<string, string>();
  let foreign = storage.getStrategy(cls) !== 'none';
  for (let c: Function | null = cls; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    for (const [prop, meta] of storage._typeMetadatas.get(c) ?? []) {
      if (!meta.typeFunction || !OWN_TRANSFORMER_FUNCTIONS.has(meta.typeFunction)) {
        foreign = true;
        properties.add(prop);
      }
    }
    for (const [prop, metas] of storage._transformMetadatas.get(c) ?? []) {
      if (metas.some((m) => !OWN_TRANSFORMER_FUNCTIONS.has(m.transformFn))) {
        foreign = true;
        properties.add(prop);
      }
    }
    for (const [prop, meta] of storage._exposeMetadatas.get(c) ?? []) {
      if (OWN_EXPOSED.get(c)?.has(prop)) continue;
      foreign = true;
      properties.add(prop);
      if (meta.options?.name) aliases.set(meta.options.name, prop);
    }
    for (const [prop] of storage._excludeMetadatas.get(c) ?? []) {
      foreign = true;
      properties.add(prop);
    }
  }
  return { foreign, properties, aliases };
}

// ---------------------------------------------------------------------------
// Keeping class-transformer off data it cannot take (the bare NestJS route)
// ---------------------------------------------------------------------------
//
// `plainToInstance(Model, body)` recurses into every object value of a key it
// has no `@Type` for and guesses the class from the value's own `constructor`
// key: `{"constructor": {"prototype": {}}}` makes it call `new` on a plain
// object (`targetType is not a constructor`), `{"constructor": "x"}` makes its
// metadata lookups read properties of a string, and on the way it drops
// `constructor` and `__proto__` inside data. It never recurses into a value
// whose type is `Boolean` (it returns `Boolean(value)`, which cannot throw).
//
// So for every key of a protocol model that has no `@Type` of its own (every
// field that is not a nested model, and every extra, whose names nobody knows
// in advance), the lookup below answers "type Boolean" while a class is being
// built, and a transform that runs right after puts back a copy of the raw
// value, every key kept (`__proto__` as an own data property). Nested models
// keep their real `@Type` and are walked as before. Towards plain
// (`instanceToPlain`) nothing changes: the type function answers no type
// there, as if the lookup had found nothing.
//
// Extras can only be reached by key name through class-transformer's own
// store, which is private: `defaultMetadataStorage.findTypeMetadata` and
// `findTransformMetadatas`, unchanged since 0.3 (0.5.1 is the latest release;
// the peer range is pinned to 0.5 for this reason). `installBareRouteGuard`
// wraps those two methods for protocol models only, and model.ts runs a
// self-test on a probe class at load; if the store does not behave as
// expected the wrappers are removed and the library falls back to its former
// behaviour (keys class-transformer cannot take are kept from it, and
// OpenAIValidationPipe sends such bodies down the `parse` route).

const CLASS_TO_PLAIN = 1;

let modelBase: Function | undefined;
let guardOn = false;
let originals: Pick<Storage, 'findTypeMetadata' | 'findTransformMetadatas'> | undefined;

function isModelClass(target: unknown): target is Function {
  return (
    modelBase !== undefined &&
    typeof target === 'function' &&
    (target === modelBase || (target as { prototype?: unknown }).prototype instanceof modelBase)
  );
}

/**
 * A deep copy of a JS value's plain objects and arrays, every key kept as an
 * own data property; anything else as is. Deeper than class-transformer itself
 * gets (or a cycle) is a RangeError, as class-transformer's own recursion gives.
 */
export function copyData(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth > 2000) throw new RangeError('Input is nested too deeply (or contains itself)');
  if (Array.isArray(value)) return value.map((v) => copyData(v, depth + 1));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) {
    const v = copyData((value as Record<string, unknown>)[k], depth + 1);
    if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    else out[k] = v;
  }
  return out;
}

/** While a class is being built (the new object is a model), the value is not walked: `Boolean` is the type. */
const stopType = (options?: { newObject?: unknown }): unknown =>
  modelBase !== undefined && options?.newObject instanceof modelBase ? Boolean : undefined;
OWN_TRANSFORMER_FUNCTIONS.add(stopType);

/**
 * Puts back a copy of the raw value, which the `Boolean` type replaced by
 * `true`/`false`; it is read under the wire name (`@Expose({ name })`) when the
 * property has one.
 */
function restoreRaw(wire: string): Function {
  return ({ obj, value }: { obj: unknown; value: unknown }): unknown =>
    obj !== null && typeof obj === 'object' && Object.prototype.hasOwnProperty.call(obj, wire)
      ? copyData((obj as Record<string, unknown>)[wire])
      : value;
}

/**
 * Wraps class-transformer's type and transform lookups for protocol models
 * (see above). `base` is `OpenAIBaseModel`. Idempotent.
 */
export function installBareRouteGuard(base: Function): void {
  modelBase = base;
  if (guardOn) return;
  const storage = defaultMetadataStorage as unknown as Storage;
  if (typeof storage.findTypeMetadata !== 'function' || typeof storage.findTransformMetadatas !== 'function') return;
  const findType = storage.findTypeMetadata;
  const findTransforms = storage.findTransformMetadatas;
  originals = { findTypeMetadata: findType, findTransformMetadatas: findTransforms };
  const stopMeta: TypeMeta = { typeFunction: stopType, options: {} };
  // Made per lookup, not cached: extras' names come from clients.
  const restoreMeta = (target: Function, key: string): TransformMeta => ({
    transformFn: restoreRaw(storage.findExposeMetadata(target, key)?.options?.name ?? key),
    options: { toClassOnly: true },
  });
  const unguarded = (target: Function, key: string | symbol): boolean =>
    typeof key === 'string' && isModelClass(target) && findType.call(storage, target, key) === undefined;
  storage.findTypeMetadata = function (target, key) {
    const found = findType.call(this, target, key);
    return found ?? (unguarded(target, key) ? stopMeta : undefined);
  };
  storage.findTransformMetadatas = function (target, key, transformationType) {
    const found = findTransforms.call(this, target, key, transformationType);
    if (transformationType === CLASS_TO_PLAIN || !unguarded(target, key)) return found;
    return [restoreMeta(target, key as string), ...found];
  };
  guardOn = true;
}

/** Removes the wrappers (the self-test failed): class-transformer behaves as it ships. */
export function removeBareRouteGuard(): void {
  if (!guardOn || !originals) return;
  // The wrappers are own properties of the store; without them its class's methods answer again.
  delete (defaultMetadataStorage as Record<string, unknown>).findTypeMetadata;
  delete (defaultMetadataStorage as Record<string, unknown>).findTransformMetadatas;
  guardOn = false;
}

/** Whether `plainToInstance` keeps every key inside protocol models' data and cannot throw on it (the guard is on). */
export function bareRouteGuarded(): boolean {
  return guardOn;
}


/**
 * Copies the class-transformer metadata a user put on the properties `keep`
 * accepts, on `from` and its ancestors (`@Type`, `@Transform`, `@Expose`,
 * `@Exclude` that are not this library's own), onto `to`, root class first so
 * a subclass's entry wins, as class-transformer resolves it. Used by the
 * mapped models (`PickModel` & co.), which declare this library's own rules
 * afresh through the field decorators.
 */
export function copyForeignTransformerMetadata(from: Function, to: Function, keep: (property: string) => boolean): void {
  const storage = defaultMetadataStorage as unknown as Storage & {
    addTypeMetadata(m: TypeMeta): void;
    addTransformMetadata(m: TransformMeta): void;
    addExposeMetadata(m: object): void;
    addExcludeMetadata(m: object): void;
  };
  const chain: Function[] = [];
  for (let c: Function | null = from; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) chain.unshift(c);
  for (const c of chain) {
    for (const [prop, meta] of storage._typeMetadatas.get(c) ?? []) {
      if (keep(prop) && !(meta.typeFunction && OWN_TRANSFORMER_FUNCTIONS.has(meta.typeFunction))) {
        storage.addTypeMetadata({ ...meta, target: to });
      }
    }
    for (const [prop, metas] of storage._transformMetadatas.get(c) ?? []) {
      if (!keep(prop)) continue;
      for (const m of metas) if (!OWN_TRANSFORMER_FUNCTIONS.has(m.transformFn)) storage.addTransformMetadata({ ...m, target: to });
    }
    // Class-level entries (no property name) set the class's strategy (`@Exclude()` + `@Expose()` fields).
    for (const [prop, meta] of storage._exposeMetadatas.get(c) ?? []) {
      if ((prop === undefined || keep(prop)) && !OWN_EXPOSED.get(c)?.has(prop)) storage.addExposeMetadata({ ...meta, target: to });
    }
    for (const [prop, meta] of storage._excludeMetadatas.get(c) ?? []) {
      if (prop === undefined || keep(prop)) storage.addExcludeMetadata({ ...(meta as object), target: to });
    }
  }
}

const HIDING: unique symbol = Symbol('oai-protocols.hidingOwnExposes');

/**
 * Keeps this library's own exposed properties (the symbol that records the
 * fields set, see model.ts) to protocol models. `@nestjs/mapped-types` and
 * `@nestjs/swagger` copy a parent's class-transformer metadata onto the class
 * `PickType` & co. make, which does not extend `OpenAIBaseModel`: without this
 * `plainToInstance` would give its instances an own (enumerable, spreadable)
 * symbol property holding the body's keys. Wraps the store's
 * `getExposedMetadatas`, which every exposed-property lookup goes through; a
 * protocol model's lookups are left as they are. Idempotent.
 */
export function hideOwnExposesOutsideModels(base: Function): void {
  const storage = defaultMetadataStorage as unknown as {
    getExposedMetadatas?: (target: Function) => Array<{ propertyName?: string | symbol }>;
    [HIDING]?: true;
  };
  const original = storage.getExposedMetadatas;
  if (typeof original !== 'function' || storage[HIDING]) return;
  const own = new Set<string | symbol>(OWN_EXPOSED.get(base));
  const isModel = (target: Function): boolean => target === base || (target as { prototype?: unknown }).prototype instanceof base;
  storage.getExposedMetadatas = function (target: Function) {
    const found = original.call(this, target);
    if (typeof target !== 'function' || isModel(target) || !found.some((m) => m.propertyName !== undefined && own.has(m.propertyName))) return found;
    return found.filter((m) => m.propertyName === undefined || !own.has(m.propertyName));
  };
  Object.defineProperty(storage, HIDING, { value: true, enumerable: false });
}
