/** A location step: an object key or an array index. */
export type LocKey = string | number;

/** A link in the path from the root to a value; `undefined` is the root. */
export interface PathNode {
  readonly up: PathNode | undefined;
  readonly key: LocKey;
}

/** One validation error, located like Pydantic's. */
export interface Issue {
  /** Keys and array indexes from the root to the bad value; `[]` is the root. */
  loc: LocKey[];
  /** A Pydantic-style error type, such as `int_parsing` or `missing`. */
  type: string;
  /** A readable message, such as `Input should be a valid integer`. */
  msg: string;
  /** The offending input, cut short when large (see `ProtocolValidationError`). */
  input?: unknown;
}

/** Marks a value that failed to parse; the reasons are in the context's issues. */
export const INVALID: unique symbol = Symbol('oai-protocols.invalid');

/** Deepest nesting of a free-form JSON value (an extra, a `dict`) that parse follows before it reports `too_deep`. */
export const MAX_DEPTH = 512;

/** Turns a path into a location list. */
export function locOf(up: PathNode | undefined, key?: LocKey): LocKey[] {
  const loc: LocKey[] = key === undefined ? [] : [key];
  for (let node = up; node; node = node.up) loc.push(node.key);
  return loc.reverse();
}

/**
 * State of one parse: the issues found so far and whether the input is owned
 * (fresh from `JSON.parse`, so free-form values need no defensive copy).
 */
export class ParseContext {
  readonly issues: Issue[] = [];
  /** Free-form objects of a JS input on the path being copied, to catch a cycle. */
  onPath?: Set<object>;
  /** How many free-form objects of a JS input were copied so far. */
  copied = 0;
  /**
   * With protocol checks on, a per-entry check for one top-level map field
   * (logit_bias's, from the checks table): that map runs `entryTest` on each
   * key and kept value while it parses them, and sets `entriesPassed`, so the
   * checks need not list its keys again (listing integer keys such as token ids
   * is slow in V8). `entriesPassed` stays undefined when the map was not parsed.
   */
  entryField: string | undefined = undefined;
  /** The test of `entryField`'s entries: true when an entry passes. */
  entryTest: ((key: string, value: unknown) => boolean) | undefined = undefined;
  /** Whether every entry of `entryField` passed `entryTest`; undefined until that map is parsed. */
  entriesPassed: boolean | undefined = undefined;
  constructor(readonly owned = false) {}

  /** Records an issue at `up` + `key` and returns INVALID. */
  fail(up: PathNode | undefined, key: LocKey | undefined, type: string, msg: string, input: unknown): typeof INVALID {
    this.issues.push({ loc: locOf(up, key), type, msg, input });
    return INVALID;
  }
}

/**
 * The kinds of value a built-in type can accept at all, as bits (see `kindOf`):
 * a union skips a member that is sure to reject the value's kind, instead of
 * running it and taking back the issue it records. Types not listed may take any kind.
 */
const ACCEPTED_KINDS = new WeakMap<object, number>();

/** A string. */
export const KIND_STRING = 1;
/** A number. */
export const KIND_NUMBER = 2;
/** A boolean. */
export const KIND_BOOLEAN = 4;
/** An array. */
export const KIND_ARRAY = 8;
/** A non-null object that is not an array. */
export const KIND_OBJECT = 16;
/** Anything else (null, undefined, a function, a symbol, a bigint). */
export const KIND_OTHER = 32;
const ANY_KIND = 63;

/** The kind bit of `value`. */
export function kindOf(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return KIND_STRING;
    case 'number':
      return KIND_NUMBER;
    case 'boolean':
      return KIND_BOOLEAN;
    case 'object':
      return value === null ? KIND_OTHER : Array.isArray(value) ? KIND_ARRAY : KIND_OBJECT;
    default:
      return KIND_OTHER;
  }
}

/** Declares that `type`'s parse rejects (with issues only, no other effect) every value whose kind is not in `kinds`; returns `type`. */
export function acceptsKinds<T extends object>(type: T, kinds: number): T {
  ACCEPTED_KINDS.set(type, kinds);
  return type;
}

/** The kinds `type` may accept (every kind when it declared none). */
export function acceptedKinds(type: object): number {
  return ACCEPTED_KINDS.get(type) ?? ANY_KIND;
}

/** A test for values a type's `parse` returns as they are, with no issue and no other effect. */
export type AsIsTest = (value: unknown) => boolean;
/** The same test as a JavaScript expression over the variable named `v` (for generated code). */
export type AsIsSource = (v: string) => string;

const AS_IS = new WeakMap<object, { readonly test: AsIsTest; readonly source: AsIsSource }>();

/**
 * Declares that `type`'s parse returns every value the expression `source`
 * accepts unchanged, recording nothing. Stated once, used twice: lists and maps
 * of it run the test as a function and keep such items without calling
 * `parse`; the compiled parse plan (engine.ts) inlines the expression for a
 * field of the type. Returns `type`.
 * @example keepsAsIs(strType, (v) => `typeof ${v} === "string"`)
 */
export function keepsAsIs<T extends object>(type: T, source: AsIsSource): T {
  const test = new Function('v', `return ${source('v')};`) as AsIsTest;
  AS_IS.set(type, { test, source });
  return type;
}

/** The as-is test `type` declared, if any. */
export function asIsTest(type: object): AsIsTest | undefined {
  return AS_IS.get(type)?.test;
}

/** The as-is test `type` declared, as an expression over a variable, if any. */
export function asIsSource(type: object): AsIsSource | undefined {
  return AS_IS.get(type)?.source;
}

/** Builds a child path node. */
export function child(up: PathNode | undefined, key: LocKey | undefined): PathNode | undefined {
  return key === undefined ? up : { up, key };
}
