/**
 * JSON Schema (draft 2020-12) for model classes, from the same decorators that
 * validate. class-validator-jsonschema walks the class-validator metadata (so a
 * user's `@IsString()`, `@IsOptional()`, `@Expose({ name })`, `@JSONSchema()`
 * work as that library defines); this module adds a converter for this
 * library's own constraint (`oaiField`, whose field type knows its schema),
 * and by hand only what that library does not cover: `$defs` collection,
 * defaults, `required`, TSDoc descriptions, `additionalProperties: true`.
 */
import 'reflect-metadata';
import { ValidationTypes, getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import type * as Cvj from 'class-validator-jsonschema';
import type { ISchemaConverters } from 'class-validator-jsonschema/build/defaultConverters';
import { FIELD_CONSTRAINT, JsonSchema, ModelClass, OPTIONAL_HOST, OWN_CONTEXT, SchemaRef, fieldOf, fieldsOf } from '../fields/field';
import { GENERATED, fieldDefaults } from './defaults';
import { CLASS_DESCRIPTIONS, FIELD_DESCRIPTIONS } from './descriptions';
import { toOpenApi30 } from './openapi30';

/**
 * class-validator-jsonschema's `@JSONSchema(…)`, loaded lazily: merges keywords
 * (a `description`, `examples`, …) into the schema of the property or class it
 * decorates. It changes no validation.
 * @example
 * class MyRequest extends ChatCompletionRequest {
 *   @JSONSchema({ description: 'Billing tenant.' }) @IsOptional() @IsString() tenant?: string;
 * }
 */
export function JSONSchema(schema: JsonSchema): (target: object, key?: string) => void {
  return (target, key) => load().cvj.JSONSchema(schema)(target, key);
}

/** The `$schema` of what `jsonSchema` returns. */
export const JSON_SCHEMA_DRAFT = 'https://json-schema.org/draft/2020-12/schema';

/** Options of `modelSchemas`. */
export interface ModelSchemasOptions {
  /** Prefix of every `$ref`, before the model's name; default `#/components/schemas/` (OpenAPI). */
  refPrefix?: string;
  /**
   * `'3.1'` (default): JSON Schema 2020-12, as OpenAPI 3.1 takes it. `'3.0'`:
   * OpenAPI 3.0 schema objects (`nullable: true`, never `"type": "null"`),
   * for a 3.0 document such as the one `SwaggerModule.createDocument` makes.
   */
  openapi?: '3.0' | '3.1';
}

interface Libs {
  cvj: typeof Cvj;
  defaultConverters: ISchemaConverters;
  transformerStorage: unknown;
  /** What `@JSONSchema(…)` recorded for a property. */
  getMetadataSchema(target: object, key: string): unknown;
}
let libs: Libs | undefined;

/** class-validator-jsonschema and class-transformer's storage, loaded on first use so importing the package stays cheap. */
function load(): Libs {
  if (!libs) {
    /* eslint-disable @typescript-eslint/no-require-imports */
    libs = {
      cvj: require('class-validator-jsonschema') as typeof Cvj,
      defaultConverters: (require('class-validator-jsonschema/build/defaultConverters') as { defaultConverters: ISchemaConverters })
        .defaultConverters,
      transformerStorage: (require('class-transformer/cjs/storage') as { defaultMetadataStorage: unknown }).defaultMetadataStorage,
      getMetadataSchema: (require('class-validator-jsonschema/build/decorators') as Pick<Libs, 'getMetadataSchema'>).getMetadataSchema,
    };
    /* eslint-enable @typescript-eslint/no-require-imports */
  }
  return libs;
}

interface TransformerStorage {
  findTypeMetadata(target: Function, property: string): { typeFunction?: () => unknown } | undefined;
  getExposedMetadatas(target: Function): Array<{ propertyName?: string; options?: { name?: string } }>;
}

const IS_OPTIONAL = 'isOptional';
const NULL: JsonSchema = { type: 'null' };

/** Whether `schema` accepts `null`. */
function acceptsNull(schema: JsonSchema): boolean {
  const t = schema.type;
  if (t === 'null' || (Array.isArray(t) && t.includes('null'))) return true;
  if (t !== undefined || schema.$ref !== undefined) return false;
  const anyOf = schema.anyOf;
  return Array.isArray(anyOf) && anyOf.some((s) => acceptsNull(s as JsonSchema));
}

/** Keywords that describe a property rather than constrain its value: they stay beside an `anyOf`, not in a member. */
const ANNOTATIONS = ['title', 'description', 'default', 'examples', 'deprecated', 'readOnly', 'writeOnly'];

/**
 * `schema`, or null (a union that is only an `anyOf` gets `null` as one more
 * member). Annotations such as `description` stay at the property's top level.
 */
function orNull(schema: JsonSchema): JsonSchema {
  if (acceptsNull(schema)) return schema;
  const value: JsonSchema = {};
  const notes: JsonSchema = {};
  for (const k of Object.keys(schema)) (ANNOTATIONS.includes(k) ? notes : value)[k] = schema[k];
  const keys = Object.keys(value);
  if (keys.length === 1 && Array.isArray(value.anyOf)) return { anyOf: [...value.anyOf, NULL], ...notes };
  return { anyOf: [value, NULL], ...notes };
}

function constraintName(meta: ValidationMetadata): string | undefined {
  if (!meta.constraintCls) return meta.type;
  return getMetadataStorage().getTargetValidatorConstraints(meta.constraintCls)[0]?.name ?? meta.type;
}

/** The schema of one of this library's fields: its type's schema, plus null when nullable. */
function fieldSchema(meta: ValidationMetadata, ref: SchemaRef): JsonSchema {
  const spec = fieldOf(meta.target as Function, meta.propertyName);
  if (!spec) return {};
  const schema = spec.type.toJsonSchema(ref);
  return spec.nullable ? orNull(schema) : schema;
}

/** The schema of an optional field: its type's, plus null when nullable; never `required`. */
function optionalSchema(schema: JsonSchema, nullable: boolean): JsonSchema {
  return nullable ? orNull(schema) : schema;
}

/** `schema` with the `@JSONSchema(…)` of `cls`'s property `name` applied, as class-validator-jsonschema applies it. */
function withJsonSchemaDecorator(schema: JsonSchema, cls: Function, name: string, l: Libs): JsonSchema {
  const extra = l.getMetadataSchema(cls.prototype, name);
  if (typeof extra === 'function') return (extra as (s: JsonSchema, o: object) => JsonSchema)(schema, {});
  return extra && typeof extra === 'object' ? { ...schema, ...(extra as JsonSchema) } : schema;
}

const PRIMITIVES: readonly Function[] = [String, Number, Boolean, Symbol];

/**
 * The converters that differ from class-validator-jsonschema's defaults:
 * - `oaiField` (this library's constraint) asks the field type for its schema;
 * - `@ValidateNested` points at the nested class through `ref`, so it lands in
 *   `$defs`; this library's own `@ValidateNested` adds nothing (the field type covers it);
 * - `@ValidateIf`/`@IsOptional` add nothing here (nullability is applied afterwards);
 * - another custom constraint gives a type only for string/number/boolean
 *   properties (the default would point at a `$ref` named after any class, `Object` included).
 */
function converters(ref: SchemaRef, l: Libs): ISchemaConverters {
  const own = (meta: ValidationMetadata): JsonSchema => fieldSchema(meta, ref);
  const transformer = l.transformerStorage as TransformerStorage;
  return {
    [FIELD_CONSTRAINT]: own,
    [ValidationTypes.CUSTOM_VALIDATION]: (meta, options) => {
      if (constraintName(meta) === FIELD_CONSTRAINT) return own(meta);
      const design: unknown = Reflect.getMetadata('design:type', (meta.target as Function).prototype, meta.propertyName);
      if (typeof design !== 'function' || !PRIMITIVES.includes(design)) return {};
      const fallback = l.defaultConverters[ValidationTypes.CUSTOM_VALIDATION];
      return typeof fallback === 'function' ? fallback(meta, options) : fallback;
    },
    [ValidationTypes.NESTED_VALIDATION]: (meta) => {
      const target = meta.target as Function;
      if (meta.context === OWN_CONTEXT || fieldOf(target, meta.propertyName)) return {};
      const typeFn = transformer.findTypeMetadata(target, meta.propertyName)?.typeFunction;
      const child: unknown = typeFn ? typeFn() : Reflect.getMetadata('design:type', target.prototype, meta.propertyName);
      return typeof child === 'function' && !PRIMITIVES.includes(child) && child !== Object && child !== Array
        ? ref(child as ModelClass)
        : {};
    },
    [ValidationTypes.CONDITIONAL_VALIDATION]: {},
  };
}

/** The class and its ancestors, root first. */
function chainOf(cls: Function): Function[] {
  const chain: Function[] = [];
  for (let c: Function | null = cls; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) chain.unshift(c);
  return chain;
}

/** Class → property → the class whose declaration a mapped model's field was copied from (see mapped.ts). */
const fieldOrigins = new WeakMap<Function, Map<string, Function>>();

/**
 * Records that `target`'s `property` is a copy of the one `source` (or its
 * ancestors) declares, so its TSDoc description is found there. The mapped
 * models (`PickModel` & co.) call it for each field they copy.
 */
export function setFieldOrigin(target: Function, property: string, source: Function): void {
  let map = fieldOrigins.get(target);
  if (!map) fieldOrigins.set(target, (map = new Map()));
  map.set(property, source);
}

/**
 * A field's TSDoc description: from the nearest class in `cls`'s chain that
 * documents it, following a mapped model's field back to the class it was
 * copied from.
 */
export function fieldDescription(cls: Function, property: string): string | undefined {
  return describeField(chainOf(cls), property);
}

/** A field's TSDoc, from the nearest class in the chain that documents it (or that a mapped model copied it from). */
function describeField(chain: readonly Function[], property: string): string | undefined {
  for (let i = chain.length - 1; i >= 0; i--) {
    const text = FIELD_DESCRIPTIONS[chain[i].name]?.[property];
    if (text !== undefined) return text;
    const origin = fieldOrigins.get(chain[i])?.get(property);
    if (origin) return describeField(chainOf(origin), property);
  }
  return undefined;
}

/** The object schema of one class; nested classes are reached through `ref` (also what the Swagger metadata is made from). */
export function objectSchema(cls: ModelClass, ref: SchemaRef, refPrefix: string): JsonSchema {
  const l = load();
  const transformer = l.transformerStorage as TransformerStorage;
  const base = l.cvj.targetConstructorToSchema(cls, {
    refPointerPrefix: refPrefix,
    classTransformerMetadataStorage: l.transformerStorage as never,
    additionalConverters: converters(ref, l),
  }) as JsonSchema;
  const converted = (base.properties ?? {}) as Record<string, JsonSchema>;

  // Declaration order, parents first (a redeclared property keeps its parent's place).
  const chain = chainOf(cls);
  const storage = getMetadataStorage();
  const metas = storage.getTargetValidationMetadatas(cls, '', true, false);
  const seen: string[] = [];
  for (const c of chain) {
    for (const m of storage.getTargetValidationMetadatas(c, '', true, false)) {
      if (m.target === c && m.propertyName !== OPTIONAL_HOST && !seen.includes(m.propertyName)) seen.push(m.propertyName);
    }
  }
  // Optional fields have no class-validator metadata of their own (one constraint
  // checks them all): put each in its declared place, after the field before it.
  const declared = fieldsOf(cls).map((f) => f.name);
  const order: string[] = [];
  const placeOptionalsBefore = (limit: number): void => {
    for (let i = 0; i < limit; i++) if (fieldOf(cls, declared[i])?.optional && !order.includes(declared[i])) order.push(declared[i]);
  };
  for (const name of seen) {
    // A property this library does not declare comes from a subclass: after the declared ones before it.
    const at = declared.indexOf(name);
    placeOptionalsBefore(at >= 0 ? at : declared.length);
    if (!order.includes(name)) order.push(name);
  }
  placeOptionalsBefore(declared.length);
  const wire = new Map<string, string>();
  for (const e of transformer.getExposedMetadatas(cls)) if (e.propertyName && e.options?.name) wire.set(e.propertyName, e.options.name);

  const defaults = fieldDefaults(cls);
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const name of order) {
    const key = wire.get(name) ?? name;
    const spec = fieldOf(cls, name);
    // An optional field has no class-validator metadata, so class-validator-jsonschema never saw its `@JSONSchema`: apply it here.
    const raw = spec?.optional ? withJsonSchemaDecorator(optionalSchema(spec.type.toJsonSchema(ref), spec.nullable), cls, name, l) : converted[key];
    if (!raw || properties[key]) continue;
    const userMetas = metas.filter((m) => m.propertyName === name && m.context !== OWN_CONTEXT);
    const optional = userMetas.some((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION);
    let schema = raw;
    // class-validator skips every check of an @IsOptional() property that is null or undefined.
    if (userMetas.some((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION && m.name === IS_OPTIONAL)) schema = orNull(schema);
    schema = { ...schema };
    schema.description ??= describeField(chain, name);
    if (schema.description === undefined) delete schema.description;
    const value = defaults.get(name);
    if (value !== undefined && value !== GENERATED && !('default' in schema)) schema.default = value;
    properties[key] = schema;
    if (value === undefined && !optional && !spec?.optional) required.push(key);
  }
  for (const key of Object.keys(converted)) if (!properties[key] && key !== OPTIONAL_HOST) properties[key] = converted[key];

  const { properties: _p, required: _r, type: _t, ...rest } = base;
  const description = rest.description ?? CLASS_DESCRIPTIONS[cls.name];
  return {
    title: cls.name,
    ...(description !== undefined ? { description } : {}),
    ...rest,
    type: 'object',
    properties,
    ...(required.length ? { required } : {}),
    additionalProperties: true,
  };
}

/**
 * Object schemas for `roots` and every model class they reach, by schema name
 * (the class name; a second class with a taken name gets a number). Each
 * `$ref` is `refPrefix` + name. The roots come first, in the order given.
 * JSON Schema 2020-12 (OpenAPI 3.1), or OpenAPI 3.0 with `openapi: '3.0'`.
 */
export function modelSchemas(roots: readonly ModelClass[], options: ModelSchemasOptions = {}): Record<string, JsonSchema> {
  const { schemas } = collect(roots, options.refPrefix ?? '#/components/schemas/');
  if (options.openapi !== '3.0') return schemas;
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, toOpenApi30(schema)]));
}

function collect(roots: readonly ModelClass[], refPrefix: string): { schemas: Record<string, JsonSchema>; names: Map<Function, string>; referenced: Set<Function> } {
  const names = new Map<Function, string>();
  const taken = new Set<string>();
  const queue: ModelClass[] = [];
  const referenced = new Set<Function>();
  const nameOf = (cls: ModelClass): string => {
    let name = names.get(cls);
    if (name === undefined) {
      const base = cls.name || 'Model';
      name = base;
      for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
      names.set(cls, name);
      taken.add(name);
      queue.push(cls);
    }
    return name;
  };
  const ref: SchemaRef = (cls) => {
    referenced.add(cls);
    return { $ref: refPrefix + nameOf(cls) };
  };
  roots.forEach(nameOf);
  const schemas: Record<string, JsonSchema> = {};
  for (let i = 0; i < queue.length; i++) schemas[names.get(queue[i])!] = objectSchema(queue[i], ref, refPrefix);
  return { schemas, names, referenced };
}

/**
 * The JSON Schema (draft 2020-12) of a model class, as Pydantic's
 * `model_json_schema()`: the class's own object schema at the root, nested
 * models in `$defs` (referenced as `#/$defs/Name`). Each field has its type,
 * `null` in an `anyOf` when nullable, its `default` (initialiser values;
 * generated ones such as `id`/`created` get none) and its TSDoc `description`;
 * unions are `anyOf`, maps `additionalProperties`; every model has
 * `additionalProperties: true` (extras are kept) and `required` lists the
 * fields with no default. A subclass's own fields, plain class-validator
 * decorators included, are part of its schema. A fresh object each call.
 */
export function jsonSchema(cls: ModelClass): JsonSchema {
  const { schemas, names, referenced } = collect([cls], '#/$defs/');
  const rootName = names.get(cls)!;
  const $defs: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(schemas)) if (name !== rootName || referenced.has(cls)) $defs[name] = schema;
  return {
    $schema: JSON_SCHEMA_DRAFT,
    ...schemas[rootName],
    ...(Object.keys($defs).length ? { $defs } : {}),
  };
}
