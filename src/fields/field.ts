import { Transform, TransformFnParams, Type, plainToInstance } from 'class-transformer';
import { getMetadataStorage, registerDecorator, ValidateIf, ValidateNested, ValidationArguments, ValidationTypes } from 'class-validator';
import { INVALID, LocKey, ParseContext, PathNode } from './context';
import { OWN_TRANSFORMER_FUNCTIONS } from './transformer-metadata';
import { recordSwaggerField } from '../schema/swagger';

/** A class whose instances are protocol models (see `OpenAIBaseModel`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ModelClass<T extends object = object> = { new (...args: any[]): T; readonly prototype: T };

/**
 * The rules of one declared type, shared by both validation routes:
 * `parse` is the fast route used by `Model.parse`; `coerce` + `check` are what
 * the class-transformer `@Transform` and class-validator constraint run.
 * The invariant that keeps the routes equal: `check(coerce(x))` holds exactly
 * when `parse(x)` succeeds, and then both give the same value.
 */
export interface FieldType {
  /** What the type expects, for messages: "a valid integer". */
  readonly expected: string;
  /** The error type for a value of the wrong kind, e.g. `int_type` (also used for a forbidden `null`). */
  readonly errorType: string;
  /** Validates and converts `value` (never null or undefined), recording issues at `up`/`key`. */
  parse(value: unknown, ctx: ParseContext, up: PathNode | undefined, key: LocKey | undefined): unknown;
  /** Whether `coerce` does anything (fields without it get no `@Transform`). */
  readonly coerces: boolean;
  /** Lax coercion for the decorator route; returns the input unchanged when it cannot coerce. */
  coerce(value: unknown): unknown;
  /** Whether a value produced by class-transformer + `coerce` is valid; `deep` also validates nested models. */
  check(value: unknown, deep: boolean): boolean;
  /** The model class class-transformer must build for this type, if any (its `@Type`). */
  readonly model?: () => ModelClass;
  /** For a choice by `type`: the class a raw item (an object) is built as. */
  readonly pick?: (raw: object) => ModelClass;
  /** `'direct'` for a model or list of models: class-validator's `@ValidateNested` covers it. */
  readonly nested?: 'direct';
  /** The JSON Schema (draft 2020-12) of the values this type accepts after coercion; `ref` names a nested model. */
  toJsonSchema(ref: SchemaRef): JsonSchema;
}

/** A JSON Schema object. */
export type JsonSchema = Record<string, unknown>;
/** Returns the schema reference (`{"$ref": "#/$defs/Name"}`) of a nested model class. */
export type SchemaRef = (cls: ModelClass) => JsonSchema;

/** Options shared by every field decorator. */
export interface FieldOptions {
  /** Also accept `null` (Python's `Optional[...]`). A default still comes from the property initialiser. */
  nullable?: boolean;
  /**
   * An optional field (`field?: T`): checked when present, absent from the dump
   * when absent, never `missing`. Declare it without an initialiser:
   * `@IntField({ optional: true, nullable: true }) seed?: number | null;`
   */
  optional?: boolean;
  /**
   * `null` means absent (C9, a request's sampling parameters): the default
   * stays and the field does not count as set.
   */
  nullMeansAbsent?: boolean;
}

/** A declared field: its name, type and nullability. */
export interface FieldSpec {
  /** The property name, which is also the wire name. */
  readonly name: string;
  /** The rule values of this field follow. */
  readonly type: FieldType;
  /** Whether `null` is accepted. */
  readonly nullable: boolean;
  /** Whether the field may be absent without a default (`field?: T`). */
  readonly optional: boolean;
  /** Whether `null` is taken as absent (C9). */
  readonly nullMeansAbsent: boolean;
}

/** The class-validator constraint name that this library's field decorators register. */
export const FIELD_CONSTRAINT = 'oaiField';
/** Context marker on the class-validator metadata this library adds, so it can tell its own from a user's. */
export const OWN_CONTEXT = Object.freeze({ oaiProtocols: true });

/**
 * The class-validator constraint that checks all optional fields of a class at
 * once, registered on one hidden property (`OPTIONAL_HOST`) of the first class
 * in a chain that declares one. A constraint per optional field would cost
 * class-validator a property walk for each absent one (a request has 30).
 * It is skipped by class-validator's `skipMissingProperties`.
 */
export const OPTIONAL_CONSTRAINT = 'oaiOptionalFields';
/** The property name the optional-fields constraint is registered on; never set on an instance. */
export const OPTIONAL_HOST = '__oai_optional_fields__';

const ownFields = new Map<Function, FieldSpec[]>();
const mergedFields = new Map<Function, readonly FieldSpec[]>();
const fieldMaps = new Map<Function, ReadonlyMap<string, FieldSpec>>();
const optionalLists = new Map<Function, readonly FieldSpec[]>();
const optionalHosts = new Set<Function>();

/** Records a field on a class; a redeclared name replaces the earlier rule in place. */
function registerField(cls: Function, spec: FieldSpec): void {
  let list = ownFields.get(cls);
  if (!list) ownFields.set(cls, (list = []));
  const at = list.findIndex((f) => f.name === spec.name);
  if (at >= 0) list[at] = spec;
  else list.push(spec);
  mergedFields.clear();
  fieldMaps.clear();
  optionalLists.clear();
}

/** The optional fields of `cls` (inherited ones included), in declaration order. */
export function optionalFieldsOf(cls: Function): readonly FieldSpec[] {
  let list = optionalLists.get(cls);
  if (!list) optionalLists.set(cls, (list = fieldsOf(cls).filter((f) => f.optional)));
  return list;
}

/** The optional fields of a built instance whose present value breaks the field's rule (nested models validated too). */
export function badOptionalFields(instance: object): FieldSpec[] {
  const out: FieldSpec[] = [];
  const self = instance as Record<string, unknown>;
  for (const spec of optionalFieldsOf(instance.constructor)) {
    const v = self[spec.name];
    if (v === undefined) continue;
    if (v === null ? !spec.nullable : !spec.type.check(v, true)) out.push(spec);
  }
  return out;
}

function ensureOptionalHost(cls: Function): void {
  for (let c: Function | null = cls; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) if (optionalHosts.has(c)) return;
  optionalHosts.add(cls);
  // Ride on a field this class itself declares (a plain, non-optional one, so no
  // `ValidateIf` can skip it): class-validator then walks no extra property.
  const anchor = ownFields.get(cls)?.find((f) => !f.optional && f.type.nested !== 'direct');
  registerOptionalConstraint(cls, anchor?.name ?? OPTIONAL_HOST);
}

/** Whether class-validator still runs an optional-fields constraint for `cls` (a subclass's own rule on the anchor drops it). */
function hasOptionalConstraint(cls: Function): boolean {
  const storage = getMetadataStorage();
  return storage
    .getTargetValidationMetadatas(cls, '', true, false)
    .some((m) => m.constraintCls !== undefined && storage.getTargetValidatorConstraints(m.constraintCls)[0]?.name === OPTIONAL_CONSTRAINT);
}

function registerOptionalConstraint(cls: Function, propertyName: string): void {
  registerDecorator({
    name: OPTIONAL_CONSTRAINT,
    target: cls,
    propertyName,
    options: { context: OWN_CONTEXT },
    validator: {
      validate: (_value: unknown, args: ValidationArguments): boolean => badOptionalFields(args.object as object).length === 0,
      defaultMessage(args: ValidationArguments): string {
        const spec = badOptionalFields(args.object as object)[0];
        if (!spec) return `${OPTIONAL_HOST}: Value error`;
        const first = explain(spec, (args.object as Record<string, unknown>)[spec.name])[0];
        return `${[spec.name, ...(first?.loc ?? [])].join('.')}: ${first?.msg ?? 'Value error'}`;
      },
    },
  });
}

/**
 * The fields declared with this library's decorators on `cls` and its ancestors,
 * parents first; a subclass's redeclaration keeps the parent's position.
 */
export function fieldsOf(cls: Function): readonly FieldSpec[] {
  let merged = mergedFields.get(cls);
  if (merged) return merged;
  const chain: Function[] = [];
  for (let c: Function | null = cls; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) chain.unshift(c);
  const out: FieldSpec[] = [];
  for (const c of chain) {
    for (const spec of ownFields.get(c) ?? []) {
      const at = out.findIndex((f) => f.name === spec.name);
      if (at >= 0) out[at] = spec;
      else out.push(spec);
    }
  }
  merged = Object.freeze(out);
  mergedFields.set(cls, merged);
  return merged;
}

/** The effective rule for one property of `cls`, if this library declared it. */
export function fieldOf(cls: Function, name: string): FieldSpec | undefined {
  let map = fieldMaps.get(cls);
  if (!map) fieldMaps.set(cls, (map = new Map(fieldsOf(cls).map((f) => [f.name, f]))));
  return map.get(name);
}

/** The issues the field rule reports for `value`, located relative to the field. */
export function explain(spec: FieldSpec, value: unknown): Array<{ type: string; msg: string; loc: LocKey[]; input: unknown }> {
  if (value === undefined) return spec.optional ? [] : [{ type: 'missing', msg: 'Field required', loc: [], input: undefined }];
  if (value === null) {
    return spec.nullable || spec.nullMeansAbsent ? [] : [{ type: spec.type.errorType, msg: `Input should be ${spec.type.expected}`, loc: [], input: null }];
  }
  const ctx = new ParseContext();
  spec.type.parse(value, ctx, undefined, undefined);
  return ctx.issues.map(({ type, msg, loc, input }) => ({ type, msg, loc, input }));
}

/** Runs the field rule on one value, the way `parse` does: null, then the type. */
export function parseField(spec: FieldSpec, value: unknown, ctx: ParseContext, up: PathNode | undefined): unknown {
  if (value === null) {
    if (spec.nullable) return null;
    return ctx.fail(up, spec.name, spec.type.errorType, `Input should be ${spec.type.expected}`, null);
  }
  return spec.type.parse(value, ctx, up, spec.name);
}

/** Source object → the instance class-transformer is building from it (only while a C9 null is pending). */
const building = new WeakMap<object, object>();
/** Instance → its C9 fields that were given as null (not set). */
const nullAbsent = new WeakMap<object, Set<string>>();

function rememberTarget(options?: { newObject?: object; object?: Record<string, unknown>; property?: string }): undefined {
  if (options?.object && options.newObject && options.property && options.object[options.property] === null) {
    building.set(options.object, options.newObject);
  }
  return undefined;
}

function defaultFor(source: object, key: string): unknown {
  const inst = building.get(source) as Record<string, unknown> | undefined;
  if (!inst) return undefined;
  let keys = nullAbsent.get(inst);
  if (!keys) nullAbsent.set(inst, (keys = new Set()));
  keys.add(key);
  return inst[key];
}

/** The C9 fields of an instance that the decorator route was given as `null` (they do not count as set). */
export function takeNullAbsentKeys(instance: object): ReadonlySet<string> | undefined {
  const keys = nullAbsent.get(instance);
  if (keys) nullAbsent.delete(instance);
  return keys;
}

function hasOwn(obj: unknown, key: string): boolean {
  return obj !== null && typeof obj === 'object' && Object.prototype.hasOwnProperty.call(obj, key);
}

/**
 * The composed field decorator behind every `XxxField`: it records the rule for
 * the fast route, and gives class-transformer its `@Type`/`@Transform` and
 * class-validator one constraint (plus `@ValidateNested` for nested models), so
 * `plainToInstance` + `validate` apply the same rule. It also records what
 * `@nestjs/swagger` reads (see `recordSwaggerField`), computed only when read.
 */
export function Field(type: FieldType, options: FieldOptions = {}): PropertyDecorator {
  return (target: object, propertyKey: string | symbol) => {
    const name = String(propertyKey);
    const cls = target.constructor;
    const spec: FieldSpec = {
      name,
      type,
      nullable: options.nullable === true,
      optional: options.optional === true,
      nullMeansAbsent: options.nullMeansAbsent === true,
    };
    registerField(cls, spec);
    recordSwaggerField(cls, name);

    if (type.model) {
      OWN_TRANSFORMER_FUNCTIONS.add(type.model);
      Type(type.model)(target, name);
    } else if (spec.nullMeansAbsent) {
      // class-transformer hands a type function the instance being built, whose
      // property still holds its initialiser: remember it for the transform below.
      OWN_TRANSFORMER_FUNCTIONS.add(rememberTarget);
      Type(rememberTarget as unknown as () => Function)(target, name);
    }
    if (type.coerces || spec.nullMeansAbsent) {
      // Read the raw value from the source object, so a subclass's override of a
      // parent's rule sees the input and not the parent's coercion of it.
      const coerce = ({ value, key, obj }: TransformFnParams): unknown => {
        const raw = !type.model && hasOwn(obj, key) ? (obj as Record<string, unknown>)[key] : value;
        if (raw === null && spec.nullMeansAbsent) return defaultFor(obj as object, key);
        return type.coerces ? type.coerce(raw) : raw;
      };
      OWN_TRANSFORMER_FUNCTIONS.add(coerce);
      Transform(coerce, { toClassOnly: true })(target, name);
    }
    if (type.pick) {
      const pick = type.pick;
      // Built as the fallback class by `@Type`; items whose `type` names another class are rebuilt as it.
      const choose = ({ value, key, obj, options }: TransformFnParams): unknown => {
        const raw = hasOwn(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
        const one = (item: unknown, built: unknown): unknown => {
          if (item === null || typeof item !== 'object' || Array.isArray(item)) return built;
          const cls = pick(item);
          return built instanceof cls && built.constructor === cls ? built : plainToInstance(cls, item, options);
        };
        if (Array.isArray(raw) && Array.isArray(value)) {
          for (let i = 0; i < value.length; i++) value[i] = one(raw[i], value[i]);
          return value;
        }
        return Array.isArray(raw) ? value : one(raw, value);
      };
      OWN_TRANSFORMER_FUNCTIONS.add(choose);
      Transform(choose, { toClassOnly: true })(target, name);
    }
    registerValidation(cls, spec);
  };
}

/**
 * An optional field of any type (`field?: T`): checked when present, absent from
 * the dump when absent. The same as passing `{ optional: true }` to a field decorator.
 * @example
 * class MyRequest extends ChatCompletionRequest {
 *   @OptionalField(strType, { nullable: true }) tenant?: string | null;
 * }
 */
export function OptionalField(type: FieldType, options: Omit<FieldOptions, 'optional'> = {}): PropertyDecorator {
  return Field(type, { ...options, optional: true });
}

/**
 * Gives `cls` the class-validator side of a field rule: the `oaiField`
 * constraint, plus `@ValidateNested` (and `@ValidateIf` for null) for nested
 * models. Also used to re-attach the rule to a subclass whose own decorators on
 * an inherited field made class-validator drop the parent's metadata.
 */
export function registerValidation(cls: Function, spec: FieldSpec, only?: ReadonlySet<string>): void {
  const name = spec.name;
  if (spec.optional) {
    ensureOptionalHost(cls);
    return;
  }
  if (!only || only.has(ValidationTypes.CUSTOM_VALIDATION)) {
    registerDecorator({
      name: FIELD_CONSTRAINT,
      target: cls,
      propertyName: name,
      options: { context: OWN_CONTEXT },
      validator: {
        validate(value: unknown, args: ValidationArguments): boolean {
          const rule = fieldOf((args.object as object).constructor, args.property) ?? spec;
          // A subclass made the field optional: the optional-fields constraint checks it.
          if (rule.optional) return true;
          if (value === null) return rule.nullable || rule.nullMeansAbsent;
          return rule.type.check(value, false);
        },
        defaultMessage(args: ValidationArguments): string {
          const rule = fieldOf((args.object as object).constructor, args.property) ?? spec;
          const first = explain(rule, args.value)[0];
          return first ? `${[args.property, ...first.loc].join('.')}: ${first.msg}` : `${args.property}: Value error`;
        },
      },
    });
  }
  if (spec.type.nested !== 'direct') return;
  if (!only || only.has(ValidationTypes.NESTED_VALIDATION)) ValidateNested({ context: OWN_CONTEXT })(cls.prototype, name);
  if (spec.nullable && (!only || only.has(ValidationTypes.CONDITIONAL_VALIDATION))) {
    ValidateIf((_o: unknown, v: unknown) => v !== null, { context: OWN_CONTEXT })(cls.prototype, name);
  }
}

/**
 * class-validator keeps only a subclass's own metadata of a given kind for a
 * property, so a user's `@Min(1) override max_tokens` would silently drop the
 * inherited `oaiField` rule. This puts back, on `cls`, every kind of this
 * library's metadata that an inherited field lost that way. Idempotent.
 */
export function restoreInheritedRules(cls: Function): void {
  const metas = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
  if (optionalFieldsOf(cls).length && !hasOptionalConstraint(cls)) registerOptionalConstraint(cls, OPTIONAL_HOST);
  for (const spec of fieldsOf(cls)) {
    if (spec.optional) continue;
    const mine = metas.filter((m) => m.propertyName === spec.name);
    const kinds = new Set([ValidationTypes.CUSTOM_VALIDATION]);
    if (spec.type.nested === 'direct') {
      kinds.add(ValidationTypes.NESTED_VALIDATION);
      if (spec.nullable) kinds.add(ValidationTypes.CONDITIONAL_VALIDATION);
    }
    for (const m of mine) if (m.context === OWN_CONTEXT) kinds.delete(m.type);
    if (kinds.size) registerValidation(cls, spec, kinds);
  }
}

export { INVALID };
