/**
 * The fast route behind `Model.parse`: one plan per class, built on first use
 * from the same field rules the decorators registered, then a straight walk
 * over the input. Classes that carry decorators this library does not know
 * (a user's `@IsString()`, `@Expose({ name })`, …) take the decorator route
 * instead: `plainToInstance` + `validateSync`, exactly what NestJS runs.
 */
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync } from 'class-validator';
import { INVALID, LocKey, ParseContext, PathNode, child, locOf } from './fields/context';
import { FieldSpec, ModelClass, OWN_CONTEXT, fieldsOf } from './fields/field';
import { DROPPED_PLAIN_KEYS, copyJson, isPlainObject } from './fields/json';
import { issuesFromValidationErrors } from './errors';
import { ownTransformerMetadata } from './fields/transformer-metadata';

/** Own-property slot holding the names of the fields given in the input (Pydantic's `model_fields_set`). */
export const FIELDS_SET: unique symbol = Symbol('oai-protocols.fieldsSet');
type WithFieldsSet = { [FIELDS_SET]?: readonly string[] };

/** The names of the fields an instance was given (undefined when not tracked). */
export function fieldsSetOf(instance: object): readonly string[] | undefined {
  return (instance as WithFieldsSet)[FIELDS_SET];
}

/** Records the names of the fields an instance was given. */
export function setFieldsSet(instance: object, names: readonly string[] | undefined): void {
  (instance as WithFieldsSet)[FIELDS_SET] = names;
}

/**
 * The wire key class-transformer is told to "expose" on every model so that
 * its `@Transform` sees the whole source object and records the fields set.
 */
export const FIELDS_SET_KEY = '__oai_fields_set__';

/** What parse needs to know about one class, computed once. */
export interface Plan {
  readonly cls: ModelClass;
  readonly fields: readonly FieldSpec[];
  readonly byName: ReadonlyMap<string, FieldSpec>;
  /** Declared names and wire aliases: what is not an extra. */
  readonly fieldNames: ReadonlySet<string>;
  /** Input keys never copied onto an instance (prototype-unsafe, or named like a method). */
  readonly dropped: ReadonlySet<string>;
  /** Wire aliases, alias → property (only on classes that take the decorator route). */
  readonly aliases: ReadonlyMap<string, string>;
  /** True when the class has decorators the fast route does not know. */
  readonly fallback: boolean;
}

const plans = new WeakMap<Function, Plan>();

/** The parse plan of `cls`, cached on that class only (never inherited by a subclass). */
export function planOf(cls: ModelClass): Plan {
  let plan = plans.get(cls);
  if (!plan) {
    plan = buildPlan(cls);
    plans.set(cls, plan);
  }
  return plan;
}

function droppedKeysOf(cls: ModelClass): Set<string> {
  // class-transformer skips `__proto__`, `constructor`, any key whose value on
  // the new instance is a function, and own prototype properties without a setter.
  const dropped = new Set<string>(DROPPED_PLAIN_KEYS);
  dropped.add(FIELDS_SET_KEY);
  for (let proto = cls.prototype; proto; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const d = Object.getOwnPropertyDescriptor(proto, name)!;
      if (typeof d.value === 'function') dropped.add(name);
      else if (proto === cls.prototype && !d.set) dropped.add(name);
    }
  }
  return dropped;
}

function buildPlan(cls: ModelClass): Plan {
  const fields = fieldsOf(cls);
  const byName = new Map(fields.map((f) => [f.name, f] as const));
  const names = new Set(byName.keys());
  let fallback = false;

  const validation = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
  for (const m of validation) {
    if (m.context !== OWN_CONTEXT) {
      fallback = true;
      names.add(m.propertyName);
    }
  }
  const transformer = ownTransformerMetadata(cls);
  if (transformer.foreign) fallback = true;
  for (const p of transformer.properties) names.add(p);
  for (const [alias, prop] of transformer.aliases) {
    names.add(alias);
    names.add(prop);
  }
  return {
    cls,
    fields,
    byName,
    fieldNames: names,
    dropped: droppedKeysOf(cls),
    aliases: transformer.aliases,
    fallback,
  };
}

/** True for what a model accepts: a plain object or another model instance. */
function isModelInput(value: unknown): value is Record<string, unknown> {
  if (isPlainObject(value)) return true;
  return typeof value === 'object' && value !== null && !Array.isArray(value) && FIELDS_SET in value;
}

/** Parses `value` as an instance of `cls`, recording issues in `ctx`. */
export function parseModel(
  cls: ModelClass,
  value: unknown,
  ctx: ParseContext,
  up: PathNode | undefined,
  key: LocKey | undefined,
): object | typeof INVALID {
  if (!isModelInput(value)) {
    return ctx.fail(up, key, 'model_type', `Input should be a valid dictionary or instance of ${cls.name}`, value);
  }
  const plan = planOf(cls);
  if (plan.fallback) return parseByDecorators(cls, value, ctx, up, key);

  const inst = new cls() as Record<string | symbol, unknown>;
  const here = child(up, key);
  const set: string[] = [];
  let ok = true;
  const fields = plan.fields;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    const raw = value[f.name];
    if (raw === undefined) {
      if (inst[f.name] === undefined) {
        ctx.fail(here, f.name, 'missing', 'Field required', undefined);
        ok = false;
      }
      continue;
    }
    set.push(f.name);
    let r: unknown;
    if (raw === null) {
      r = f.nullable ? null : ctx.fail(here, f.name, f.type.errorType, `Input should be ${f.type.expected}`, null);
    } else {
      r = f.type.parse(raw, ctx, here, f.name);
    }
    if (r === INVALID) ok = false;
    else inst[f.name] = r;
  }
  const keys = Object.keys(value);
  if (keys.length !== set.length) {
    for (const k of keys) {
      if (plan.byName.has(k) || plan.dropped.has(k)) continue;
      const raw = value[k];
      if (raw === undefined) continue;
      const v = copyJson(raw, ctx, here, k);
      if (v === INVALID) ok = false;
      else inst[k] = v;
    }
  }
  setFieldsSet(inst, set);
  return ok ? inst : INVALID;
}

/** The decorator route for one value: `plainToInstance` then `validateSync`, errors relocated under `up`/`key`. */
export function parseByDecorators(
  cls: ModelClass,
  value: unknown,
  ctx: ParseContext,
  up: PathNode | undefined,
  key: LocKey | undefined,
): object | typeof INVALID {
  const inst = plainToInstance(cls, value) as object;
  const errors = validateSync(inst, { forbidUnknownValues: false });
  if (errors.length === 0) return inst;
  const prefix = locOf(up, key);
  for (const issue of issuesFromValidationErrors(errors)) {
    ctx.issues.push({ ...issue, loc: [...prefix, ...issue.loc] });
  }
  return INVALID;
}
