/**
 * A generated corpus of bodies with member-named keys (`__proto__`,
 * `constructor`, `prototype`, `Object.prototype`'s methods, the models' own
 * methods, the library's former internal key) at every level: model extras,
 * nested models, maps, free-form dicts and extras' values. Each case says what
 * SEMANTICS.md ("Keys, extras and data") requires of it, and `checkOutcome`
 * compares what a route did with that: the decision, the error location, and
 * that every key inside data survives on the instance and in its dump.
 */
import { OpenAIBaseModel } from '../../src';
import type { LocKey } from '../../src';
import { Model, at } from './helpers';
import { SPOTS, Spot, fill } from './spots';

/** The names every spot gets, one case each and all at once. */
export const MEMBER_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupSetter__',
  'toJSON',
  'dump',
  'copy',
  'parse',
  'then',
  '__oai_fields_set__',
] as const;

/** One body and what the rules say of it. */
export interface MemberKeyCase {
  readonly name: string;
  readonly model: Model;
  /** The body as JSON text (`JSON.parse` gives the value the JS routes get). */
  readonly text: string;
  readonly ok: boolean;
  /** For a rejected case: a location some issue must start with (or lie above, on the decorator route). */
  readonly loc?: readonly LocKey[];
}

/** What a map's value may be at each map spot (all three take a finite number). */
const NUMBER = (i: number): string => String(-(i + 1) / 4);

function members(names: readonly string[], value: (name: string, i: number) => string): string {
  return names.map((k, i) => `${JSON.stringify(k)}:${value(k, i)}`).join(',');
}

/** An object value that would plant `polluted` on a prototype if it were ever followed. */
const HOSTILE_OBJECT = '{"prototype":{"polluted":1},"constructor":{"prototype":{"polluted":2}},"__proto__":{"polluted":3},"toString":"s"}';

function casesAt(spot: Spot): MemberKeyCase[] {
  const out: MemberKeyCase[] = [];
  const base = { model: spot.model };
  out.push({ ...base, name: `${spot.name}: all names, numbers`, text: fill(spot, members(MEMBER_NAMES, (_k, i) => NUMBER(i))), ok: true });
  MEMBER_NAMES.forEach((k, i) => {
    out.push({ ...base, name: `${spot.name}: ${k} = number`, text: fill(spot, members([k], () => NUMBER(i))), ok: true });
    // An object under the name: kept in free-form data and on models (where not dropped); a map of scalars rejects it there.
    const objectCase = fill(spot, members([k], () => HOSTILE_OBJECT));
    if (spot.kind === 'map') out.push({ ...base, name: `${spot.name}: ${k} = object`, text: objectCase, ok: false, loc: [...spot.path, k] });
    else out.push({ ...base, name: `${spot.name}: ${k} = object`, text: objectCase, ok: true });
    if (spot.kind === 'map' && spot.name !== 'chat_template_kwargs') {
      // A float map checks the value under a member name like any other: a word is an error at that key.
      out.push({ ...base, name: `${spot.name}: ${k} = "x"`, text: fill(spot, members([k], () => '"x"')), ok: false, loc: [...spot.path, k] });
    }
    if (spot.kind === 'map') {
      out.push({ ...base, name: `${spot.name}: ${k} = null`, text: fill(spot, members([k], () => 'null')), ok: false, loc: [...spot.path, k] });
    }
  });
  return out;
}

const REQ = SPOTS[0].model;

/** The three bodies of the issue, and a string field given a hostile object, at each string field kind. */
const NAMED: readonly MemberKeyCase[] = [
  {
    name: 'issue: parameters.properties.constructor',
    model: REQ,
    text: '{"model":"m","messages":[{"role":"user","content":"hi"}],"tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object","properties":{"constructor":{"type":"string"},"toString":{"type":"string"},"__proto__":{"type":"string"}},"required":["constructor"]}}}]}',
    ok: true,
  },
  { name: 'issue: logit_bias valueOf "x"', model: REQ, text: '{"model":"m","messages":[],"logit_bias":{"valueOf":"x"}}', ok: false, loc: ['logit_bias', 'valueOf'] },
  {
    name: 'issue: string field holding constructor.prototype',
    model: REQ,
    text: '{"model":{"constructor":{"prototype":{}}},"messages":[]}',
    ok: false,
    loc: ['model'],
  },
  {
    name: 'string field in a nested model holding constructor.prototype',
    model: REQ,
    text: '{"model":"m","messages":[{"role":{"constructor":{"prototype":{"x":1}}},"content":"hi"}]}',
    ok: false,
    loc: ['messages', 0, 'role'],
  },
  { name: 'parameters with a constructor string', model: REQ, text: '{"model":"m","messages":[],"tools":[{"function":{"name":"f","parameters":{"type":"object","constructor":"x"}}}]}', ok: true },
  { name: 'extra holding constructor.prototype', model: REQ, text: '{"model":"m","messages":[],"extra":{"constructor":{"prototype":{"x":1}}}}', ok: true },
  { name: 'extra array of hostile objects', model: REQ, text: `{"model":"m","messages":[],"extra":[${HOSTILE_OBJECT},[${HOSTILE_OBJECT}]]}`, ok: true },
  { name: 'content holding constructor', model: REQ, text: '{"model":"m","messages":[{"role":"user","content":{"constructor":"x"}}]}', ok: false, loc: ['messages', 0, 'content'] },
  { name: 'usage int holding constructor', model: SPOTS.find((s) => s.name === 'usage')!.model, text: '{"model":"m","choices":[],"usage":{"prompt_tokens":{"constructor":{"prototype":{}}}}}', ok: false, loc: ['usage', 'prompt_tokens'] },
  { name: 'free-form 1e400 is not a finite number', model: REQ, text: '{"model":"m","messages":[],"extra":{"a":1e400}}', ok: false, loc: ['extra', 'a'] },
  { name: 'dict 1e400 is not a finite number', model: REQ, text: '{"model":"m","messages":[],"tools":[{"function":{"name":"f","parameters":{"a":[1e400]}}}]}', ok: false, loc: ['tools', 0, 'function', 'parameters', 'a', 0] },
];

/** The whole corpus: every spot of `spots.ts` with every name, plus the named cases. */
export const MEMBER_KEY_CORPUS: readonly MemberKeyCase[] = [...SPOTS.flatMap(casesAt), ...NAMED];

/** What a route gave back for one case. */
export type RouteOutcome =
  | { ok: true; inst: OpenAIBaseModel }
  | { ok: false; locs: LocKey[][] }
  | { thrown: unknown };

const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/**
 * The keys a model instance may leave out (SEMANTICS: they would shadow a
 * member): `__proto__`, `constructor`, and every method or accessor name on
 * its prototype chain, `Object.prototype`'s included.
 */
export function memberNamesOf(inst: object): Set<string> {
  const names = new Set(['__proto__', 'constructor']);
  for (let p = Object.getPrototypeOf(inst); p; p = Object.getPrototypeOf(p)) {
    for (const k of Object.getOwnPropertyNames(p)) {
      const d = Object.getOwnPropertyDescriptor(p, k)!;
      if (typeof d.value === 'function' || d.get || d.set) names.add(k);
    }
  }
  return names;
}

/**
 * Where `got` (the instance's value, and `dumped`, its wire form) loses or
 * changes data of `input`: at a model instance, every input key that is not a
 * member name must be there; inside data, keys and values must be exactly the
 * input's. Returns the paths of the differences (`lostKeys` counts keys gone).
 */
export function dataDifferences(input: unknown, got: unknown, dumped: unknown, path: string, out: { diffs: string[]; lostKeys: number }): void {
  if (got instanceof OpenAIBaseModel) {
    const skip = memberNamesOf(got);
    if (input === null || typeof input !== 'object') return;
    for (const k of Object.keys(input)) {
      if (skip.has(k)) continue;
      const inGot = own(got, k);
      const inDump = dumped !== null && typeof dumped === 'object' && own(dumped, k);
      if (!inGot || !inDump) {
        out.diffs.push(`${path}.${k}: missing on the ${inGot ? 'dump' : 'instance'}`);
        out.lostKeys++;
        continue;
      }
      dataDifferences((input as Record<string, unknown>)[k], (got as unknown as Record<string, unknown>)[k], (dumped as Record<string, unknown>)[k], `${path}.${k}`, out);
    }
    return;
  }
  if (input === null || typeof input !== 'object') {
    // Scalars: the corpus only uses canonical values, so any change is a difference.
    if (!Object.is(input, got) || !Object.is(input, dumped)) out.diffs.push(`${path}: ${JSON.stringify(input)} became ${String(got)} / ${JSON.stringify(dumped)}`);
    return;
  }
  if (got === null || typeof got !== 'object' || dumped === null || typeof dumped !== 'object') {
    out.diffs.push(`${path}: an object became ${typeof got}`);
    return;
  }
  if (!Array.isArray(input) && Object.getPrototypeOf(got) !== Object.prototype && !(got instanceof OpenAIBaseModel)) {
    out.diffs.push(`${path}: data object has a foreign prototype`);
  }
  for (const k of Object.keys(input)) {
    if (!own(got, k) || !own(dumped, k)) {
      out.diffs.push(`${path}.${k}: key lost`);
      out.lostKeys++;
      continue;
    }
    const g = Object.getOwnPropertyDescriptor(got, k)!.value as unknown;
    const d = Object.getOwnPropertyDescriptor(dumped, k)!.value as unknown;
    dataDifferences((input as Record<string, unknown>)[k], g, d, `${path}.${k}`, out);
  }
  for (const k of Object.keys(got)) if (!own(input, k)) out.diffs.push(`${path}.${k}: key added`);
}

/** Follows a path through an instance and returns what is there (for tests that look at one spot). */
export { at };

/**
 * How a route's outcome differs from the case: a wrong decision, a missing
 * error location, lost or changed data. `[]` means it agrees.
 */
export function checkOutcome(c: MemberKeyCase, outcome: RouteOutcome, out: { diffs: string[]; lostKeys: number }, route: string): void {
  if ('thrown' in outcome) {
    const e = outcome.thrown;
    out.diffs.push(`threw ${e instanceof Error ? `${e.constructor.name}: ${e.message.slice(0, 120)}` : String(e)}`);
    return;
  }
  if (outcome.ok !== c.ok) {
    out.diffs.push(outcome.ok ? 'accepted, rules reject' : `rejected at ${JSON.stringify(outcome.locs)}, rules accept`);
    return;
  }
  if (!outcome.ok) {
    const want = c.loc ?? [];
    const starts = (loc: readonly LocKey[], prefix: readonly LocKey[]) => prefix.length <= loc.length && prefix.every((k, i) => String(loc[i]) === String(k));
    // Every route locates issues as parse does; the bare decorator route may stop above (at a map or union field).
    const hit = outcome.locs.some((l) => starts(l, want) || (route === 'bare' && l.length > 0 && starts(want, l)));
    if (!hit) out.diffs.push(`no issue at ${JSON.stringify(want)}: ${JSON.stringify(outcome.locs)}`);
    return;
  }
  const input: unknown = JSON.parse(c.text);
  dataDifferences(input, outcome.inst, JSON.parse(JSON.stringify(outcome.inst)), '$', out);
}
