/**
 * Shared tools of the security suite: the three routes a body can take, the
 * list of exported models, pollution canaries, deep freezing and snapshots.
 */
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import * as lib from '../../src';
import { Issue, OpenAIBaseModel, ProtocolValidationError, issuesFromValidationErrors } from '../../src';

/** A model class as the tests use it (statics of the base, any instance type). */
export type Model = typeof OpenAIBaseModel;

/** Every exported model class, `OpenAIBaseModel` included, each once (`Function` and `ToolFunction` are one class). */
export const MODELS: readonly Model[] = [
  ...new Set(
    Object.values(lib).filter(
      (v): v is Model => typeof v === 'function' && (v === OpenAIBaseModel || v.prototype instanceof OpenAIBaseModel),
    ),
  ),
];

/** What one route did with a body. */
export type Outcome =
  | { ok: true; inst: OpenAIBaseModel }
  | { ok: false; issues: Issue[]; error: unknown };

/** A way into the library. `text` is the body as JSON text; `value` a JS value (defaults to `JSON.parse(text)`). */
export interface Route {
  readonly name: 'parse' | 'parseJson' | 'decorators';
  run(cls: Model, body: { text?: string; value?: unknown }): Outcome;
}

function valueOf(body: { text?: string; value?: unknown }): unknown {
  return 'value' in body ? body.value : JSON.parse(body.text as string);
}

function caught(error: unknown): Outcome {
  if (error instanceof ProtocolValidationError) return { ok: false, issues: error.issues, error };
  throw error;
}

/** `Model.parse` (the fast route). Anything but a `ProtocolValidationError` escapes. */
export const PARSE: Route = {
  name: 'parse',
  run(cls, body) {
    try {
      return { ok: true, inst: cls.parse(valueOf(body)) };
    } catch (e) {
      return caught(e);
    }
  },
};

/** `Model.parseJson` on the JSON text (falls back to `JSON.stringify(value)`). */
export const PARSE_JSON: Route = {
  name: 'parseJson',
  run(cls, body) {
    const text = body.text ?? JSON.stringify(body.value);
    try {
      return { ok: true, inst: cls.parseJson(text) };
    } catch (e) {
      return caught(e);
    }
  },
};

/**
 * The bare decorator route NestJS's `ValidationPipe` runs: `plainToInstance`
 * then `validateSync(…, { forbidUnknownValues: false })`. A result that is not
 * an instance counts as a rejection at the root; anything thrown escapes.
 */
export const DECORATORS: Route = {
  name: 'decorators',
  run(cls, body) {
    const inst: unknown = plainToInstance(cls, valueOf(body) as object);
    if (!(inst instanceof cls)) {
      return { ok: false, issues: [{ loc: [], type: 'model_type', msg: 'not an instance' }], error: inst };
    }
    const errors = validateSync(inst, { forbidUnknownValues: false });
    if (errors.length) return { ok: false, issues: issuesFromValidationErrors(errors), error: errors };
    return { ok: true, inst };
  },
};

export const ROUTES: readonly Route[] = [PARSE, PARSE_JSON, DECORATORS];
/** The routes that take JS values (parseJson only sees what JSON can say). */
export const VALUE_ROUTES: readonly Route[] = [PARSE, DECORATORS];

/** The property every hostile payload tries to plant on a prototype. */
export const CANARY = 'oaiSecurityCanary';

const watched: ReadonlyArray<[string, object]> = [
  ['global Object.prototype', Object.prototype],
  ['global Array.prototype', Array.prototype],
  ['global Function.prototype', Function.prototype],
  ['global String.prototype', String.prototype],
  ...MODELS.map((m): [string, object] => [`${m.name}.prototype`, m.prototype]),
  ...MODELS.map((m): [string, object] => [m.name, m]),
];
// Warm the library's lazy per-class caches (e.g. `fieldNames`, cached on each class under a symbol) so
// that filling them later does not read as a change.
for (const m of MODELS) {
  void m.fieldNames;
  m.safeParse({});
  new m().dump({ excludeDefaults: true });
}
const baseline = new Map(watched.map(([, o]) => [o, Reflect.ownKeys(o).map(String).sort().join(',')]));

/**
 * What has been polluted: each watched prototype (and model class) whose own
 * keys changed since this module loaded, or that answers to the canary.
 * An empty list means clean.
 */
export function pollution(): string[] {
  const found: string[] = [];
  for (const [name, o] of watched) {
    if (Reflect.ownKeys(o).map(String).sort().join(',') !== baseline.get(o)) found.push(`${name}: own keys changed`);
    if (CANARY in o) found.push(`${name}: has ${CANARY}`);
  }
  if (CANARY in {}) found.push(`{} has ${CANARY}`);
  if (CANARY in []) found.push(`[] has ${CANARY}`);
  return found;
}

/** Freezes `value` and everything reachable from it (own keys, `__proto__` included). */
export function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (value === null || typeof value !== 'object' || seen.has(value)) return value;
  seen.add(value);
  for (const k of Reflect.ownKeys(value)) deepFreeze((value as Record<string | symbol, unknown>)[k], seen);
  return Object.freeze(value);
}

/**
 * A structural snapshot that sees what `toEqual` may not: own `__proto__`
 * keys, key order, symbol keys, enumerability, prototypes (plain / null /
 * other) and `-0`; a cycle shows as `↺`. Freezing does not change it.
 */
export function snapshot(value: unknown, depth = 0, path: Set<unknown> = new Set()): string {
  if (depth > 2000) return '…';
  if (path.has(value)) return '↺';
  if (value === null || typeof value !== 'object') {
    return Object.is(value, -0) ? '-0' : typeof value === 'string' ? JSON.stringify(value) : `${typeof value}:${String(value)}`;
  }
  const proto = Object.getPrototypeOf(value);
  const tag = Array.isArray(value) ? 'A' : proto === null ? 'N' : proto === Object.prototype ? 'O' : `C(${proto?.constructor?.name})`;
  path.add(value);
  const body = Reflect.ownKeys(value).map((k) => {
    const d = Object.getOwnPropertyDescriptor(value, k)!;
    return `${JSON.stringify(String(k))}${d.enumerable ? '' : '~'}:${'value' in d ? snapshot(d.value, depth + 1, path) : 'accessor'}`;
  });
  path.delete(value);
  return `${tag}{${body.join(',')}}`;
}

/** Sets an own enumerable data property, even for `__proto__` (what `JSON.parse` does). */
export function defineOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A deep copy of a JSON value whose objects all have a null prototype (own keys kept, `__proto__` included). */
export function nullProto(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(nullProto);
  const out = Object.create(null) as Record<string, unknown>;
  for (const k of Object.keys(value)) defineOwn(out, k, nullProto((value as Record<string, unknown>)[k]));
  return out;
}

/** The wire form of an instance, as a client would receive it. */
export function wire(inst: unknown): string {
  return JSON.stringify(inst);
}

/** Follows `path` (keys and indexes) from `root`. */
export function at(root: unknown, path: readonly (string | number)[]): unknown {
  let v = root;
  for (const k of path) v = (v as Record<string | number, unknown>)?.[k];
  return v;
}

/** True when `loc` starts with `prefix` (keys compared as strings); the corpus's comparison. */
export { startsWith } from '../corpus';

/** Runs `f` and returns what it threw (or `undefined`). */
export function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

/** A short description of a thrown value, for readable failures. */
export function describeThrown(e: unknown): string {
  if (e === undefined) return 'nothing thrown';
  if (e instanceof Error) return `${e.constructor.name}: ${e.message.slice(0, 200)}`;
  return `non-error ${typeof e}`;
}
