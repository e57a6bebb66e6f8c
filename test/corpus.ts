/** Loads the conformance corpus and compares results the way the acceptance criteria say. */
import * as fs from 'fs';
import * as path from 'path';
import * as lib from '../src';
import type { LocKey } from '../src';

/** One line of a conformance corpus (`test/corpora/*.jsonl`). */
export interface Case {
  id: number;
  model: string;
  input: unknown;
  ok: boolean;
  dump?: Record<string, unknown>;
  locs?: LocKey[][];
}

/** The corpora shipped with the repository (copies of the shared conformance corpora). */
export const CORPORA_DIR = path.resolve(__dirname, 'corpora');

/** The corpus file the suite runs: `$OAI_CONFORMANCE_CORPUS`, or the in-repo copy of `public-v2.jsonl` (second edition). */
export const CORPUS_PATH = process.env.OAI_CONFORMANCE_CORPUS ?? path.join(CORPORA_DIR, 'public-v2.jsonl');

/** Every case of the corpus at `file`, one a line, in file order. */
export function loadCorpus(file = CORPUS_PATH): Case[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Case);
}

/** The exported model class named by a case. */
export function modelClass(name: string): typeof lib.OpenAIBaseModel {
  const cls = (lib as unknown as Record<string, unknown>)[name];
  if (typeof cls !== 'function') throw new Error(`no exported model ${name}`);
  return cls as typeof lib.OpenAIBaseModel;
}

const SHAPES: Record<string, (v: unknown) => boolean> = {
  'chat-hex': (v) => typeof v === 'string' && /^chat-[0-9a-f]{32}$/.test(v),
  'cmpl-hex': (v) => typeof v === 'string' && /^cmpl-[0-9a-f]{32}$/.test(v),
  'unix-seconds': (v) => Number.isSafeInteger(v) && Math.abs((v as number) - Date.now() / 1000) < 3600,
};

/**
 * Compares a dump with the corpus's expected one. Generated defaults appear in
 * the corpus as `{"$generated": "chat-hex" | "cmpl-hex" | "unix-seconds"}` and
 * are matched by shape. Returns a description of the first difference, or null.
 */
export function diffDump(expected: unknown, actual: unknown, path = '$'): string | null {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected) && '$generated' in expected) {
    const shape = (expected as { $generated: string }).$generated;
    const check = SHAPES[shape];
    if (!check) return `${path}: unknown shape ${shape}`;
    return check(actual) ? null : `${path}: ${JSON.stringify(actual)} is not ${shape}`;
  }
  if (expected === null || typeof expected !== 'object') {
    return Object.is(expected, actual) || expected === actual ? null : `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
  }
  if (actual === null || typeof actual !== 'object' || Array.isArray(expected) !== Array.isArray(actual)) {
    return `${path}: expected ${JSON.stringify(expected).slice(0, 80)}, got ${JSON.stringify(actual)?.slice(0, 80)}`;
  }
  const ek = Object.keys(expected);
  const ak = Object.keys(actual);
  if (!Array.isArray(expected) && ek.join('\u0000') !== ak.join('\u0000')) {
    return `${path}: keys ${JSON.stringify(ak)} (expected ${JSON.stringify(ek)}, same order)`;
  }
  if (Array.isArray(expected) && ek.length !== ak.length) return `${path}: length ${ak.length}, expected ${ek.length}`;
  for (const k of ek) {
    const d = diffDump((expected as Record<string, unknown>)[k], (actual as Record<string, unknown>)[k], `${path}.${k}`);
    if (d) return d;
  }
  return null;
}

/** True when `loc` starts with `prefix` (keys compared as strings). */
export function startsWith(loc: readonly LocKey[], prefix: readonly LocKey[]): boolean {
  return prefix.length <= loc.length && prefix.every((k, i) => String(loc[i]) === String(k));
}
