/**
 * Mapped models: `PickModel`, `OmitModel`, `PartialModel` and
 * `IntersectionModel`, the model-keeping counterparts of NestJS's `PickType`,
 * `OmitType`, `PartialType` and `IntersectionType`. Each gives a fresh
 * `OpenAIBaseModel` subclass whose fields are declared again through the same
 * composed `Field()` decorator, with the base's rules, so both validation
 * routes, the dump, `fieldNames`, `jsonSchema()` and whatever else `Field()`
 * records hold for it as for a hand-written model. No NestJS import.
 */
import 'reflect-metadata';
import { inheritChecks } from './checks';
import { ValidateIf, getMetadataStorage } from 'class-validator';
import type { ValidationMetadata as ValidationMetadataType } from 'class-validator/types/metadata/ValidationMetadata';
import { Field, FieldSpec, ModelClass, OPTIONAL_HOST, OWN_CONTEXT, fieldsOf } from './fields/field';
import { copyForeignTransformerMetadata, ownTransformerMetadata } from './fields/transformer-metadata';
import { ModelInit, OpenAIBaseModel, initModel } from './model';
import { GENERATED, fieldDefaults } from './schema/defaults';
import { setFieldOrigin } from './schema/json-schema';

/** The declared data of a model: its properties minus methods and `OpenAIBaseModel`'s own members. */
export type ModelFields<T> = {
  [K in keyof T as K extends keyof OpenAIBaseModel ? never : T[K] extends (...args: never[]) => unknown ? never : K]: T[K];
};

/** The static side `OpenAIBaseModel` gives every model: `parse`, `safeParse`, `parseJson`, `fieldNames`, `jsonSchema`, … */
export type MappedModelStatics = Omit<typeof OpenAIBaseModel, 'prototype'>;

/**
 * The class a mapped-model helper returns: it builds `T & OpenAIBaseModel`
 * instances, has every static of `OpenAIBaseModel`, and can be subclassed:
 * `class Slim extends PickModel(ChatCompletionRequest, ['model', 'messages'] as const) {}`.
 */
export type MappedModel<T> = {
  new (init?: ModelInit<T>): T & OpenAIBaseModel;
  readonly prototype: T & OpenAIBaseModel;
} & MappedModelStatics;

type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;

/** The fields of every class of an `IntersectionModel`, as one type. */
export type IntersectionFields<C extends readonly ModelClass<OpenAIBaseModel>[]> = UnionToIntersection<
  { [I in keyof C]: C[I] extends ModelClass<infer V> ? ModelFields<V> : never }[number]
>;

/** One property a mapped model keeps: where it comes from and, for a declared field, its rule. */
interface Kept {
  readonly name: string;
  readonly source: ModelClass;
  readonly spec: FieldSpec | undefined;
}

function assertModelClass(helper: string, cls: unknown): asserts cls is ModelClass<OpenAIBaseModel> {
  const ok =
    typeof cls === 'function' &&
    (cls === OpenAIBaseModel || (cls as { prototype?: unknown }).prototype instanceof OpenAIBaseModel);
  if (!ok) throw new TypeError(`${helper}: expected a model class (a subclass of OpenAIBaseModel), got ${describe(cls)}`);
}

function describe(value: unknown): string {
  return typeof value === 'function' ? `class ${value.name || '(anonymous)'}` : value === null ? 'null' : typeof value;
}

/** A user's own class-validator metadata on `cls` and its ancestors (not this library's). */
function foreignValidation(cls: Function): ValidationMetadataType[] {
  return getMetadataStorage()
    .getTargetValidationMetadatas(cls, '', true, false)
    .filter((m) => m.context !== OWN_CONTEXT && m.propertyName !== OPTIONAL_HOST);
}

/**
 * The properties of `cls` a mapped model can keep, in declaration order: this
 * library's fields (parents first), then properties that only a user's
 * class-validator or class-transformer decorators declare.
 */
function propertiesOf(cls: ModelClass): Kept[] {
  const out: Kept[] = fieldsOf(cls).map((spec) => ({ name: spec.name, source: cls, spec }));
  const seen = new Set(out.map((k) => k.name));
  const extra = [...foreignValidation(cls).map((m) => m.propertyName), ...ownTransformerMetadata(cls).properties];
  for (const name of extra) {
    if (typeof name !== 'string' || seen.has(name)) continue;
    seen.add(name);
    out.push({ name, source: cls, spec: undefined });
  }
  return out;
}

function checkKeys(helper: string, cls: ModelClass, keys: unknown, known: readonly Kept[]): Set<string> {
  if (!Array.isArray(keys)) throw new TypeError(`${helper}: expected an array of field names, got ${describe(keys)}`);
  const names = new Set(known.map((k) => k.name));
  for (const key of keys) {
    if (typeof key !== 'string' || !names.has(key)) {
      throw new TypeError(`${helper}: ${cls.name} has no field ${JSON.stringify(String(key))}`);
    }
  }
  return new Set(keys as string[]);
}

/** How a fresh instance gets the defaults (property initialisers) of the fields it keeps from one base. */
interface DefaultsFrom {
  readonly source: ModelClass;
  /** Constant plain values (primitives, arrays and plain objects of them), copied into each instance. */
  readonly constant: ReadonlyArray<readonly [string, unknown]>;
  /** Fields whose default must come from a fresh `new source()` (generated ids and times, model instances). */
  readonly live: readonly string[];
}

function isPlainData(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== 'object') return typeof value !== 'function' && typeof value !== 'symbol';
  if (depth > 64) return false;
  if (Array.isArray(value)) return value.every((v) => isPlainData(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.keys(value).every((k) => isPlainData((value as Record<string, unknown>)[k], depth + 1));
}

function clonePlain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(clonePlain);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) {
    Object.defineProperty(out, k, { value: clonePlain((value as Record<string, unknown>)[k]), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * Reads the defaults of `names` from a fresh `new source()`, as `jsonSchema`
 * does (schema/defaults.ts): a value that changes between two fresh
 * instances is generated, so each mapped instance takes it from a fresh base
 * instance too; a constant plain value is copied. A base whose constructor
 * throws without arguments gives no defaults.
 */
function defaultsOf(source: ModelClass, names: readonly string[]): DefaultsFrom {
  let probe: Record<string, unknown>;
  try {
    probe = new source() as unknown as Record<string, unknown>;
  } catch {
    return { source, constant: [], live: [] };
  }
  const json = fieldDefaults(source);
  const constant: Array<[string, unknown]> = [];
  const live: string[] = [];
  for (const name of names) {
    const value = probe[name];
    if (value === undefined) continue;
    if (json.get(name) !== GENERATED && isPlainData(value)) constant.push([name, value]);
    else live.push(name);
  }
  return { source, constant, live };
}

function fillDefaults(self: Record<string, unknown>, plans: readonly DefaultsFrom[]): void {
  for (const plan of plans) {
    for (const [name, value] of plan.constant) self[name] = clonePlain(value);
    if (!plan.live.length) continue;
    const fresh = new plan.source() as unknown as Record<string, unknown>;
    for (const name of plan.live) self[name] = fresh[name];
  }
}

/** Copies the property-level reflect-metadata (`design:type`, a user's `@ApiProperty`, …) that `target` lacks. */
function copyReflectMetadata(source: ModelClass, target: Function, name: string): void {
  for (const key of Reflect.getMetadataKeys(source.prototype, name) as unknown[]) {
    if (Reflect.hasOwnMetadata(key, target.prototype, name)) continue;
    Reflect.defineMetadata(key, Reflect.getMetadata(key, source.prototype, name), target.prototype, name);
  }
}

/**
 * Builds a mapped model: a fresh `OpenAIBaseModel` subclass named `name` that
 * declares `kept` (in that order) through `Field()` with each base's rule
 * (made optional when `partial`), takes the bases' defaults unless `partial`,
 * and carries over a user's own class-validator and class-transformer
 * decorators on those properties.
 */
function mapModel<T>(name: string, kept: readonly Kept[], partial: boolean): MappedModel<T> {
  const bySource = new Map<ModelClass, string[]>();
  for (const k of kept) {
    let list = bySource.get(k.source);
    if (!list) bySource.set(k.source, (list = []));
    list.push(k.name);
  }
  const defaults = partial ? [] : [...bySource].map(([source, names]) => defaultsOf(source, names));

  const Mapped = class extends OpenAIBaseModel {
    constructor(init?: object) {
      super();
      fillDefaults(this as unknown as Record<string, unknown>, defaults);
      initModel(this, init);
    }
  };
  Object.defineProperty(Mapped, 'name', { value: name, configurable: true });

  for (const k of kept) setFieldOrigin(Mapped, k.name, k.source);
  for (const k of kept) {
    if (!k.spec) continue;
    Field(k.spec.type, {
      nullable: k.spec.nullable,
      optional: partial || k.spec.optional,
      nullMeansAbsent: k.spec.nullMeansAbsent,
    })(Mapped.prototype, k.name);
  }
  // After `Field()`, so what it records for the new class is not overwritten.
  for (const k of kept) copyReflectMetadata(k.source, Mapped, k.name);
  const storage = getMetadataStorage();
  for (const [source, names] of bySource) {
    const keep = new Set(names);
    const metas = foreignValidation(source).filter((m) => keep.has(m.propertyName));
    for (const m of metas) {
      const copy = Object.assign(Object.create(Object.getPrototypeOf(m) as object) as ValidationMetadataType, m, { target: Mapped });
      storage.addValidationMetadata(copy);
    }
    if (partial) {
      // A user's own rules apply to a present value only (absent when absent; null is still checked).
      for (const property of new Set(metas.map((m) => m.propertyName))) {
        ValidateIf((_o: unknown, v: unknown) => v !== undefined)(Mapped.prototype, property);
      }
    }
    copyForeignTransformerMetadata(source, Mapped, (p) => keep.has(p));
  }
  inheritChecks(Mapped, [...bySource.keys()], kept.map((k) => k.name), partial);
  return Mapped as unknown as MappedModel<T>;
}

/**
 * A model with only `keys` of `Base`'s fields, like NestJS's `PickType` but a
 * model: an `OpenAIBaseModel` subclass with `parse`, `safeParse`, `parseJson`,
 * `toJSON`, `fieldNames`, `jsonSchema()`, the same rules and defaults on both
 * validation routes, fields in `Base`'s declaration order, and extras kept
 * (a left-out field of `Base` given in a body is an extra). A user's own
 * class-validator/class-transformer decorators on the kept fields come along.
 *
 * The result does not extend `Base`, so `instanceof Base` is false, as with
 * NestJS's `PickType`: an instance lacks fields `Base` guarantees, and
 * `instanceof` would make TypeScript narrow it to a `Base` it is not. It is
 * `instanceof OpenAIBaseModel` and of the returned class (and its subclasses).
 * @example
 * class Slim extends PickModel(ChatCompletionRequest, ['model', 'messages'] as const) {}
 * Slim.parse({ model: 'm', messages: [{ role: 'user', content: 'hi' }] });
 */
export function PickModel<T extends OpenAIBaseModel, K extends keyof ModelFields<T>>(
  Base: ModelClass<T>,
  keys: readonly K[],
): MappedModel<Pick<ModelFields<T>, K>> {
  assertModelClass('PickModel', Base);
  const all = propertiesOf(Base);
  const picked = checkKeys('PickModel', Base, keys, all);
  return mapModel(`Pick${Base.name}`, all.filter((k) => picked.has(k.name)), false);
}

/**
 * A model with `Base`'s fields except `keys`, like NestJS's `OmitType` but a
 * model (see `PickModel` for what that gives, `instanceof` included).
 * @example
 * class NoTools extends OmitModel(ChatCompletionRequest, ['tools', 'tool_choice'] as const) {}
 */
export function OmitModel<T extends OpenAIBaseModel, K extends keyof ModelFields<T>>(
  Base: ModelClass<T>,
  keys: readonly K[],
): MappedModel<Omit<ModelFields<T>, K>> {
  assertModelClass('OmitModel', Base);
  const all = propertiesOf(Base);
  const omitted = checkKeys('OmitModel', Base, keys, all);
  return mapModel(`Omit${Base.name}`, all.filter((k) => !omitted.has(k.name)), false);
}

/**
 * A model with all of `Base`'s fields optional, in the second edition's
 * sense: checked when present, absent from the dump when absent, never
 * `missing`, and no defaults (a field the body leaves out stays out). `null`
 * is accepted where `Base` accepts it. Shallow, like NestJS's `PartialType`:
 * nested models keep their own rules. See `PickModel` for the rest, `instanceof` included.
 * @example
 * class Patch extends PartialModel(ChatCompletionRequest) {}
 * JSON.stringify(Patch.parse({ temperature: 0.2 })); // {"temperature":0.2}
 */
export function PartialModel<T extends OpenAIBaseModel>(Base: ModelClass<T>): MappedModel<Partial<ModelFields<T>>> {
  assertModelClass('PartialModel', Base);
  return mapModel(`Partial${Base.name}`, propertiesOf(Base), true);
}

/**
 * A model with the fields of all `classes`, in order (a field several declare
 * keeps its first place and takes the last class's rule and default), like
 * NestJS's `IntersectionType` but a model (see `PickModel`; it extends none of
 * `classes`, so `instanceof` holds for `OpenAIBaseModel` and the result only).
 * @example
 * class Tenanted extends IntersectionModel(ChatCompletionRequest, TenantFields) {}
 */
export function IntersectionModel<C extends readonly [ModelClass<OpenAIBaseModel>, ...ModelClass<OpenAIBaseModel>[]]>(
  ...classes: C
): MappedModel<IntersectionFields<C>> {
  if (classes.length === 0) throw new TypeError('IntersectionModel: expected at least one model class');
  const kept: Kept[] = [];
  for (const cls of classes) {
    assertModelClass('IntersectionModel', cls);
    for (const k of propertiesOf(cls)) {
      const at = kept.findIndex((e) => e.name === k.name);
      if (at >= 0) kept[at] = k;
      else kept.push(k);
    }
  }
  return mapModel(`Intersection${classes.map((c) => c.name).join('')}`, kept, false);
}
