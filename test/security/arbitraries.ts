/**
 * fast-check arbitraries for the fuzz suite: keys that include hostile and
 * declared names, JSON values built with own `__proto__` keys, arbitrary JS
 * values, and mostly-valid bodies per model (accepted corpus inputs, mutated).
 */
import fc from 'fast-check';
import { DROPPED_PLAIN_KEYS } from '../../src/fields/json';
import { loadCorpus } from '../corpus';
import { MODELS, Model, defineOwn } from './helpers';

/** Keys that name prototypes or members, the interesting ones for pollution and shadowing. */
export const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toJSON',
  'dump',
  'copy',
  'parse',
  'hasOwnProperty',
  'valueOf',
  'toString',
  '__oai_fields_set__',
  'then',
  'length',
] as const;

const DECLARED = [...new Set(MODELS.flatMap((m) => [...m.fieldNames]))];

/** A key: mostly short random strings, often hostile names or some model's declared field names. */
export const keyArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
  { weight: 2, arbitrary: fc.constantFrom(...DECLARED) },
);

/** JSON scalars, with strings the lax coercions care about. */
const scalarArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -5, max: 5 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(2 ** 53 + 2, -(2 ** 60), 1e20, 0.5, -0),
  fc.string({ maxLength: 8 }),
  fc.constantFrom('5', '5.0', '-3', '0.5', '1e3', 'yes', 'no', 'true', '', 'NaN', 'Infinity', 'function', 'stop', 'text', 'user'),
);

/** An object from entries, each set as an own data property (so `__proto__` becomes a key, as with JSON.parse). */
export function objectOf(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries) defineOwn(o, k, v);
  return o;
}

/** JSON values whose objects use `keyArb` (own `__proto__`, `constructor`, member and field names). */
export const hostileJsonArb: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    scalarArb,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(keyArb, tie('value')), { maxLength: 6 }).map(objectOf),
  ),
})).value;

/** Any JSON value: fast-check's own, and the hostile-keyed one. */
export const jsonArb: fc.Arbitrary<unknown> = fc.oneof(fc.jsonValue(), hostileJsonArb);

/** Any JS value, including Maps, Sets, Dates, typed arrays, boxed values, bigints, null-prototype objects. */
export const anythingArb: fc.Arbitrary<unknown> = fc.anything({
  key: keyArb,
  maxDepth: 4,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});

/** Bodies each model accepts, to start mutations from. */
function seedsOf(model: Model): unknown[] {
  const corpus = loadCorpus().filter((c) => c.ok);
  const own = corpus.filter((c) => c.model === model.name).map((c) => c.input);
  if (model.name === 'ContentPart') {
    own.push(
      { type: 'text', text: 'hi' },
      { type: 'image_url', image_url: { url: 'https://x/y.png', detail: 'auto' } },
      { type: 'input_audio', input_audio: { data: 'AAAA', format: 'wav' } },
    );
  }
  // Classes the corpus only holds nested inside others.
  const nested: Record<string, unknown[]> = {
    CustomCall: [{ name: 'sql', input: 'SELECT 1' }],
    CustomToolSpec: [{ name: 'sql', description: 'Runs SQL', format: { type: 'text' } }, { name: 'x' }],
    DeltaCustomCall: [{ name: 'sql' }, { input: ' 1' }, {}],
    FileRef: [{ file_id: 'file-1' }, { file_data: 'AAAA', filename: 'a.pdf' }],
    ImageURL: [{ url: 'https://x/y.png', detail: 'auto' }, { url: 'u' }],
    InputAudio: [{ data: 'AAAA', format: 'wav' }],
    JsonSchemaSpec: [{ name: 's', schema: { type: 'object' }, strict: true }, { name: 's' }],
    TopLogprob: [{ token: 'a', logprob: -0.5, bytes: [97] }, { token: 'b', logprob: -1 }],
  };
  own.push(...(nested[model.name] ?? []));
  if (model.name === 'OpenAIBaseModel') {
    own.push({}, ...corpus.filter((c) => c.input !== null && typeof c.input === 'object' && !Array.isArray(c.input)).slice(0, 50).map((c) => c.input));
  }
  if (!own.length) throw new Error(`no seed bodies for ${model.name}`);
  return own;
}

/** One edit of a body. */
export interface Mutation {
  readonly kind: 'extra' | 'replace' | 'delete' | 'numeric-string' | 'cycle' | 'deep';
  /** Which container (or leaf) to edit, modulo how many there are. */
  readonly pick: number;
  readonly key: string;
  readonly value: unknown;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom<Mutation['kind']>('extra', 'extra', 'extra', 'extra', 'replace', 'delete', 'numeric-string'),
  pick: fc.nat(),
  key: keyArb,
  value: fc.oneof({ weight: 3, arbitrary: scalarArb }, { weight: 1, arbitrary: hostileJsonArb }),
});

/** Every plain object and array inside `root` (each once, cycles allowed), with `root` first. */
function containers(root: unknown): Array<Record<string, unknown> | unknown[]> {
  const out: Array<Record<string, unknown> | unknown[]> = [];
  const seen = new Set<unknown>();
  const stack = [root];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    const proto = Object.getPrototypeOf(v);
    if (!Array.isArray(v) && proto !== Object.prototype && proto !== null) continue; // Maps, Dates, …: leaves
    out.push(v as Record<string, unknown>);
    for (const k of Object.keys(v)) stack.push((v as Record<string, unknown>)[k]);
  }
  return out;
}

/** Applies `m` to `root` in place (root is a fresh copy). */
export function mutate(root: unknown, m: Mutation): void {
  const all = containers(root);
  if (!all.length) return;
  const objects = all.filter((c) => !Array.isArray(c)) as Record<string, unknown>[];
  const target = all[m.pick % all.length];
  const keys = Object.keys(target);
  const k = keys.length ? keys[m.pick % keys.length] : undefined;
  switch (m.kind) {
    case 'extra':
      if (objects.length) defineOwn(objects[m.pick % objects.length], m.key, m.value);
      return;
    case 'replace':
      if (k !== undefined) (target as Record<string, unknown>)[k] = m.value;
      return;
    case 'delete':
      if (k !== undefined && !Array.isArray(target)) delete target[k];
      return;
    case 'cycle':
      // A key pointing back at a container on the path from the root (or the root itself).
      if (objects.length) defineOwn(objects[m.pick % objects.length], m.key, all[(m.pick >> 3) % all.length]);
      return;
    case 'deep': {
      // A value nested past MAX_DEPTH (600 levels), built without recursion.
      let v: unknown = m.value === undefined ? 1 : m.value;
      for (let i = 0; i < 600; i++) v = m.pick % 2 ? [v] : { d: v };
      if (objects.length) defineOwn(objects[m.pick % objects.length], m.key, v);
      return;
    }
    case 'numeric-string': {
      const v = k === undefined ? undefined : (target as Record<string, unknown>)[k];
      if (typeof v === 'number') (target as Record<string, unknown>)[k as string] = String(v);
      else if (typeof v === 'boolean') (target as Record<string, unknown>)[k as string] = v ? 'yes' : 'off';
      return;
    }
  }
}

/** Mostly-valid bodies for `model`: an accepted corpus body (or hand-written seed), copied, with 0–3 edits. */
export function validishArb(model: Model): fc.Arbitrary<unknown> {
  const seeds = seedsOf(model);
  return fc.tuple(fc.constantFrom(...seeds), fc.array(mutationArb, { maxLength: 3 })).map(([seed, edits]) => {
    const body = JSON.parse(JSON.stringify(seed));
    for (const m of edits) mutate(body, m);
    return body;
  });
}

/**
 * Keys parse drops wherever they are (so what sits under them never counts):
 * the JS-value property leaves them out, since JSON.stringify would still
 * read (and choke on) a cycle or bigint the parser rightly never looked at.
 */
const DROPPED_ANYWHERE = new Set([...DROPPED_PLAIN_KEYS, 'toJSON', 'dump', 'copy', '__oai_fields_set__']);
const keptKeyArb = keyArb.filter((k) => !DROPPED_ANYWHERE.has(k));

/** Values JSON cannot carry, for edits on the JS-value route. */
const jsOnlyArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(NaN, Infinity, -Infinity, undefined, 10n, new Date(0), () => 1, Symbol('s'), new Map([['a', 1]]), new Set([1])),
  fc.constant(null).map(() => Object.assign(Object.create(null) as object, { a: 1 })),
  fc.anything({ key: keptKeyArb, maxDepth: 3, withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true, withTypedArray: true }),
);

const jsMutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom<Mutation['kind']>('extra', 'replace') },
    { weight: 1, arbitrary: fc.constantFrom<Mutation['kind']>('cycle', 'deep') },
  ),
  pick: fc.nat(),
  key: keptKeyArb,
  value: fc.oneof(scalarArb, jsOnlyArb),
});

/**
 * Mostly-valid JS bodies for `model`: an accepted seed with 1–3 edits that
 * put values JSON cannot carry (NaN, ±Infinity, undefined, bigint, Date,
 * functions, Maps, null-prototype objects, cycles, 600-deep nesting) anywhere.
 */
export function validishJsArb(model: Model): fc.Arbitrary<unknown> {
  const seeds = seedsOf(model);
  return fc.tuple(fc.constantFrom(...seeds), fc.array(jsMutationArb, { minLength: 1, maxLength: 3 })).map(([seed, edits]) => {
    const body = JSON.parse(JSON.stringify(seed));
    // At most one back-edge: two make the walk exponential (a known hang, see cycle-probe in odd-roots).
    const cycles = edits.filter((m) => m.kind === 'cycle').slice(1);
    for (const m of edits) if (!cycles.includes(m)) mutate(body, m);
    return body;
  });
}

/** Options for `dump`, every combination. */
export const dumpOptionsArb = fc.record({ excludeUnset: fc.boolean(), excludeDefaults: fc.boolean(), excludeNone: fc.boolean() });
