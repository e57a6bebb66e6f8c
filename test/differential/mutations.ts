/**
 * Seeded mutations of corpus inputs for the differential test: replace a value
 * somewhere with an "interesting" JSON value, delete a key or an item, or add a key.
 */
import fc from 'fast-check';
import type { LocKey } from '../../src';
import { clone } from './routes';
import { SUBCLASS_KEYS } from './subclasses';

/** Values that tend to sit on coercion and safety boundaries. Built with JSON.parse so `__proto__` is an own key. */
export const POOL: unknown[] = [
  ...(JSON.parse(`[
    "5", "5.0", "5.00", "+5", "-3", "007", "1e3", "-2.5E2", ".5", "5.", "0x10", "0b1", "Infinity", "nan", "1e999",
    "yes", "no", "on", "off", "t", "f", "y", "n", "TRUE", " true ", "maybe", "1.0", "", " ", "abc", "stop", "function",
    "tool_calls", "length", "auto", "user", "assistant",
    null, true, false, 0, 1, 2, -1, 1.5, 0.5, 1e20, 9007199254740991, 9007199254740992, 9007199254740994, -9007199254740992,
    [], {}, [1, 2], ["a", 1], ["a", "b"], [null], [[]], [{}], [{"type": "text", "text": "hi"}], [{"type": 5}],
    {"a": 1}, {"a": null}, {"a": [1, {"b": 2}]}, {"50256": -100}, {"1": "x"}, {"k": true, "n": 2.5, "s": "v"},
    {"role": "user", "content": "hi"}, {"name": "f", "arguments": "{}"}, {"type": "function", "function": {"name": "f"}},
    {"index": 0}, {"id": "call_1", "function": {"name": "f", "arguments": "{}"}},
    {"__proto__": {"polluted": true}}, {"__proto__": null, "a": 1}, {"constructor": {"prototype": {"x": 1}}},
    {"toString": "x", "valueOf": 1, "hasOwnProperty": null}
  ]`) as unknown[]),
  -0,
  2 ** 53,
  'x'.repeat(300),
];

/** Keys an "add" mutation may add: extras, prototype-unsafe names, method names, field names, the subclasses' fields. */
export const KEYS = [
  'extra', 'x-custom', '__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf',
  '__oai_fields_set__', 'toJSON', 'dump', 'copy', 'prototype', '0', '',
  'model', 'role', 'content', 'type', 'index', 'name', 'max_tokens', 'n', 'stream', 'stop', 'usage', 'choices', 'id', 'created',
  ...SUBCLASS_KEYS,
];

/** One mutation step. */
export interface MutationStep {
  kind: 'replace' | 'delete' | 'add';
  /** Picks the location, modulo the number of candidates. */
  target: number;
  value: unknown;
  key: string;
}

/** A drawn test input: a corpus case, which class to run it as, and 1–3 mutation steps. */
export interface MutationDraw {
  caseIndex: number;
  variant: number;
  steps: MutationStep[];
}

const stepArb: fc.Arbitrary<MutationStep> = fc.record({
  kind: fc.constantFrom('replace' as const, 'replace' as const, 'delete' as const, 'add' as const),
  target: fc.nat(),
  value: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...POOL) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  ),
  key: fc.constantFrom(...KEYS),
});

/** Arbitrary mutations over `caseCount` cases. */
export function mutationArb(caseCount: number): fc.Arbitrary<MutationDraw> {
  return fc.record({
    caseIndex: fc.nat({ max: caseCount - 1 }),
    variant: fc.nat({ max: 99 }),
    steps: fc.array(stepArb, { minLength: 1, maxLength: 3 }),
  });
}

/** Every location of a value inside `input` (the root included), in a stable order. */
export function locationsOf(input: unknown, at: LocKey[] = [], out: LocKey[][] = []): LocKey[][] {
  out.push(at);
  if (input !== null && typeof input === 'object') {
    if (Array.isArray(input)) input.forEach((v, i) => locationsOf(v, [...at, i], out));
    else for (const k of Object.keys(input)) locationsOf((input as Record<string, unknown>)[k], [...at, k], out);
  }
  return out;
}

function getAt(root: unknown, loc: readonly LocKey[]): unknown {
  let v = root;
  for (const k of loc) v = (v as Record<string, unknown>)[k as string];
  return v;
}

function setOwn(obj: object, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Applies the steps in turn to a copy of `input`; the description lists them, joined by "; then ". */
export function applyMutation(input: unknown, m: MutationDraw): { input: unknown; description: string } {
  let current = input;
  const parts: string[] = [];
  for (const step of m.steps) {
    const r = applyStep(current, step);
    current = r.input;
    parts.push(r.description);
  }
  return { input: current, description: parts.join('; then ') };
}

/** Applies one step to a copy of `input`; the description reads like `replace $.messages.2.content with "5"`. */
function applyStep(input: unknown, m: MutationStep): { input: unknown; description: string } {
  const root = { v: clone(input) } as Record<string, unknown>;
  const where = (loc: readonly LocKey[]) => ['$', ...loc].join('.');
  const value = clone(m.value);
  const shown = JSON.stringify(value)?.slice(0, 60) ?? String(value);
  const valueText = Object.is(value, -0) ? '-0' : shown;
  if (m.kind === 'add') {
    const objects = locationsOf(root.v).filter((l) => {
      const v = getAt(root.v, l);
      return v !== null && typeof v === 'object' && !Array.isArray(v);
    });
    if (objects.length) {
      const loc = objects[m.target % objects.length];
      setOwn(getAt(root.v, loc) as object, m.key, value);
      return { input: root.v, description: `add key ${JSON.stringify(m.key)} = ${valueText} at ${where(loc)}` };
    }
  }
  const locs = locationsOf(root.v);
  const nonRoot = locs.filter((l) => l.length > 0);
  if (m.kind === 'delete' && nonRoot.length) {
    const loc = nonRoot[m.target % nonRoot.length];
    const parent = getAt(root.v, loc.slice(0, -1)) as Record<string, unknown> | unknown[];
    const last = loc[loc.length - 1];
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last as string];
    return { input: root.v, description: `delete ${where(loc)}` };
  }
  // replace (also the fallback when there is nothing to add to or delete)
  const loc = locs[m.target % locs.length];
  if (loc.length === 0) return { input: value, description: `replace $ with ${valueText}` };
  const parent = getAt(root.v, loc.slice(0, -1)) as Record<string, unknown>;
  setOwn(parent, String(loc[loc.length - 1]), value);
  return { input: root.v, description: `replace ${where(loc)} with ${valueText}` };
}
