import 'reflect-metadata';
import { Expose, Transform, plainToInstance } from 'class-transformer';
import { build, constructionPlan, droppedKeyLocs, fieldsSetOf, parseModel, planOf, setFieldsSet } from './engine';
import { ProtocolValidationError } from './errors';
import { INVALID, Issue, LocKey, ParseContext } from './fields/context';
import { takeNullAbsentKeys } from './fields/field';
import type { JsonSchema, ModelClass } from './fields/field';
import { jsonSchema } from './schema';
import type { ProtocolChecks } from './checks';
import { setOwn } from './fields/json';
import {
  OWN_EXPOSED,
  OWN_TRANSFORMER_FUNCTIONS,
  hideOwnExposesOutsideModels,
  installBareRouteGuard,
  removeBareRouteGuard,
} from './fields/transformer-metadata';

/** The value a constructor or `copy` accepts for a field: nested models may be given as plain objects. */
export type InitValue<V> = V extends OpenAIBaseModel
  ? V | ModelInit<V>
  : V extends ReadonlyArray<infer I>
    ? ReadonlyArray<InitValue<I>>
    : V;

/** Constructor input for a model: its fields (nested models as instances or plain objects) plus any extras. */
export type ModelInit<T> = {
  [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]?: InitValue<T[K]>;
} & { [extra: string]: unknown };

/** Options of `dump`, as in Pydantic's `model_dump`; each applies at every depth. */
export interface DumpOptions {
  /** Leave out fields that were not in the parsed input (or the constructor's argument). */
  excludeUnset?: boolean;
  /** Leave out fields whose value equals the field's default. */
  excludeDefaults?: boolean;
  /** Leave out fields and extras whose value is `null`. */
  excludeNone?: boolean;
}

/** The result of `safeParse`: the instance, or the error that `parse` would throw. */
export type SafeParseResult<T> = { success: true; data: T } | { success: false; error: ProtocolValidationError };

/** Options of `parse`, `safeParse` and `parseJson`. */
export interface ParseOptions {
  /**
   * The opt-in protocol checks (see `PROTOCOL_RULES`): `true` for the default
   * limits (`maxLogprobs` 20), or a `ProtocolLimits`. They run on a body the
   * type layer accepted; their issues are `value_error`s at the offending field,
   * in the same `ProtocolValidationError`. Off by default.
   */
  checks?: ProtocolChecks;
}

/**
 * A hook that hears about undeclared keys in each parsed body (see `OpenAIBaseModel.onExtraKeys`):
 * `keys` are the extras kept on the top-level instance; `dropped` the locations of keys a model
 * instance left out at any depth because they would shadow one of its members
 * (`__proto__`, `constructor`, `toString`, `toJSON`, …), e.g. `[["messages", 0, "toJSON"]]`.
 */
export type ExtraKeysHook = (keys: string[], model: string, dropped: LocKey[][]) => void;

/** The static side of a model class, as seen from `parse` and friends. */
export type ModelStatic<T extends OpenAIBaseModel> = ModelClass<T> & typeof OpenAIBaseModel;

const FIELD_NAMES = Symbol('oai-protocols.fieldNames');

/**
 * Copies `init` onto a freshly constructed model: fields (nested plain objects
 * become instances) and extras, minus prototype-unsafe keys. No validation.
 * A subclass that gives its own fields defaults calls this from its constructor:
 * `constructor(init?: ModelInit<MyRequest>) { super(); initModel(this, init); }`.
 */
export function initModel(instance: OpenAIBaseModel, init: object | undefined): void {
  if (init) planOf(instance.constructor as ModelClass).assign(instance, init);
}

/** A deep plain copy for `toJSON()`/`dump()`: models dumped, arrays and objects copied. */
function plain(value: unknown, options: DumpOptions | undefined): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof OpenAIBaseModel) return options ? value.dump(options) : value.toJSON();
  if (Array.isArray(value)) return value.map((v) => plain(v, options));
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) setOwn(out, k, plain((value as Record<string, unknown>)[k], options));
  return out;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof OpenAIBaseModel) a = a.toJSON();
  if (b instanceof OpenAIBaseModel) b = b.toJSON();
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The checks module, loaded on first use (it imports the request classes, which import this module). */
let checksModule: typeof import('./checks') | undefined;

function runParse<T extends OpenAIBaseModel>(cls: ModelStatic<T>, input: unknown, ctx: ParseContext, options?: ParseOptions): T {
  let result: object | typeof INVALID;
  const option = options?.checks;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const checks = option ? (checksModule ??= require('./checks') as typeof import('./checks')) : undefined;
  if (checks && option) checks.prepareParse(cls, option, ctx);
  try {
    result = parseModel(cls, input, ctx, undefined, undefined);
  } catch (e) {
    if (e instanceof ProtocolValidationError) throw e;
    const deep = e instanceof RangeError;
    ctx.issues.push({
      loc: [],
      type: deep ? 'too_deep' : 'value_error',
      msg: deep ? 'Input is nested too deeply to validate' : `Input could not be read: ${(e as Error)?.message ?? String(e)}`,
    });
    result = INVALID;
  }
  if (result === INVALID) throw new ProtocolValidationError(ctx.issues, cls.name);
  if (checks) {
    const issues = checks.protocolIssues(result, option, ctx.entriesPassed === true ? ctx.entryField : undefined);
    if (issues !== undefined) throw new ProtocolValidationError(issues, cls.name);
  }
  const hook = cls.onExtraKeys;
  if (hook) {
    const extras = cls.extraKeys(result as T);
    const dropped = droppedKeyLocs(input, result);
    if (extras.length || dropped.length) hook(extras, cls.name, dropped);
  }
  return result as T;
}

function jsonError(e: unknown): Issue {
  return { loc: [], type: 'json_invalid', msg: `Invalid JSON: ${(e as Error)?.message ?? String(e)}` };
}

/**
 * The base of every protocol model. It keeps undeclared ("extra") keys as
 * enumerable own properties, parses like Pydantic's `model_validate`, and dumps
 * like `model_dump(mode="json")`.
 *
 * @example
 * const req = ChatCompletionRequest.parse(body);   // or parseJson(text)
 * JSON.stringify(req);                              // the wire form, defaults filled
 */
export class OpenAIBaseModel {
  /**
   * A hook that hears the undeclared keys of each body `parse` accepts, for
   * logging the fields a server ignores, and the locations of the keys left out
   * because they would shadow a member of a model instance (its third argument;
   * inside data nothing is ever left out). Set it on a class to cover that class
   * and its subclasses: `ChatCompletionRequest.onExtraKeys = (keys, _m, dropped) => log.warn(keys, dropped)`.
   */
  static onExtraKeys: ExtraKeysHook | undefined = undefined;

  /** Builds a model from its fields, filling defaults; nested plain objects become instances. Does not validate. */
  constructor(init?: object) {
    // Every declared field gets its slot now, in declaration order, so the
    // instance's own key order is the dump order (initialisers and input fill
    // the slots in place; extras come after them). The fields set starts empty.
    const plan = constructionPlan(new.target as ModelClass);
    plan.initSlots(this);
    if (init) plan.assign(this, init);
  }

  /**
   * The class's declared field names, inherited ones and wire aliases included.
   * Computed on first use and cached on this class itself, never on a parent.
   */
  static get fieldNames(): ReadonlySet<string> {
    if (!Object.prototype.hasOwnProperty.call(this, FIELD_NAMES)) {
      Object.defineProperty(this, FIELD_NAMES, { value: planOf(this as ModelClass).fieldNames, enumerable: false });
    }
    return (this as unknown as { [FIELD_NAMES]: ReadonlySet<string> })[FIELD_NAMES];
  }

  /**
   * This class's JSON Schema (draft 2020-12), like Pydantic's `model_json_schema()`:
   * nested models in `$defs`, types, nullability, defaults, TSDoc descriptions,
   * `required` for fields with no default, `additionalProperties: true`.
   */
  static jsonSchema(): JsonSchema {
    return jsonSchema(this as ModelClass);
  }

  /** The undeclared keys an instance carries, in input order (Pydantic's `model_extra`). */
  static extraKeys(instance: OpenAIBaseModel): string[] {
    const names = (instance.constructor as typeof OpenAIBaseModel).fieldNames;
    return Object.keys(instance).filter((k) => !names.has(k));
  }

  /**
   * Validates `input` (a parsed JSON value) and returns an instance; throws `ProtocolValidationError`.
   * `{ checks: true }` adds the protocol checks (see `ParseOptions`).
   */
  static parse<T extends OpenAIBaseModel>(this: ModelStatic<T>, input: unknown, options?: ParseOptions): T {
    return runParse(this, input, new ParseContext(false), options);
  }

  /** Like `parse`, but returns `{ success, data | error }` instead of throwing. */
  static safeParse<T extends OpenAIBaseModel>(this: ModelStatic<T>, input: unknown, options?: ParseOptions): SafeParseResult<T> {
    try {
      return { success: true, data: runParse(this, input, new ParseContext(false), options) };
    } catch (error) {
      if (error instanceof ProtocolValidationError) return { success: false, error };
      throw error;
    }
  }

  /** Parses JSON text (or UTF-8 bytes) and validates it; malformed JSON is a `ProtocolValidationError` too. */
  static parseJson<T extends OpenAIBaseModel>(this: ModelStatic<T>, text: string | Uint8Array, options?: ParseOptions): T {
    let value: unknown;
    try {
      if (typeof text !== 'string' && !(text instanceof Uint8Array)) throw new TypeError('expected a string or bytes');
      value = JSON.parse(typeof text === 'string' ? text : Buffer.from(text).toString('utf8'));
    } catch (e) {
      throw new ProtocolValidationError([jsonError(e)], this.name);
    }
    return runParse(this, value, new ParseContext(true), options);
  }

  /**
   * The full dump, like `model_dump(mode="json")`: declared fields in declaration
   * order (a parent's first), then extras in input order. `JSON.stringify` calls
   * it with a key and gets the instance itself, whose own keys are already in
   * that order, so serialising a model costs about what a plain object does.
   */
  toJSON(key?: string): Record<string, unknown> {
    if (typeof key === 'string') return this as unknown as Record<string, unknown>;
    const self = this as unknown as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(this)) {
      const v = self[k];
      if (v !== undefined && k !== '__proto__') out[k] = plain(v, undefined);
    }
    return out;
  }

  /** A plain dump with Pydantic's `exclude_unset` / `exclude_defaults` / `exclude_none`, applied at every depth. */
  dump(options: DumpOptions = {}): Record<string, unknown> {
    const plan = planOf(this.constructor as ModelClass);
    const self = this as unknown as Record<string, unknown>;
    const set = options.excludeUnset ? fieldsSetOf(this) : undefined;
    const defaults = options.excludeDefaults
      ? (new (this.constructor as ModelClass)() as unknown as Record<string, unknown>)
      : undefined;
    const out: Record<string, unknown> = {};
    for (const f of plan.fields) {
      const v = self[f.name];
      if (v === undefined) continue;
      if (set && !set.includes(f.name)) continue;
      if (options.excludeNone && v === null) continue;
      if (defaults && deepEqual(v, defaults[f.name])) continue;
      out[f.name] = plain(v, options);
    }
    for (const k of Object.keys(this)) {
      if (plan.byName.has(k) || k === '__proto__') continue;
      const v = self[k];
      if (v === undefined || (options.excludeNone && v === null)) continue;
      out[k] = plain(v, options);
    }
    return out;
  }

  /**
   * A shallow copy with `update` applied, like Pydantic's `model_copy(update=...)`:
   * no validation, updated fields count as set. `{ deep: true }` copies nested values too.
   */
  copy(update?: ModelInit<this>, options: { deep?: boolean } = {}): this {
    const plan = planOf(this.constructor as ModelClass);
    const out = Object.create(Object.getPrototypeOf(this)) as Record<string | symbol, unknown>;
    const self = this as unknown as Record<string, unknown>;
    for (const k of Object.keys(this)) out[k] = options.deep ? deepClone(self[k]) : self[k];
    const set = new Set(fieldsSetOf(this) ?? plan.fields.map((f) => f.name).filter((n) => self[n] !== undefined));
    if (update) {
      for (const k of Object.keys(update)) {
        if (plan.dropped.has(k)) continue;
        const v = (update as Record<string, unknown>)[k];
        const f = plan.byName.get(k);
        if (f) set.add(k);
        out[k] = f ? build(f.type, v) : v;
      }
    }
    setFieldsSet(out, [...set]);
    return out as this;
  }
}

function deepClone(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof OpenAIBaseModel) return value.copy(undefined, { deep: true });
  if (Array.isArray(value)) return value.map(deepClone);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) setOwn(out, k, deepClone((value as Record<string, unknown>)[k]));
  return out;
}

// The decorator route records the fields set through one exposed property
// whose key is a symbol, so no wire key is reserved: class-transformer adds
// exposed properties to the keys it walks, finds nothing under the symbol in
// the body, runs this transform with the whole source object, and assigns the
// result through the setter (on the prototype: nothing enumerable is added).
const RECORD_FIELDS_SET: unique symbol = Symbol('oai-protocols.recordFieldsSet');
Object.defineProperty(OpenAIBaseModel.prototype, RECORD_FIELDS_SET, {
  get: () => undefined,
  set(this: OpenAIBaseModel, keys: unknown) {
    if (!Array.isArray(keys)) return;
    const plan = planOf(this.constructor as ModelClass);
    const nullAbsent = takeNullAbsentKeys(this);
    setFieldsSet(this, keys
      .map((k: string) => plan.aliases.get(k) ?? k)
      .filter((k: string) => plan.byName.has(k) || (plan.fieldNames.has(k) && !plan.aliases.has(k)))
      .filter((k: string) => !nullAbsent?.has(k)));
  },
  enumerable: false,
  configurable: true,
});
const recordKeys = ({ obj }: { obj: unknown }): unknown =>
  obj !== null && typeof obj === 'object'
    ? Object.keys(obj).filter((k) => (obj as Record<string, unknown>)[k] !== undefined)
    : undefined;
OWN_TRANSFORMER_FUNCTIONS.add(recordKeys);
OWN_EXPOSED.set(OpenAIBaseModel, new Set([RECORD_FIELDS_SET]));
Expose({ toClassOnly: true })(OpenAIBaseModel.prototype, RECORD_FIELDS_SET);
Transform(recordKeys, { toClassOnly: true })(OpenAIBaseModel.prototype, RECORD_FIELDS_SET);
hideOwnExposesOutsideModels(OpenAIBaseModel);

installBareRouteGuard(OpenAIBaseModel);
bareRouteSelfTest();

/**
 * The startup self-test of the bare-route guard (see transformer-metadata.ts):
 * `plainToInstance` on a probe model must keep `constructor`, `__proto__` and
 * `toString` inside an extra's value, throw nothing and touch no prototype.
 * Otherwise the guard is removed and the former behaviour applies.
 */
function bareRouteSelfTest(): void {
  class GuardProbe extends OpenAIBaseModel {}
  const body = JSON.parse('{"x":{"constructor":{"prototype":{"p":1}},"__proto__":{"p":2},"toString":"s"},"y":[{"constructor":"c"}]}');
  let ok = false;
  try {
    const inst = plainToInstance(GuardProbe, body) as unknown as Record<string, unknown>;
    ok =
      inst instanceof GuardProbe &&
      JSON.stringify(inst) === JSON.stringify(body) &&
      Object.getPrototypeOf(inst.x) === Object.prototype &&
      !('p' in {}) &&
      fieldsSetOf(inst as unknown as object)?.length === 0;
  } catch {
    ok = false;
  }
  if (!ok) removeBareRouteGuard();
}
