/**
 * The opt-in protocol-checks layer: `Model.parse(input, { checks })`, the
 * pipes' `checks` option and `registerCheck` for a subclass's own rules.
 * The rules themselves are the table in ./rules.ts.
 *
 * Loaded lazily by `parse` (it imports the request classes, which import the model base).
 */
import type { Issue } from '../fields/context';
import { ChatCompletionRequest } from '../models/chat';
import { CompletionRequest } from '../models/completions';
import { DEFAULT_MAX_LOGPROBS, PROTOCOL_RULES, valueError } from './rules';
import type { BuiltinRule, ProtocolLimits, ProtocolRule, RequestKind, RequestView } from './rules';

export { DEFAULT_MAX_LOGPROBS, PROTOCOL_RULES, valueError };
export type { BuiltinRule, ProtocolLimits, ProtocolRule, RequestKind, RequestView };

/** The `checks` option of `parse` and the pipes: `true` (default limits), a `ProtocolLimits`, or off. */
export type ProtocolChecks = boolean | ProtocolLimits;

/** The limits `checks: true` stands for: `maxLogprobs` 20, no vocabulary size, no `maxN`. */
export const DEFAULT_PROTOCOL_LIMITS: Readonly<ProtocolLimits> = Object.freeze({ maxLogprobs: DEFAULT_MAX_LOGPROBS });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyClass = abstract new (...args: any[]) => object;

/** Rules registered on each class itself (not inherited ones). */
const OWN_RULES = new WeakMap<AnyClass, ProtocolRule[]>();
/** Where a class caches every rule that applies to it (an own, non-enumerable property), with the registry version. */
const RESOLVED = Symbol('oai-protocols.protocolRules');
/** Bumped by each registration, so cached rule lists are rebuilt. */
let version = 0;
type Resolved = { version: number; rules: readonly ProtocolRule[] };

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

/** Every rule that applies to `cls`: the built-in ones for its kind, then those registered from the root class down. */
export function rulesFor(cls: AnyClass): readonly ProtocolRule[] {
  if (Object.prototype.hasOwnProperty.call(cls, RESOLVED)) {
    const cached = (cls as unknown as { [RESOLVED]: Resolved })[RESOLVED];
    if (cached.version === version) return cached.rules;
  }
  const kind = kindOf(cls);
  const builtin: ProtocolRule[] = kind ? PROTOCOL_RULES.filter((r) => r.kinds.includes(kind)) : [];
  const chain: AnyClass[] = [];
  for (let c: unknown = cls; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    chain.unshift(c as AnyClass);
  }
  const rules = Object.freeze([...new Set([...builtin, ...chain.flatMap((c) => [...mappedRules(c), ...(OWN_RULES.get(c) ?? [])])])]);
  if (Object.isExtensible(cls)) {
    Object.defineProperty(cls, RESOLVED, { value: { version, rules }, enumerable: false, configurable: true, writable: true });
  }
  return rules;
}

/** The limits a `checks` option stands for; undefined when checks are off. */
export function limitsOf(checks: ProtocolChecks | undefined): Readonly<ProtocolLimits> | undefined {
  if (checks === undefined || checks === false) return undefined;
  return checks === true ? DEFAULT_PROTOCOL_LIMITS : checks;
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
  const limits = limitsOf(checks);
  if (!limits) return [];
  const out: Issue[] = [];
  const view = instance as RequestView;
  const rules = rulesFor(instance.constructor as AnyClass);
  for (let i = 0; i < rules.length; i++) {
    const found = rules[i].check(view, limits);
    if (found) for (let j = 0; j < found.length; j++) out.push(found[j]);
  }
  return out;
}
