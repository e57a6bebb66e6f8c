/**
 * Compiled JSON serialisers for model instances: `stringify(value)` gives
 * exactly the text `JSON.stringify(value)` gives, byte for byte, but a model
 * instance is written by code generated once per class from its field plan
 * (`fieldsOf`), with each field name a constant and each value written by the
 * encoder its declared type suggests.
 *
 * Why not fast-json-stringify at run time: its output is the schema's, not the
 * instance's (required fields first, extras reordered, values coerced to the
 * declared type), so it could not be byte-identical to `JSON.stringify`; and
 * hand-compiled code that checks the instance's actual keys is as fast (see
 * `npm run bench`) without a run-time dependency.
 *
 * How it stays identical to `JSON.stringify`:
 * - The declared fields are only a guess. Each instance's own enumerable keys
 *   are walked first (`for…in`, no allocation); unless they are exactly the
 *   declared fields in declaration order (what the constructor and `parse`
 *   make), the instance is written key by key from `Object.keys`, as
 *   `JSON.stringify` does. So added, deleted or re-added properties, extras,
 *   enumerable prototype properties and index keys all keep their order.
 * - Every value is checked at run time, whatever the field's type says: a
 *   string is quoted (through `JSON.stringify` when it holds a quote, a
 *   backslash, a control character or any surrogate), a number is written as
 *   `JSON.stringify` writes it (`-0` as `0`, non-finite as `null`), and
 *   anything else (a free-form dict, a `Date`, a value with its own `toJSON`,
 *   a `BigInt`, a function) goes to `JSON.stringify` itself, with the key its
 *   `toJSON` would be called with.
 * - An instance whose `toJSON` is not the base class's (a subclass overrides
 *   it, or an instance carries its own) is left to `JSON.stringify`.
 * - Nesting deeper than `MAX_MODEL_DEPTH` models or arrays (a cycle, say)
 *   starts over with `JSON.stringify`, which throws its own error for a cycle.
 *   A getter or `toJSON` with side effects may then run twice.
 */
import { fieldsOf, FieldType } from './fields/field';
import { OpenAIBaseModel } from './model';

/** A compiled writer of one class's instances; `d` is the nesting depth. */
type Writer = (o: Record<string, unknown>, d: number) => string;

const BASE_TO_JSON = OpenAIBaseModel.prototype.toJSON;
/** How deep models and arrays may nest on the compiled path before it hands over to `JSON.stringify`. */
const MAX_MODEL_DEPTH = 100;
/** Thrown (never escapes) to hand a value back to `JSON.stringify`. */
const BAIL: unique symbol = Symbol('oai-protocols.serialize.bail');
/** Where a class keeps its writer; trusted only when it names that very class (a subclass sees its parent's). */
const WRITER: unique symbol = Symbol('oai-protocols.writer');
interface WriterSlot {
  readonly cls: Function;
  readonly write: Writer;
}

// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\ud800-\udfff]/;

/**
 * A string as JSON.stringify writes it: quoted as it is unless it holds a
 * character JSON.stringify escapes (or any surrogate, paired or not: then
 * JSON.stringify itself writes it). A character loop for short strings, the
 * regular expression (faster from about 8 characters on V8 11) for the rest.
 */
function str(s: string): string {
  const n = s.length;
  if (n < 8) {
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 32 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(s);
    }
    return '"' + s + '"';
  }
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : '"' + s + '"';
}

/** A number as JSON.stringify writes it. */
function num(v: number): string {
  return v - v === 0 ? '' + v : 'null';
}

/**
 * Anything the compiled path does not write itself, exactly as `JSON.stringify`
 * writes it as the value of property `key` (undefined: the property is left out).
 * A value with a `toJSON` is wrapped in a holder, so `toJSON` gets its key.
 */
function generic(v: unknown, key: string | number): string | undefined {
  const t = typeof v;
  if (t === 'undefined' || t === 'symbol') return undefined;
  if ((t === 'object' || t === 'function' || t === 'bigint') && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    const k = String(key);
    const s = JSON.stringify({ [k]: v });
    return s.length === 2 ? undefined : s.slice(str(k).length + 2, -1);
  }
  return JSON.stringify(v);
}

/** Any value, as the value of property `key`; models and plain arrays take the compiled path. */
function value(v: unknown, key: string | number, d: number): string | undefined {
  switch (typeof v) {
    case 'string':
      return str(v);
    case 'number':
      return num(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object':
      if (v === null) return 'null';
      if ((v as { toJSON?: unknown }).toJSON === BASE_TO_JSON) return model(v as Record<string, unknown>, key, d);
      if (Array.isArray(v) && (v as { toJSON?: unknown }).toJSON === undefined) return list(v, d);
      return generic(v, key);
    default:
      return generic(v, key);
  }
}

/** A model instance (its `toJSON` is the base class's), by its class's writer. */
function model(v: Record<string, unknown>, key: string | number, d: number): string | undefined {
  const write = writerOf(v.constructor);
  return write === undefined ? generic(v, key) : write(v, d);
}

/** A plain array: items the compiled way, holes and unwritable items as `null`. */
function list(a: unknown[], d: number): string {
  if (++d > MAX_MODEL_DEPTH) throw BAIL;
  const n = a.length;
  if (n === 0) return '[]';
  let out = '[';
  for (let i = 0; i < n; i++) {
    const s = value(a[i], i, d);
    out += (i === 0 ? '' : ',') + (s === undefined ? 'null' : s);
  }
  return out + ']';
}

/** A model instance key by key, in `Object.keys` order: what `JSON.stringify` does with one. */
function byKeys(o: Record<string, unknown>, d: number): string {
  let out = '{';
  for (const k of Object.keys(o)) {
    const s = value(o[k], k, d);
    if (s !== undefined) out += (out.length === 1 ? '' : ',') + str(k) + ':' + s;
  }
  return out + '}';
}

/** The longest string a writer remembers the JSON of (see `compile`). */
const REMEMBER_MAX = 64;

/** A writer of one field's value; `k` is the field name (the key a `toJSON` gets). */
type FieldWriter = (v: unknown, k: string, d: number) => string | undefined;

/**
 * The writer of a field declared as model `M` (no choice by `type`): an
 * instance of exactly `M` goes straight to `M`'s writer (found on first use,
 * so classes may refer to each other); anything else to `value`.
 */
function modelField(M: Function): FieldWriter {
  let write: Writer | undefined;
  return (v, k, d) =>
    v !== null && typeof v === 'object' && v.constructor === M && (v as { toJSON?: unknown }).toJSON === BASE_TO_JSON
      ? (write ??= writerOf(M)!)(v as Record<string, unknown>, d)
      : value(v, k, d);
}

/** The writer of a field declared as a list of model `M`: like `list`, with `M`'s instances written directly. */
function modelListField(M: Function): FieldWriter {
  let write: Writer | undefined;
  return (v, k, d) => {
    if (!Array.isArray(v) || (v as { toJSON?: unknown }).toJSON !== undefined) return value(v, k, d);
    if (++d > MAX_MODEL_DEPTH) throw BAIL;
    const n = v.length;
    if (n === 0) return '[]';
    let out = '[';
    for (let i = 0; i < n; i++) {
      const it: unknown = v[i];
      const s =
        it !== null && typeof it === 'object' && it.constructor === M && (it as { toJSON?: unknown }).toJSON === BASE_TO_JSON
          ? (write ??= writerOf(M)!)(it as Record<string, unknown>, d)
          : value(it, i, d);
      out += (i === 0 ? '' : ',') + (s === undefined ? 'null' : s);
    }
    return out + ']';
  };
}

/**
 * The JavaScript expression that writes `v`, the value of field number `i`
 * named `k` (a JSON literal), given its declared type; `F[i]` is the field's
 * own writer for model and list-of-model fields.
 */
function encoderFor(type: FieldType, k: string, i: number, F: Array<FieldWriter | undefined>): string {
  const schema = type.toJsonSchema(() => ({}));
  const generic = `value(v, ${k}, d)`;
  if (type.model && !type.pick) {
    F[i] = schema.type === 'array' ? modelListField(type.model()) : modelField(type.model());
    return `F[${i}](v, ${k}, d)`;
  }
  switch (schema.type) {
    case 'string':
      return `typeof v === 'string' ? (v === LAST[${i}] ? QUOTED[${i}] : remember(v, ${i})) : ${generic}`;
    case 'integer':
    case 'number':
      return `typeof v === 'number' ? num(v) : ${generic}`;
    case 'boolean':
      return `v === true ? 'true' : v === false ? 'false' : ${generic}`;
    case 'array':
      return `Array.isArray(v) && v.toJSON === undefined ? list(v, d) : ${generic}`;
    default:
      return generic;
  }
}

/**
 * Generates the writer of `cls` from its field plan. Each string field
 * remembers its last short value and that value's JSON: every chunk of a
 * stream repeats `id`, `object` and `model` (the same strings), so they are
 * scanned for escapes once per stream instead of once per chunk.
 */
function compile(cls: Function): Writer {
  const fields = fieldsOf(cls);
  const names = fields.map((f) => f.name);
  const F: Array<FieldWriter | undefined> = [];
  const LAST: Array<string | undefined> = fields.map(() => undefined);
  const QUOTED: string[] = fields.map(() => '');
  const remember = (v: string, i: number): string => {
    const q = str(v);
    if (v.length <= REMEMBER_MAX) {
      LAST[i] = v;
      QUOTED[i] = q;
    }
    return q;
  };
  const body = fields.map((f, i) => {
    const k = JSON.stringify(f.name);
    const first = JSON.stringify(`${JSON.stringify(f.name)}:`);
    const next = JSON.stringify(`,${JSON.stringify(f.name)}:`);
    const nullable = f.nullable ? `v === null ? 'null' : ` : '';
    return `v = o[${k}]; if (v !== undefined) { s = ${nullable}${encoderFor(f.type, k, i, F)}; if (s !== undefined) out += (out.length === 1 ? ${first} : ${next}) + s; }`;
  });
  const factory = new Function(
    'NAMES',
    'F',
    'LAST',
    'QUOTED',
    'remember',
    'BAIL',
    'MAX',
    'str',
    'num',
    'value',
    'list',
    'byKeys',
    `return function write(o, d) {
      if (++d > MAX) throw BAIL;
      let i = 0;
      for (const key in o) {
        if (key !== NAMES[i]) return byKeys(o, d);
        i++;
      }
      if (i !== ${names.length}) return byKeys(o, d);
      let out = '{', v, s;
      ${body.join('\n      ')}
      return out + '}';
    };`,
  );
  return factory(Object.freeze(names), Object.freeze(F), LAST, QUOTED, remember, BAIL, MAX_MODEL_DEPTH, str, num, value, list, byKeys) as Writer;
}

/** The writer of a model class, compiled on first use; undefined for anything that is not a model class. */
function writerOf(cls: unknown): Writer | undefined {
  if (typeof cls !== 'function') return undefined;
  const slot = (cls as { [WRITER]?: WriterSlot })[WRITER];
  if (slot !== undefined && slot.cls === cls) return slot.write;
  if (!(cls.prototype instanceof OpenAIBaseModel) && cls !== OpenAIBaseModel) return undefined;
  const write = compile(cls);
  Object.defineProperty(cls, WRITER, { value: { cls, write }, configurable: true, enumerable: false, writable: false });
  return write;
}

/**
 * `JSON.stringify(value)`, byte for byte, with model instances (at any depth)
 * written by code compiled once per class: the fast way to send a response
 * body or a stream chunk. Anything else is handed to `JSON.stringify`.
 *
 * @example
 * res.end(stringify(response)); // the same text as JSON.stringify(response)
 */
export function stringify(value: OpenAIBaseModel): string;
export function stringify(value: unknown): string | undefined;
export function stringify(value: unknown): string | undefined {
  if (value !== null && typeof value === 'object' && (value as { toJSON?: unknown }).toJSON === BASE_TO_JSON) {
    const write = writerOf(value.constructor);
    if (write !== undefined) {
      try {
        return write(value as Record<string, unknown>, 0);
      } catch (e) {
        if (e !== BAIL) throw e;
      }
    }
  }
  return JSON.stringify(value);
}
