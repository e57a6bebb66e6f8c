import { INVALID, LocKey, MAX_DEPTH, ParseContext, PathNode, child } from './context';

/**
 * Keys a model instance leaves out because they would shadow a member of every
 * object: `__proto__`, `constructor` and the methods of `Object.prototype`
 * (`toString`, `hasOwnProperty`, …). Inside data (maps, free-form dicts,
 * extras' values) they are kept, as own data properties (see `setOwn`).
 */
export const DROPPED_PLAIN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  ...Object.getOwnPropertyNames(Object.prototype).filter((k) => {
    const d = Object.getOwnPropertyDescriptor(Object.prototype, k);
    return d !== undefined && !d.set;
  }),
]);

/** True for `{}`-like objects: not null, not an array, prototype `Object.prototype` or null. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) return true;
  // A plain object from another realm (a vm context, structuredClone in a test runner).
  return Object.getPrototypeOf(proto) === null && Object.prototype.toString.call(value) === '[object Object]' && typeof proto.hasOwnProperty === 'function';
}

const NO_KEYS = {};

/**
 * Whether a plain object inherits an enumerable property (someone added one to
 * `Object.prototype`), so `for…in` over a `JSON.parse` object would list more
 * than its own keys.
 */
export function inheritsEnumerable(): boolean {
  for (const _k in NO_KEYS) return true;
  return false;
}

/**
 * Sets `key` on `target` as an own enumerable data property, the way
 * `JSON.parse` does. Plain assignment would do for every key but `__proto__`,
 * whose assignment calls `Object.prototype`'s setter and swaps the prototype.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/**
 * Whether `value` is a JSON value no deeper than MAX_DEPTH: plain objects,
 * arrays, strings, finite numbers, booleans and null. Iterative, so any depth is safe.
 */
export function isJsonData(value: unknown): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return false;
      continue;
    }
    if (typeof v !== 'object' || depth >= MAX_DEPTH) return false;
    if (Array.isArray(v)) for (const item of v) stack.push([item, depth + 1]);
    else if (!isPlainObject(v)) return false;
    else for (const k of Object.keys(v)) stack.push([(v as Record<string, unknown>)[k], depth + 1]);
  }
  return true;
}

const NOT_JSON = 'Input should be a JSON value (object, array, string, finite number, boolean or null)';

/**
 * Checks a free-form JSON value and returns it with every key kept, or INVALID (with the issues in `ctx`) when any part of it is not
 * JSON. A fresh copy is made unless the context owns the input (it came from
 * `JSON.parse`, so it is a tree), in which case it is cleaned in place.
 * A JS value given to `parse` may share objects (each place gets its own
 * copy) or contain a cycle (a `too_deep` error).
 */
export function copyJson(
  value: unknown,
  ctx: ParseContext,
  up: PathNode | undefined,
  key: LocKey | undefined,
  depth = 0,
): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : ctx.fail(up, key, 'finite_number', 'Input should be a finite number', value);
    case 'object':
      break;
    default:
      return ctx.fail(up, key, 'json_type', NOT_JSON, value);
  }
  if (value === null) return null;
  if (depth >= MAX_DEPTH) {
    return ctx.fail(up, key, 'too_deep', `Input is nested deeper than ${MAX_DEPTH} levels`, '…');
  }
  if (ctx.owned) return cleanOwned(value, ctx, up, key, depth, !inheritsEnumerable()) ? value : INVALID;
  // A JS value may contain a cycle (an error) or share an object (copied again
  // at each place, as a JSON round trip would); a budget bounds what sharing
  // can blow up to.
  const onPath = (ctx.onPath ??= new Set());
  if (onPath.has(value)) return ctx.fail(up, key, 'too_deep', 'Input contains itself (a cycle)', '…');
  if (++ctx.copied > MAX_COPIED) return ctx.fail(up, key, 'too_large', `Input holds more than ${MAX_COPIED} free-form objects`, '…');
  onPath.add(value);
  try {
    return copyContainer(value, ctx, up, key, depth);
  } finally {
    onPath.delete(value);
  }
}

/** Most free-form objects and arrays one `parse` of a JS value copies. */
export const MAX_COPIED = 5_000_000;

function copyItem(item: unknown, ctx: ParseContext, here: PathNode | undefined, key: LocKey, depth: number): unknown {
  return item === null || typeof item === 'string' || typeof item === 'boolean' ? item : copyJson(item, ctx, here, key, depth + 1);
}

function copyContainer(value: object, ctx: ParseContext, up: PathNode | undefined, key: LocKey | undefined, depth: number): unknown {
  let ok = true;
  if (Array.isArray(value)) {
    const here = child(up, key);
    const out = ctx.owned ? value : new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const v = copyItem(value[i], ctx, here, i, depth);
      if (v === INVALID) ok = false;
      else out[i] = v;
    }
    return ok ? out : INVALID;
  }
  if (!isPlainObject(value)) return ctx.fail(up, key, 'json_type', NOT_JSON, value);
  const here = child(up, key);
  const out: Record<string, unknown> = ctx.owned ? value : {};
  for (const k of Object.keys(value)) {
    const item = value[k];
    if (item === undefined) continue;
    const v = copyItem(item, ctx, here, k, depth);
    if (v === INVALID) ok = false;
    else if (!ctx.owned) setOwn(out, k, v);
  }
  return ok ? out : INVALID;
}

/**
 * The `JSON.parse` case of `copyJson`: the value is a fresh tree of plain
 * objects (every key already an own data property), arrays and JSON scalars,
 * so only depth and numbers need a look: `JSON.parse` reads `1e400` as
 * Infinity, which is no JSON value and is rejected as `parse` rejects it.
 * Returns false when an issue was recorded.
 */
function cleanOwned(value: object, ctx: ParseContext, up: PathNode | undefined, key: LocKey | undefined, depth: number, forIn: boolean): boolean {
  let ok = true;
  let here: PathNode | undefined;
  const next = depth + 1;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === null || typeof item !== 'object') {
        if (typeof item === 'number' && !Number.isFinite(item)) ok = notFinite(ctx, (here ??= child(up, key)), i, item);
        continue;
      }
      here ??= child(up, key);
      if (next >= MAX_DEPTH) ok = tooDeep(ctx, here, i);
      else if (!cleanOwned(item, ctx, here, i, next, forIn)) ok = false;
    }
    return ok;
  }
  const record = value as Record<string, unknown>;
  if (forIn) {
    // for-in lists the same own keys in the same order as Object.keys, without
    // building an array: `forIn` says nothing inherited is enumerable.
    for (const k in record) {
      const item = record[k];
      if (item === null || typeof item !== 'object') {
        if (typeof item === 'number' && !Number.isFinite(item)) ok = notFinite(ctx, (here ??= child(up, key)), k, item);
        continue;
      }
      here ??= child(up, key);
      if (next >= MAX_DEPTH) ok = tooDeep(ctx, here, k);
      else if (!cleanOwned(item, ctx, here, k, next, true)) ok = false;
    }
    return ok;
  }
  for (const k of Object.keys(record)) {
    const item = record[k];
    if (item === null || typeof item !== 'object') {
      if (typeof item === 'number' && !Number.isFinite(item)) ok = notFinite(ctx, (here ??= child(up, key)), k, item);
      continue;
    }
    here ??= child(up, key);
    if (next >= MAX_DEPTH) ok = tooDeep(ctx, here, k);
    else if (!cleanOwned(item, ctx, here, k, next, false)) ok = false;
  }
  return ok;
}

function notFinite(ctx: ParseContext, up: PathNode | undefined, key: LocKey, value: number): false {
  ctx.fail(up, key, 'finite_number', 'Input should be a finite number', value);
  return false;
}

function tooDeep(ctx: ParseContext, up: PathNode | undefined, key: LocKey): false {
  ctx.fail(up, key, 'too_deep', `Input is nested deeper than ${MAX_DEPTH} levels`, '…');
  return false;
}
