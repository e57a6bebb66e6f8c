/**
 * Runs one input through both routes and compares what a user sees:
 * - fast: `Model.safeParse(input)`;
 * - bare: `plainToInstance` + `validateSync(…, { forbidUnknownValues: false })`
 *   + `issuesFromValidationErrors`, what NestJS's ValidationPipe runs.
 */
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { OpenAIBaseModel, fieldsOf, issuesFromValidationErrors } from '../../src';
import type { FieldSpec, FieldType, LocKey } from '../../src';
import { diffDump } from '../corpus';

/** What one route did with an input. */
export interface RouteResult {
  ok: boolean;
  /** `JSON.parse(JSON.stringify(instance))` when accepted. */
  dump?: Record<string, unknown>;
  /** `instance.dump({ excludeUnset: true })` when accepted (the fields-set bookkeeping). */
  unset?: Record<string, unknown>;
  /** Class name and own keys of every model instance in the result, by path. */
  shape?: string[];
  locs: LocKey[][];
  /** The message of an unexpected exception. */
  threw?: string;
}

/** A deep copy that keeps what a JSON round trip would lose: `-0` and own `__proto__` keys. */
export function clone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(clone) as unknown as T;
  const out = {};
  for (const k of Object.keys(value)) {
    Object.defineProperty(out, k, {
      value: clone((value as Record<string, unknown>)[k]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out as T;
}

function shapeOf(value: unknown, path = '$', out: string[] = []): string[] {
  if (value === null || typeof value !== 'object') return out;
  if (value instanceof OpenAIBaseModel) out.push(`${path}: ${value.constructor.name} {${Object.keys(value).sort().join(',')}}`);
  for (const k of Object.keys(value)) shapeOf((value as Record<string, unknown>)[k], `${path}.${k}`, out);
  return out;
}

function accepted(inst: OpenAIBaseModel): RouteResult {
  return {
    ok: true,
    dump: JSON.parse(JSON.stringify(inst)),
    unset: JSON.parse(JSON.stringify(inst.dump({ excludeUnset: true }))),
    shape: shapeOf(inst),
    locs: [],
  };
}

/** The fast route. */
export function fastRoute(cls: typeof OpenAIBaseModel, input: unknown): RouteResult {
  try {
    const r = cls.safeParse(clone(input));
    return r.success ? accepted(r.data) : { ok: false, locs: r.error.issues.map((i) => i.loc) };
  } catch (e) {
    return { ok: false, locs: [], threw: String((e as Error)?.stack ?? e) };
  }
}

/** The bare decorator route. A root that does not become an instance is rejected at `[]`. */
export function bareRoute(cls: typeof OpenAIBaseModel, input: unknown): RouteResult {
  try {
    const inst: unknown = plainToInstance(cls, clone(input) as object);
    if (!(inst instanceof cls)) return { ok: false, locs: [[]] };
    const errors = validateSync(inst, { forbidUnknownValues: false });
    if (errors.length === 0) return accepted(inst);
    return { ok: false, locs: issuesFromValidationErrors(errors).map((i) => i.loc) };
  } catch (e) {
    return { ok: false, locs: [], threw: String((e as Error)?.stack ?? e) };
  }
}

/**
 * What a location points at, following the declared field rules from `cls`:
 * - `model`: a nested model, a list of models, or one item of such a list
 *   (class-validator's @ValidateNested reports the children under it);
 * - `opaque`: a union, a map, a dict or a list of scalars (class-validator
 *   checks such a field as a whole and cannot point inside it);
 * - `leaf`: any other declared field;
 * - `unknown`: not a field this library declared (an extra, or a user's own decorator).
 */
export type LocKind = 'model' | 'opaque' | 'leaf' | 'unknown';

export function kindAt(cls: Function, loc: readonly LocKey[]): LocKind {
  let model: Function | undefined = cls;
  let type: FieldType | undefined;
  for (const key of loc) {
    if (model) {
      const spec: FieldSpec | undefined = fieldsOf(model).find((f) => f.name === String(key));
      if (!spec) return 'unknown';
      const t: FieldType = spec.type;
      type = t;
      model = t.errorType === 'model_type' && t.model ? t.model() : undefined;
    } else if (type && type.errorType === 'list_type' && type.nested === 'direct' && type.model && typeof key === 'number') {
      model = type.model();
      type = undefined;
    } else {
      return 'unknown';
    }
  }
  if (model) return 'model';
  if (!type) return 'unknown';
  if (type.errorType === 'list_type' && type.nested === 'direct') return 'model';
  if (['union_type', 'dict_type', 'list_type'].includes(type.errorType)) return 'opaque';
  return 'leaf';
}

function isPrefix(prefix: readonly LocKey[], loc: readonly LocKey[]): boolean {
  return prefix.length < loc.length && prefix.every((k, i) => String(k) === String(loc[i]));
}

function sameLoc(a: readonly LocKey[], b: readonly LocKey[]): boolean {
  return a.length === b.length && a.every((k, i) => String(k) === String(b[i]));
}

/**
 * The location rule. Locations are compared key by key (`0` and `"0"` are the
 * same step); the root `[]` matches only `[]`. A bare location `b` covers a
 * fast location `f` when:
 * 1. they are equal; or
 * 2. `b` is a strict, non-empty prefix of `f` and `b` points at an `opaque`
 *    field (union, map, dict, list of scalars): class-validator checks such a
 *    field as a whole, so the decorator route may stop there.
 * Every fast location must be covered by some bare location. Every bare
 * location must cover some fast location, or else be explained by:
 * 3. some fast location `f` is a strict, non-empty prefix of `b` and points at
 *    a `model` field or list item: @ValidateNested additionally reports what
 *    it finds inside a nested value (e.g. `choices: {"index": "x"}` gives
 *    `choices` from the field rule and `choices.index` from @ValidateNested).
 * Rule 3 only excuses extra bare locations: the field's own error must be there too.
 */
export function covers(cls: Function, bare: readonly LocKey[], fast: readonly LocKey[]): boolean {
  if (sameLoc(bare, fast)) return true;
  return bare.length > 0 && isPrefix(bare, fast) && kindAt(cls, bare) === 'opaque';
}

/** Rule 3: `bare` lies under a nested-model location `fast`. */
export function nestedExtra(cls: Function, bare: readonly LocKey[], fast: readonly LocKey[]): boolean {
  return fast.length > 0 && isPrefix(fast, bare) && kindAt(cls, fast) === 'model';
}

/** Whether the two routes' location lists agree under the rule above. */
export function locListsAgree(cls: Function, bare: readonly LocKey[][], fast: readonly LocKey[][]): boolean {
  return (
    fast.every((f) => bare.some((b) => covers(cls, b, f))) &&
    bare.every((b) => fast.some((f) => covers(cls, b, f) || nestedExtra(cls, b, f)))
  );
}

/** Whether a plain object anywhere inside `value` has an own `constructor` key. */
export function hasNestedConstructorKey(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (!Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, 'constructor')) return true;
  return Object.keys(value).some((k) => hasNestedConstructorKey((value as Record<string, unknown>)[k]));
}

/** A copy of `value` without any own `constructor` key, at every depth. */
export function withoutConstructorKeys<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(withoutConstructorKeys) as unknown as T;
  const out = {};
  for (const k of Object.keys(value)) {
    if (k === 'constructor') continue;
    const v = withoutConstructorKeys((value as Record<string, unknown>)[k]);
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return out as T;
}

const show = (locs: readonly LocKey[][]): string => JSON.stringify(locs);

/** Compares the two routes' results; returns a description of the first difference, or null. */
export function compareRoutes(cls: typeof OpenAIBaseModel, input: unknown): string | null {
  const fast = fastRoute(cls, input);
  let bare = bareRoute(cls, input);
  // class-transformer 0.5.1 throws a TypeError on any nested object with an own
  // `constructor` key (it takes `value.constructor` for the class to build), so
  // the bare route has no answer for such input. The library drops such keys
  // (SEMANTICS: "may be dropped, as class-transformer drops it"), so compare
  // with the bare route's answer on the input without them.
  let note = '';
  if (bare.threw && hasNestedConstructorKey(input)) {
    bare = bareRoute(cls, withoutConstructorKeys(input));
    note = ' (bare route run without the `constructor` keys it crashes on)';
  }
  const diff = compareResults(cls, input, fast, bare);
  return diff && diff + note;
}

function compareResults(cls: typeof OpenAIBaseModel, input: unknown, fast: RouteResult, bare: RouteResult): string | null {
  if (fast.threw) return `fast route threw: ${fast.threw.split('\n')[0]}`;
  if (bare.threw) return `bare route threw: ${bare.threw.split('\n')[0]}`;
  if (fast.ok !== bare.ok) {
    return fast.ok ? `fast accepts, bare rejects at ${show(bare.locs)}` : `fast rejects at ${show(fast.locs)}, bare accepts`;
  }
  if (fast.ok) {
    const root = input as Record<string, unknown>;
    for (const k of ['id', 'created']) {
      if (root[k] === undefined) {
        for (const r of [fast, bare]) {
          delete r.dump![k];
          delete r.unset![k];
        }
      }
    }
    const d = diffDump(bare.dump, fast.dump);
    if (d) return `dumps differ (bare → fast): ${d}`;
    const u = diffDump(bare.unset, fast.unset);
    if (u) return `dump({excludeUnset}) differs (bare → fast): ${u}`;
    if (show([fast.shape!]) !== show([bare.shape!])) {
      const fs = new Set(fast.shape);
      const bs = new Set(bare.shape);
      return `instances differ: fast only ${JSON.stringify(fast.shape!.filter((s) => !bs.has(s)))}, bare only ${JSON.stringify(bare.shape!.filter((s) => !fs.has(s)))}`;
    }
    return null;
  }
  if (!locListsAgree(cls, bare.locs, fast.locs)) {
    return `error locations differ: fast ${show(fast.locs)}, bare ${show(bare.locs)}`;
  }
  return null;
}

/**
 * `parseJson(text)` against `safeParse(JSON.parse(text))`: parseJson owns its
 * input and may skip defensive copies, so it must still give the same result.
 */
export function compareParseJson(cls: typeof OpenAIBaseModel, input: unknown): string | null {
  const text = JSON.stringify(input);
  if (text === undefined) return null;
  let viaText: RouteResult;
  try {
    viaText = accepted(cls.parseJson(text));
  } catch (e) {
    const issues = (e as { issues?: Array<{ loc: LocKey[] }> }).issues;
    viaText = issues ? { ok: false, locs: issues.map((i) => i.loc) } : { ok: false, locs: [], threw: String(e) };
  }
  const viaValue = fastRoute(cls, JSON.parse(text));
  if (viaText.threw) return `parseJson threw: ${viaText.threw}`;
  if (viaText.ok !== viaValue.ok) return `parseJson ${viaText.ok ? 'accepts' : 'rejects'}, safeParse does not`;
  if (!viaText.ok) return show(viaText.locs) === show(viaValue.locs) ? null : `locations differ: parseJson ${show(viaText.locs)}, safeParse ${show(viaValue.locs)}`;
  for (const k of ['id', 'created']) {
    if ((JSON.parse(text) as Record<string, unknown>)[k] === undefined) {
      for (const r of [viaText, viaValue]) {
        delete r.dump![k];
        delete r.unset![k];
      }
    }
  }
  return (
    diffDump(viaValue.dump, viaText.dump) ??
    diffDump(viaValue.unset, viaText.unset) ??
    (show([viaText.shape!]) === show([viaValue.shape!]) ? null : 'instances differ')
  );
}
