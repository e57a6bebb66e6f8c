/**
 * The fast route behind `Model.parse`: one plan per class, built on first use
 * from the same field rules the decorators registered, then a straight walk
 * over the input. Classes that carry decorators this library does not know
 * (a user's `@IsString()`, `@Expose({ name })`, …) take the decorator route
 * instead: `plainToInstance` + `validateSync`, exactly what NestJS runs.
 */
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync } from 'class-validator';
import { INVALID, LocKey, MAX_DEPTH, ParseContext, PathNode, asIsSource, child, locOf } from './fields/context';
import { FieldSpec, FieldType, ModelClass, OWN_CONTEXT, fieldsOf, restoreInheritedRules } from './fields/field';
import { DROPPED_PLAIN_KEYS, copyJson, isPlainObject, setOwn } from './fields/json';
import { issuesFromValidationErrors } from './errors';
import { bareRouteGuarded, ownTransformerMetadata } from './fields/transformer-metadata';

/**
 * Own-property slot recording which fields were given (Pydantic's
 * `model_fields_set`): a bit mask over the plan's fields for classes with up to
 * 30 fields, else a list of names.
 */
export const FIELDS_SET: unique symbol = Symbol('oai-protocols.fieldsSet');
type FieldsSetSlot = number | readonly string[] | undefined;
type WithFieldsSet = { [FIELDS_SET]?: FieldsSetSlot };

/** The names of the fields an instance was given (undefined when not tracked). */
export function fieldsSetOf(instance: object): readonly string[] | undefined {
  const slot = (instance as WithFieldsSet)[FIELDS_SET];
  if (typeof slot !== 'number') return slot;
  const fields = planOf(instance.constructor as ModelClass).fields;
  return fields.filter((_f, i) => (slot & (1 << i)) !== 0).map((f) => f.name);
}

/** Records the names of the fields an instance was given. */
export function setFieldsSet(instance: object, names: FieldsSetSlot): void {
  (instance as WithFieldsSet)[FIELDS_SET] = names;
}

/** What parse needs to know about one class, computed once. */
export interface Plan {
  readonly cls: ModelClass;
  readonly fields: readonly FieldSpec[];
  readonly byName: ReadonlyMap<string, FieldSpec>;
  /** Declared names and wire aliases: what is not an extra. */
  readonly fieldNames: ReadonlySet<string>;
  /** Input keys never copied onto an instance: they would shadow a member (`__proto__`, `constructor`, methods, accessors). */
  readonly dropped: ReadonlySet<string>;
  /** Wire aliases, alias → property (only on classes that take the decorator route). */
  readonly aliases: ReadonlyMap<string, string>;
  /** True when the class has decorators the fast route does not know. */
  readonly fallback: boolean;
  /** Gives a new instance one slot per declared field, in declaration order, and an empty fields set. */
  readonly initSlots: (self: object) => void;
  /** Copies constructor input onto an instance (nested plain objects built into models); no validation. */
  readonly assign: (self: object, init: object) => void;
  /** Parses the declared fields of `value` into `inst`; returns how many were present. */
  readonly parseFields: (value: Record<string, unknown>, inst: object, ctx: ParseContext, here: PathNode | undefined) => number;
}

const PLAN = Symbol('oai-protocols.plan');

/** The plan of the instance `parseModel` is about to construct, handed to its constructor (see `constructionPlan`). */
let pending: Plan | undefined;

/**
 * The plan for a constructor to use: the one `parseModel` just handed over when
 * it is for this very class (saving a lookup per parsed instance), else `planOf`.
 */
export function constructionPlan(cls: ModelClass): Plan {
  const p = pending;
  if (p !== undefined && p.cls === cls) {
    pending = undefined;
    return p;
  }
  return planOf(cls);
}

/**
 * The parse plan of `cls`, cached on that class itself. A subclass sees its
 * parent's cached plan through the static prototype chain, so the cache is
 * trusted only when the plan names this very class.
 */
export function planOf(cls: ModelClass): Plan {
  const cached = (cls as unknown as { [PLAN]?: Plan })[PLAN];
  if (cached !== undefined && cached.cls === cls) return cached;
  const plan = buildPlan(cls);
  Object.defineProperty(cls, PLAN, { value: plan, configurable: true, enumerable: false, writable: false });
  return plan;
}

/**
 * The keys a model instance leaves out (SEMANTICS, "Keys, extras and data"):
 * those that would shadow a member, namely `__proto__`, `constructor`, and the
 * methods and accessors of the class and its parents, `Object.prototype`'s
 * included. class-transformer skips the same ones (a key whose value on the new
 * instance is a function, or an own prototype property without a setter).
 */
function droppedKeysOf(cls: ModelClass): Set<string> {
  const dropped = new Set<string>(DROPPED_PLAIN_KEYS);
  for (let proto = cls.prototype; proto; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const d = Object.getOwnPropertyDescriptor(proto, name)!;
      if (typeof d.value === 'function' || d.get || d.set) dropped.add(name);
    }
  }
  return dropped;
}

/**
 * The locations of the keys of `input` that model instances in `result` left
 * out because they would shadow a member, at any depth. Inside data nothing is
 * left out, so the walk only follows models and arrays.
 */
export function droppedKeyLocs(input: unknown, result: unknown, at: LocKey[] = [], out: LocKey[][] = []): LocKey[][] {
  if (input === null || typeof input !== 'object' || result === null || typeof result !== 'object') return out;
  if (Array.isArray(result)) {
    if (Array.isArray(input)) result.forEach((r: unknown, i) => droppedKeyLocs(input[i], r, [...at, i], out));
    return out;
  }
  if (!(FIELDS_SET in result) || Array.isArray(input)) return out;
  const plan = planOf(result.constructor as ModelClass);
  const inst = result as Record<string, unknown>;
  for (const k of Object.keys(input)) {
    if (plan.dropped.has(k)) out.push([...at, k]);
    else droppedKeyLocs((input as Record<string, unknown>)[k], inst[k], [...at, k], out);
  }
  return out;
}

function buildPlan(cls: ModelClass): Plan {
  const fields = fieldsOf(cls);
  const byName = new Map(fields.map((f) => [f.name, f] as const));
  const names = new Set(byName.keys());
  let fallback = false;

  restoreInheritedRules(cls);
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
  const dropped = droppedKeysOf(cls);
  return {
    cls,
    fields,
    byName,
    fieldNames: names,
    dropped,
    aliases: transformer.aliases,
    fallback,
    ...compileClass(fields, byName, dropped),
  };
}

/** True for what a model accepts: a plain object or another model instance. */
function isModelInput(value: unknown): value is Record<string, unknown> {
  if (isPlainObject(value)) return true;
  return typeof value === 'object' && value !== null && !Array.isArray(value) && FIELDS_SET in value;
}

/** A field type's memo of the plan it last parsed with, sparing a lookup on the class per value. */
export interface PlanCache {
  plan?: Plan;
}

/** Parses `value` as an instance of `cls`, recording issues in `ctx`; `cache` remembers the plan between calls. */
export function parseModel(
  cls: ModelClass,
  value: unknown,
  ctx: ParseContext,
  up: PathNode | undefined,
  key: LocKey | undefined,
  cache?: PlanCache,
): object | typeof INVALID {
  if (!isModelInput(value)) {
    return ctx.fail(up, key, 'model_type', `Input should be a valid dictionary or instance of ${cls.name}`, value);
  }
  let plan = cache?.plan;
  if (plan === undefined || plan.cls !== cls) {
    plan = planOf(cls);
    if (cache) cache.plan = plan;
  }
  if (plan.fallback) return parseByDecorators(cls, value, ctx, up, key);

  pending = plan;
  const inst = new cls();
  const here = child(up, key);
  const before = ctx.issues.length;
  const present = plan.parseFields(value, inst, ctx, here);
  let count = 0;
  for (const _k in value) count++;
  if (count !== present) copyExtras(plan, value, inst as Record<string, unknown>, ctx, here);
  return ctx.issues.length === before ? inst : INVALID;
}

/** Copies the undeclared keys of `value` onto `inst` as checked JSON, minus dropped keys. */
function copyExtras(plan: Plan, value: Record<string, unknown>, inst: Record<string, unknown>, ctx: ParseContext, here: PathNode | undefined): void {
  for (const k of Object.keys(value)) {
    if (plan.byName.has(k) || plan.dropped.has(k)) continue;
    const raw = value[k];
    if (raw === undefined) continue;
    const v = copyJson(raw, ctx, here, k);
    if (v !== INVALID) inst[k] = v;
  }
}

/**
 * Converts nested plain objects to instances of their declared model class,
 * without validating. Anything that already is a model instance is kept.
 */
export function build(type: FieldType, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || FIELDS_SET in value || !type.model) return value;
  const classOf = (item: object): ModelClass => (type.pick ? type.pick(item) : type.model!());
  if (!Array.isArray(value)) return type.nested === 'direct' ? new (classOf(value))(value) : value;
  let out: unknown[] | undefined;
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (item !== null && typeof item === 'object' && !(FIELDS_SET in item) && !Array.isArray(item)) {
      out ??= value.slice();
      out[i] = new (classOf(item))(item);
    }
  }
  return out ?? value;
}

/** The fields set of an instance built with no input: none. */
const NO_FIELDS: readonly string[] = Object.freeze([]);

/**
 * Compiles, once per class, the three per-instance routines with each field's
 * name as a constant, so V8 sees monomorphic property accesses instead of a
 * loop of keyed ones. Field names only ever appear as JSON string literals;
 * each field's type is a constant of the generated closure (`t0`, `t1`, …),
 * its `parse` looked up at each call.
 */
function compileClass(
  fields: readonly FieldSpec[],
  byName: ReadonlyMap<string, FieldSpec>,
  dropped: ReadonlySet<string>,
): Pick<Plan, 'initSlots' | 'assign' | 'parseFields'> {
  const useMask = fields.length <= 30;
  const mark = (i: number, k: string) => (useMask ? `set |= ${1 << i};` : `set.push(${k});`);
  const slots: string[] = [];
  const assign: string[] = [];
  const parse: string[] = [];
  fields.forEach((f, i) => {
    const k = JSON.stringify(f.name);
    const t = `t${i}`;
    slots.push(`self[${k}] = undefined;`);
    const value = f.type.model ? `v === null || typeof v !== 'object' || FIELDS_SET in v ? v : build(${t}, v)` : 'v';
    // C9: a null sampling parameter is absent (the default stays, not set).
    const absentNull = f.nullMeansAbsent ? ' && v !== null' : '';
    assign.push(`v = init[${k}]; if (v !== undefined${absentNull}) { self[${k}] = ${value}; n++; ${mark(i, k)} }`);
    const onNull = f.nullable ? 'inst[' + k + '] = null;' : `ctx.fail(here, ${k}, ${t}.errorType, "Input should be " + ${t}.expected, null);`;
    // An optional field may be absent: no `missing`, and its slot stays undefined (not dumped).
    const onAbsent = f.optional ? '' : `if (inst[${k}] === undefined) ctx.fail(here, ${k}, "missing", "Field required", undefined);`;
    // A type that declared which values its `parse` returns as they are (see `keepsAsIs`) has that test inlined.
    const asIs = asIsSource(f.type);
    const general = `r = ${t}.parse(raw, ctx, here, ${k}); if (r !== INVALID) inst[${k}] = r;`;
    parse.push(
      `raw = value[${k}];`,
      `if (raw === undefined) { ${onAbsent} }`,
      `else if (raw === null) { ${f.nullMeansAbsent ? 'n++;' : `n++; ${mark(i, k)} ${onNull}`} }`,
      asIs
        ? `else { n++; ${mark(i, k)} if (${asIs('raw')}) inst[${k}] = raw; else { ${general} } }`
        : `else { n++; ${mark(i, k)} ${general} }`,
    );
  });
  const init = useMask ? 'let set = 0;' : 'const set = [];';
  const types = fields.map((_f, i) => `t${i}`);
  const factory = new Function(
    'T',
    'INVALID',
    'FIELDS_SET',
    'NO_FIELDS',
    'build',
    'assignExtras',
    `${types.length ? `const [${types.join(', ')}] = T;` : ''}
    return {
      initSlots(self) { ${slots.join('\n')}
        self[FIELDS_SET] = NO_FIELDS;
      },
      assign(self, init) {
        let v, n = 0; ${init}
        ${assign.join('\n')}
        let count = 0;
        for (const key in init) count++;
        if (count !== n) assignExtras(self, init);
        self[FIELDS_SET] = set;
      },
      parseFields(value, inst, ctx, here) {
        let raw, r, n = 0; ${init}
        ${parse.join('\n')}
        inst[FIELDS_SET] = set;
        return n;
      },
    };`,
  );
  const assignExtras = (self: Record<string, unknown>, init: Record<string, unknown>): void => {
    for (const k of Object.keys(init)) {
      const v = init[k];
      if (v !== undefined && !byName.has(k) && !dropped.has(k)) self[k] = v;
    }
  };
  return factory(
    fields.map((f) => f.type),
    INVALID,
    FIELDS_SET,
    NO_FIELDS,
    build,
    assignExtras,
  ) as Pick<Plan, 'initSlots' | 'assign' | 'parseFields'>;
}

/** The decorator route for one value: `plainToInstance` then `validateSync`, errors relocated under `up`/`key`. */
export function parseByDecorators(
  cls: ModelClass,
  value: unknown,
  ctx: ParseContext,
  up: PathNode | undefined,
  key: LocKey | undefined,
): object | typeof INVALID {
  const safe = withoutDroppedKeys(value, ctx, up, key, 0, new Set());
  if (safe === INVALID) return INVALID;
  const inst = plainToInstance(cls, safe) as object;
  const errors = validateSync(inst, { forbidUnknownValues: false });
  if (errors.length === 0) return inst;
  const prefix = locOf(up, key);
  for (const issue of issuesFromValidationErrors(errors)) {
    ctx.issues.push({ ...issue, loc: [...prefix, ...issue.loc] });
  }
  return INVALID;
}

/**
 * A copy of a body that class-transformer can take: it recurses without limit,
 * so deeper than MAX_DEPTH, or cyclic, is `too_deep`, as on the fast route.
 * With the bare-route guard on (see transformer-metadata.ts) every key is kept;
 * without it (its self-test failed), keys class-transformer would throw on
 * (an own `constructor` in a nested object, typestack/class-transformer#1462)
 * are left out, as before. Model instances are kept as they are.
 */
function withoutDroppedKeys(
  value: unknown,
  ctx: ParseContext,
  up: PathNode | undefined,
  key: LocKey | undefined,
  depth: number,
  onPath: Set<object>,
): unknown {
  if (value === null || typeof value !== 'object' || FIELDS_SET in value) return value;
  if (!Array.isArray(value) && !isPlainObject(value)) return value;
  if (depth > MAX_DEPTH || onPath.has(value)) {
    return ctx.fail(up, key, 'too_deep', `Input is nested deeper than ${MAX_DEPTH} levels (or contains itself)`, '…');
  }
  onPath.add(value);
  const here = child(up, key);
  let ok = true;
  const copy = (item: unknown, k: LocKey): unknown => {
    const v = withoutDroppedKeys(item, ctx, here, k, depth + 1, onPath);
    if (v === INVALID) ok = false;
    return v;
  };
  let out: unknown;
  if (Array.isArray(value)) {
    out = value.map((item, i) => copy(item, i));
  } else {
    const obj: Record<string, unknown> = {};
    const keepAll = bareRouteGuarded();
    for (const k of Object.keys(value)) if (keepAll || !DROPPED_PLAIN_KEYS.has(k)) setOwn(obj, k, copy(value[k], k));
    out = obj;
  }
  onPath.delete(value);
  return ok ? out : INVALID;
}
