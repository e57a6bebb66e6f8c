import { INVALID, LocKey, MAX_DEPTH, ParseContext, PathNode, child } from './context';

/**
 * Keys that class-transformer never copies onto a plain object, and neither
 * does parse: `__proto__`, `constructor` and the methods of `Object.prototype`
 * (`toString`, `hasOwnProperty`, …). Dropping them is what keeps prototypes safe.
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
  return proto === Object.prototype || proto === null;
}

const NOT_JSON = 'Input should be a JSON value (object, array, string, finite number, boolean or null)';

/**
 * Checks a free-form JSON value and returns it with the dropped keys removed at
 * every depth. A fresh copy is made unless the context owns the input (it came
 * from `JSON.parse`), in which case clean objects are returned as they are.
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
    return ctx.fail(up, key, 'too_deep', `Input is nested deeper than ${MAX_DEPTH} levels (or is cyclic)`, '…');
  }
  if (Array.isArray(value)) {
    const here = child(up, key);
    const out = ctx.owned ? value : new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      const v = item === null || typeof item === 'string' || typeof item === 'boolean' ? item : copyJson(item, ctx, here, i, depth + 1);
      if (v !== INVALID) out[i] = v;
    }
    return out;
  }
  if (!isPlainObject(value)) return ctx.fail(up, key, 'json_type', NOT_JSON, value);
  const here = child(up, key);
  const out: Record<string, unknown> = ctx.owned ? value : {};
  for (const k of Object.keys(value)) {
    if (DROPPED_PLAIN_KEYS.has(k)) {
      if (ctx.owned) delete out[k];
      continue;
    }
    const item = value[k];
    if (item === undefined) {
      if (ctx.owned) delete out[k];
      continue;
    }
    const v = item === null || typeof item === 'string' || typeof item === 'boolean' ? item : copyJson(item, ctx, here, k, depth + 1);
    if (v !== INVALID && !ctx.owned) out[k] = v;
  }
  return out;
}

/**
 * Whether `value` nests objects or arrays more than `limit` levels deep,
 * checked without recursion (so any depth, or a cycle, is safe to ask about).
 */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limit) return true;
    for (const item of Array.isArray(v) ? v : Object.values(v)) {
      if (item !== null && typeof item === 'object') stack.push([item, depth + 1]);
    }
  }
  return false;
}
