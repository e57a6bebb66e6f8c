/**
 * What `@nestjs/swagger`'s `SwaggerModule` reads about a model's properties,
 * recorded by `Field()` (so by every field decorator) with `Reflect.defineMetadata`
 * under its own keys: no NestJS import, and it costs nothing until read.
 *
 * Every `@nestjs/swagger` release made for NestJS 10 (7.x, 8.x), 11 (11.x) and
 * 12 (12.x) reads the same three keys (`DECORATORS` in its `constants.js`),
 * always the list before the properties:
 * - `swagger/apiModelPropertiesArray` on the prototype: the property names, each as `":name"`;
 * - `swagger/apiModelProperties` on (prototype, name): an `ApiProperty`-shaped object;
 *   `type: () => Cls` (a function named `type`) with `isArray` points at a nested
 *   model, which Swagger then documents too; a string `type` passes every other
 *   keyword through as the property's schema (`required: false` takes it out of
 *   the model's `required`; a top-level `anyOf`/`oneOf` drops the `type`);
 * - `swagger/apiExtraModels` on the class: more models to document, such as the
 *   members of a union, which a `$ref` inside an `anyOf` needs.
 *
 * What differs between releases does not matter here: 7.x writes the resolved
 * class back into the metadata object it reads (so it is a plain, writable
 * object once read); 8.x and later copy it, and 11.x and later add
 * `type: "object"` beside the `allOf` of a nullable model.
 *
 * The values come from the same place as `jsonSchema()`: each property's schema
 * from the class's JSON Schema (its field type's `toJsonSchema`, nullability,
 * default and TSDoc description), converted to OpenAPI 3.0, the version of the
 * documents Swagger makes. A class's list is made on first read, which binds
 * its fields' metadata to it (its own defaults); each is computed on first read.
 * Limits: a subclass that declares no field of its own shows its parent's
 * defaults; two classes whose unions name each other are not listed as each
 * other's extra models (Swagger would recurse forever), so one may be missing
 * from the document unless something else references it.
 */
import 'reflect-metadata';
import type { FieldSpec, JsonSchema, ModelClass } from '../fields/field';

/** `DECORATORS.API_MODEL_PROPERTIES` of `@nestjs/swagger`. */
export const SWAGGER_PROPERTIES = 'swagger/apiModelProperties';
/** `DECORATORS.API_MODEL_PROPERTIES_ARRAY` of `@nestjs/swagger`. */
export const SWAGGER_PROPERTIES_ARRAY = 'swagger/apiModelPropertiesArray';
/** `DECORATORS.API_EXTRA_MODELS` of `@nestjs/swagger`. */
export const SWAGGER_EXTRA_MODELS = 'swagger/apiExtraModels';

const REF_PREFIX = '#/components/schemas/';

/** What one class gives Swagger: each property's metadata, and the models its unions reference. */
interface ClassMetadata {
  properties: Map<string, JsonSchema>;
  /** Models referenced other than as a property's own `type` (members of a union or choice). */
  extra: Set<Function>;
}

/** Computed metadata by class; forgotten whenever a field is declared (a class's metadata depends on its parents'). */
let computed = new WeakMap<Function, ClassMetadata>();
/** The metadata objects this module made, so a user's `@ApiProperty` ones are told apart. */
const ours = new WeakSet<object>();

/** A function named `type`, which Swagger calls to get a nested model (its lazy type resolver). */
function lazyType(cls: Function): () => Function {
  const type = (): Function => cls;
  return type;
}

interface SchemaModule {
  objectSchema(cls: ModelClass, ref: (cls: ModelClass) => JsonSchema, refPrefix: string): JsonSchema;
}
interface OpenApi30Module {
  toOpenApi30(schema: JsonSchema): JsonSchema;
}
interface FieldModule {
  fieldsOf(cls: Function): readonly FieldSpec[];
}

/** Computes the Swagger metadata of every field of `cls` (once). */
function compute(cls: Function): ClassMetadata {
  let done = computed.get(cls);
  if (done) return done;
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { objectSchema } = require('./json-schema') as SchemaModule;
  const { toOpenApi30 } = require('./openapi30') as OpenApi30Module;
  const { fieldsOf } = require('../fields/field') as FieldModule;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const byRef = new Map<string, Function>();
  const ref = (model: ModelClass): JsonSchema => {
    byRef.set(REF_PREFIX + model.name, model);
    return { $ref: REF_PREFIX + model.name };
  };
  const schema = objectSchema(cls as ModelClass, ref, REF_PREFIX);
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  done = { properties: new Map(), extra: new Set() };
  for (const spec of fieldsOf(cls)) {
    const property = properties[spec.name];
    if (!property) continue;
    const raw = spec.type.toJsonSchema(ref);
    const notes: JsonSchema = {};
    for (const k of ['description', 'default'] as const) if (property[k] !== undefined) notes[k] = property[k];
    if (spec.nullable) notes.nullable = true;
    const isRequired = required.has(spec.name);
    const only = typeof raw.$ref === 'string' ? byRef.get(raw.$ref) : undefined;
    const items = raw.type === 'array' && raw.items !== null && typeof raw.items === 'object' ? (raw.items as JsonSchema) : undefined;
    const itemModel = items && Object.keys(items).length === 1 && typeof items.$ref === 'string' ? byRef.get(items.$ref) : undefined;
    let meta: JsonSchema;
    if (only && Object.keys(raw).length === 1) {
      // A nested model: Swagger documents it and points at it.
      meta = { type: lazyType(only), ...notes, required: isRequired };
    } else if (itemModel && Object.keys(raw).length === 2) {
      meta = { type: lazyType(itemModel), isArray: true, ...notes, required: isRequired };
    } else {
      const open = exclusive(toOpenApi30(property));
      for (const r of refsIn(open)) {
        const model = byRef.get(r);
        if (model && model !== cls) done.extra.add(model);
      }
      // Swagger needs a string `type` to pass the schema through; it drops it again beside a top-level anyOf/oneOf.
      if (open.type === undefined && !open.anyOf && !open.oneOf && !open.allOf) meta = { ...notes, ...withoutNotes(open), anyOf: [withoutNotes(open)] };
      else meta = { ...open };
      if (meta.type === undefined) meta.type = 'object';
      meta.required = isRequired;
    }
    done.properties.set(spec.name, meta);
  }
  computed.set(cls, done);
  return done;
}

/** The JSON type a member stands for, when it names one (`integer` is a `number`). */
function kindOf(member: unknown): string | undefined {
  if (member === null || typeof member !== 'object') return undefined;
  const t = (member as JsonSchema).type;
  return t === 'integer' ? 'number' : typeof t === 'string' ? t : undefined;
}

/** `schema` with every `anyOf` whose members are of distinct JSON types written as the `oneOf` it is (a value matches one member only). */
function exclusive(schema: unknown): JsonSchema {
  if (Array.isArray(schema)) return schema.map(exclusive) as unknown as JsonSchema;
  if (schema === null || typeof schema !== 'object') return schema as JsonSchema;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(schema)) out[k] = k === 'enum' || k === 'default' || k === 'example' ? v : exclusive(v);
  const members = out.anyOf;
  if (Array.isArray(members) && !('oneOf' in out)) {
    const kinds = members.map(kindOf);
    if (kinds.every((k) => k !== undefined) && new Set(kinds).size === kinds.length) {
      out.oneOf = members;
      delete out.anyOf;
    }
  }
  return out;
}

function withoutNotes(schema: JsonSchema): JsonSchema {
  const { description: _d, default: _f, nullable: _n, ...rest } = schema;
  return rest;
}

/** Every `$ref` inside a schema. */
function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refsIn(v, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

/**
 * An object that becomes `fill()`'s result on first use (read, write, key
 * listing). A fill that throws (a model class still in its temporal dead zone,
 * read while classes are being declared) leaves it empty for that use and is
 * tried again on the next.
 */
function lazyObject<T extends object>(target: T, fill: (target: T) => void): T {
  let filled = false;
  const ready = (): T => {
    if (!filled) {
      try {
        fill(target);
        filled = true;
      } catch {
        // Tried again on the next use.
      }
    }
    return target;
  };
  return new Proxy(target, {
    get: (_t, key) => Reflect.get(ready(), key),
    set: (_t, key, value) => Reflect.set(ready(), key, value),
    has: (_t, key) => Reflect.has(ready(), key),
    ownKeys: () => Reflect.ownKeys(ready()),
    getOwnPropertyDescriptor: (_t, key) => Reflect.getOwnPropertyDescriptor(ready(), key),
    defineProperty: (_t, key, desc) => Reflect.defineProperty(ready(), key, desc),
    deleteProperty: (_t, key) => Reflect.deleteProperty(ready(), key),
  });
}

/** Whether `model` reaches `cls` through extra models (so listing it under `cls` would make Swagger recurse forever). */
function reaches(model: Function, cls: Function, seen = new Set<Function>()): boolean {
  if (model === cls) return true;
  if (seen.has(model)) return false;
  seen.add(model);
  for (const next of compute(model).extra) if (reaches(next, cls, seen)) return true;
  return false;
}

/** Puts on `cls.prototype` the metadata of property `name`, computed for `cls` on first read. */
function bind(cls: Function, name: string): void {
  const proto = cls.prototype as object;
  const before = Reflect.getMetadata(SWAGGER_PROPERTIES, proto, name) as JsonSchema | undefined;
  // A user's `@ApiProperty` (on this class or a parent) keeps its keys over these,
  // but for the `type` it filled in from `design:type` (an `Array` would hide the item model).
  let user = before && !ours.has(before) ? before : undefined;
  if (user && user.type !== undefined && user.type === Reflect.getMetadata('design:type', proto, name)) {
    const { type: _type, ...rest } = user;
    user = rest;
  }
  const meta = lazyObject<JsonSchema>({}, (target) => Object.assign(target, compute(cls).properties.get(name), user));
  ours.add(meta);
  Reflect.defineMetadata(SWAGGER_PROPERTIES, meta, proto, name);
}

/** Each class's own property list while it is still ours and not yet read (its fields are then bound on first read). */
const pendingLists = new WeakMap<Function, object>();

/**
 * The property list of `cls`, made on first read: the inherited names, then
 * the class's own fields; reading it also binds every field's metadata to the
 * class (so inherited fields show the class's own defaults). Swagger (and its
 * `PickType`, …) always reads a class's list before its properties.
 */
function lazyList(cls: Function): string[] {
  const list = lazyObject<string[]>([], (target) => {
    pendingLists.delete(cls);
    /* eslint-disable-next-line @typescript-eslint/no-require-imports */
    const { fieldsOf } = require('../fields/field') as FieldModule;
    const parent = Object.getPrototypeOf(cls.prototype) as object | null;
    const names = [...(((parent && Reflect.getMetadata(SWAGGER_PROPERTIES_ARRAY, parent)) as string[] | undefined) ?? [])];
    const fields = fieldsOf(cls);
    for (const spec of fields) if (!names.includes(`:${spec.name}`)) names.push(`:${spec.name}`);
    for (const spec of fields) bind(cls, spec.name);
    target.push(...names);
  });
  pendingLists.set(cls, list);
  return list;
}

/**
 * Records what `SwaggerModule` reads for field `name` of `cls` (called by
 * `Field()`). The first field of a class puts a property list on it that is
 * made on first read, so a declaration costs a look-up. When the list was read
 * already, or replaced (by a user's `@ApiProperty`), the name and its
 * metadata are recorded at once instead, in the same form.
 */
export function recordSwaggerField(cls: Function, name: string): void {
  computed = new WeakMap();
  const proto = cls.prototype as object;
  const own = Reflect.getOwnMetadata(SWAGGER_PROPERTIES_ARRAY, proto) as string[] | undefined;
  if (own === undefined) {
    Reflect.defineMetadata(SWAGGER_PROPERTIES_ARRAY, lazyList(cls), proto);
    const inherited = (Reflect.getMetadata(SWAGGER_EXTRA_MODELS, cls) as unknown[] | undefined) ?? [];
    const extras = lazyObject<unknown[]>([], (target) => {
      const extra = [...inherited];
      for (const model of compute(cls).extra) if (!extra.includes(model) && !reaches(model, cls)) extra.push(model);
      target.push(...extra);
    });
    Reflect.defineMetadata(SWAGGER_EXTRA_MODELS, extras, cls);
    return;
  }
  if (pendingLists.get(cls) === own) return;
  const key = `:${name}`;
  if (!own.includes(key)) Reflect.defineMetadata(SWAGGER_PROPERTIES_ARRAY, [...own, key], proto);
  bind(cls, name);
}
