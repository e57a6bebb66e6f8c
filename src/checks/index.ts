/**
 * The opt-in protocol-checks layer: `Model.parse(input, { checks })`, the
 * pipes' `checks` option and `registerCheck` for a subclass's own rules.
 * The rules themselves are the table in ./rules.ts.
 *
 * Loaded lazily by `parse` (it imports the request classes, which import the model base).
 */
import type { Issue, ParseContext } from '../fields/context';
import { ChatCompletionRequest } from '../models/chat';
import { CompletionRequest } from '../models/completions';
import { DEFAULT_MAX_LOGPROBS, PROTOCOL_RULES, valueError } from './rules';
import type { BuiltinRule, NumberRange, ProtocolLimits, ProtocolRule, RequestKind, RequestView } from './rules';

export { DEFAULT_MAX_LOGPROBS, PROTOCOL_RULES, valueError };
export type { BuiltinRule, NumberRange, ProtocolLimits, ProtocolRule, RequestKind, RequestView };

/** The `checks` option of `parse` and the pipes: `true` (default limits), a `ProtocolLimits`, or off. */
export type ProtocolChecks = boolean | ProtocolLimits;

/** The limits `checks: true` stands for: `maxLogprobs` 20, no vocabulary size, no `maxN`. */
export const DEFAULT_PROTOCOL_LIMITS: Readonly<ProtocolLimits> = Object.freeze({ maxLogprobs: DEFAULT_MAX_LOGPROBS });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyClass = abstract new (...args: any[]) => object;

/** Rules registered on each class itself (not inherited ones). */
const OWN_RULES = new WeakMap<AnyClass, ProtocolRule[]>();
/** Bumped by each registration, so compiled runners are rebuilt. */
let version = 0;

/**
 * Adds a protocol check to `cls` and to its subclasses. It runs after the
 * built-in rules whenever `parse`, `safeParse`, `parseJson` or a pipe runs
 * with `checks` on, and its issues join theirs.
 *
 * @example
 * class TenantChatRequest extends ChatCompletionRequest {}
 * registerCheck(TenantChatRequest, {
 *   fields: ['max_tokens'],
 *   check: (r) => (r.max_tokens > 1024 ? [valueError(['max_tokens'], 'max_tokens must be at most 1024', r.max_tokens)] : undefined),
 * });
 */
export function registerCheck<C extends AnyClass>(cls: C, rule: ProtocolRule<InstanceType<C>>): void {
  const own = OWN_RULES.get(cls) ?? [];
  own.push(rule as unknown as ProtocolRule);
  OWN_RULES.set(cls, own);
  version++;
}

/** What a mapped model (`PickModel` & co.) takes its rules from: its bases, the fields it keeps, and whether a user's rules come too. */
interface MappedFrom {
  readonly sources: readonly AnyClass[];
  readonly fields: ReadonlySet<string>;
  readonly builtinOnly: boolean;
}
const MAPPED_FROM = new WeakMap<AnyClass, MappedFrom>();

/**
 * Gives a mapped model the protocol rules of its bases that read only fields
 * it keeps: the built-in ones of their request kind and, unless `builtinOnly`
 * (a `PartialModel`, whose fields may all be absent, which a user's rule may
 * not expect), those registered on the bases. Subclasses get them too.
 */
export function inheritChecks(target: AnyClass, sources: readonly AnyClass[], fields: Iterable<string>, builtinOnly: boolean): void {
  MAPPED_FROM.set(target, { sources, fields: new Set(fields), builtinOnly });
  version++;
}

/** The rules a mapped model takes from its bases (none for another class). */
function mappedRules(cls: AnyClass): ProtocolRule[] {
  const from = MAPPED_FROM.get(cls);
  if (!from) return [];
  const builtin = new Set<ProtocolRule>(PROTOCOL_RULES);
  return from.sources
    .flatMap((source) => rulesFor(source))
    .filter((rule) => (!from.builtinOnly || builtin.has(rule)) && rule.fields.every((f) => from.fields.has(f)));
}

/** The built-in rules' request kind of a class: chat, completion, or none. */
function kindOf(cls: AnyClass): RequestKind | undefined {
  if (cls === ChatCompletionRequest || cls.prototype instanceof ChatCompletionRequest) return 'chat';
  if (cls === CompletionRequest || cls.prototype instanceof CompletionRequest) return 'completion';
  return undefined;
}

/**
 * The built-in rules for `cls`'s kind (with those a mapped model takes from its
 * bases), in the table's order, and the other rules: registered from the root
 * class down, a mapped model's inherited ones at its place in the chain.
 */
function rulesOf(cls: AnyClass): { builtin: readonly BuiltinRule[]; own: readonly ProtocolRule[] } {
  const kind = kindOf(cls);
  const chain: AnyClass[] = [];
  for (let c: unknown = cls; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    chain.unshift(c as AnyClass);
  }
  const table = new Set<ProtocolRule>(PROTOCOL_RULES);
  const taken = new Set<ProtocolRule>(chain.flatMap((c) => mappedRules(c)).filter((r) => table.has(r)));
  const builtin = PROTOCOL_RULES.filter((r) => (kind !== undefined && r.kinds.includes(kind)) || taken.has(r));
  const own = [...new Set(chain.flatMap((c) => [...mappedRules(c).filter((r) => !table.has(r)), ...(OWN_RULES.get(c) ?? [])]))];
  return { builtin, own };
}

/** Every rule that applies to `cls`: the built-in ones for its kind, in the table's order, then those registered from the root class down. */
export function rulesFor(cls: AnyClass): readonly ProtocolRule[] {
  const { builtin, own } = rulesOf(cls);
  return Object.freeze([...builtin, ...own]);
}

/** One class's rules compiled into a single function: the issues, or undefined when the request breaks none. */
type Runner = (request: RequestView, limits: Readonly<ProtocolLimits>, entriesPassed: string | undefined) => Issue[] | undefined;

/** Where a class caches its compiled runner (an own, non-enumerable property), with the class and registry version. */
const RUNNER = Symbol('oai-protocols.protocolRunner');
interface CachedRunner {
  readonly cls: AnyClass;
  readonly version: number;
  readonly run: Runner;
  /** The map field whose entries `parse` tests as it goes (the first row with an `entry`), and that test. */
  readonly entryField: string | undefined;
  readonly entry: BuiltinRule['entry'];
  /** The entry test bound to the limits it was last made for. */
  testLimits: Readonly<ProtocolLimits> | undefined;
  test: ((key: string, value: unknown) => boolean) | undefined;
}

/** A number as JavaScript source (`Infinity` and `-Infinity` included). */
const numberSource = (n: number): string => (Number.isFinite(n) ? String(n) : n > 0 ? 'Infinity' : '-Infinity');

/**
 * Compiles the rules of `cls` into one function, like the parse plan
 * (src/engine.ts): each field is read with its wire name as a constant. A range
 * row's bounds are tested inline and its `check` is called only to report; any
 * other built-in row is called only when its first field is there (they find
 * nothing otherwise); a registered rule is always called. Nothing is allocated
 * unless an issue is found. Field names only appear as JSON string literals.
 */
function compile(cls: AnyClass): Runner {
  const { builtin, own } = rulesOf(cls);
  const lines: string[] = [];
  builtin.forEach((rule, i) => {
    lines.push(`v = r[${JSON.stringify(rule.fields[0])}];`);
    const range = rule.range;
    if (range) {
      const lo = `${range.minOpen ? 'v > ' : 'v >= '}${numberSource(range.min)}`;
      const hi = range.max === Infinity ? '' : ` && v <= ${numberSource(range.max)}`;
      lines.push(`if (typeof v === "number" && !(${lo}${hi})) out = add(out, B[${i}].check(r, L));`);
    } else {
      // A row on a map's entries is skipped when parse ran its entry test on every entry and all passed (E names that field).
      const skip = rule.entry ? ` && E !== ${JSON.stringify(rule.fields[0])}` : '';
      lines.push(`if (v !== undefined && v !== null${skip}) { f = B[${i}].check(r, L); if (f !== undefined && f.length !== 0) out = add(out, f); }`);
    }
  });
  own.forEach((_rule, j) => lines.push(`f = U[${j}].check(r, L); if (f !== undefined && f.length !== 0) out = add(out, f);`));
  const factory = new Function('B', 'U', 'add', `return function checkRequest(r, L, E) {\n  let v, f, out;\n  ${lines.join('\n  ')}\n  return out;\n};`);
  return factory(builtin, own, addIssues) as Runner;
}

/** Appends `found` to `out` (made when needed). */
function addIssues(out: Issue[] | undefined, found: readonly Issue[] | undefined): Issue[] | undefined {
  if (found === undefined || found.length === 0) return out;
  if (out === undefined) return found.slice();
  for (let i = 0; i < found.length; i++) out.push(found[i]);
  return out;
}

/** The compiled runner of `cls`, cached on the class itself (a subclass sees its parent's through the prototype chain, so the class is checked). */
function runnerOf(cls: AnyClass): CachedRunner {
  const cached = (cls as unknown as { [RUNNER]?: CachedRunner })[RUNNER];
  if (cached !== undefined && cached.cls === cls && cached.version === version) return cached;
  const withEntry = rulesOf(cls).builtin.find((r) => r.entry);
  const made: CachedRunner = {
    cls,
    version,
    run: compile(cls),
    entryField: withEntry?.fields[0],
    entry: withEntry?.entry,
    testLimits: undefined,
    test: undefined,
  };
  if (Object.isExtensible(cls)) {
    Object.defineProperty(cls, RUNNER, { value: made, enumerable: false, configurable: true, writable: true });
  }
  return made;
}

/**
 * Before `parse` with checks on: hands the parse context the entry test of the
 * class's map row (logit_bias), so the map tests its entries while parsing them.
 */
export function prepareParse(cls: AnyClass, checks: ProtocolChecks, ctx: ParseContext): void {
  const runner = runnerOf(cls);
  const entry = runner.entry;
  const limits = limitsOf(checks);
  if (entry === undefined || limits === undefined) return;
  if (runner.testLimits !== limits || runner.test === undefined) {
    runner.testLimits = limits;
    runner.test = (key, value) => entry(key, value, limits) === undefined;
  }
  ctx.entryField = runner.entryField;
  ctx.entryTest = runner.test;
}

/** The limits a `checks` option stands for; undefined when checks are off. */
export function limitsOf(checks: ProtocolChecks | undefined): Readonly<ProtocolLimits> | undefined {
  if (checks === undefined || checks === false) return undefined;
  return checks === true ? DEFAULT_PROTOCOL_LIMITS : checks;
}

/**
 * The protocol issues of a parsed request, or undefined when it breaks no rule
 * (or checks are off): what `parse` runs, with nothing allocated on a clean request.
 * `entriesPassed` names the map field whose entries parse tested, all passing (see `prepareParse`).
 */
export function protocolIssues(instance: object, checks: ProtocolChecks | undefined, entriesPassed?: string): Issue[] | undefined {
  const limits = limitsOf(checks);
  return limits === undefined ? undefined : runnerOf(instance.constructor as AnyClass).run(instance as RequestView, limits, entriesPassed);
}

/**
 * The protocol issues of a parsed (well-typed) request: every rule that
 * applies to its class, under `checks`' limits. Empty when checks are off or
 * the request breaks no rule.
 *
 * @example
 * const issues = checkProtocol(ChatCompletionRequest.parse(body), { maxLogprobs: 5 });
 */
export function checkProtocol(instance: object, checks: ProtocolChecks = true): Issue[] {
  return protocolIssues(instance, checks) ?? [];
}
