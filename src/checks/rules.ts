/**
 * The protocol checks: the cross-field and range rules an OpenAI-compatible
 * serving engine (vLLM) applies to a well-typed request before generating.
 * One row per field, in the order of issue 12's table; a row names the request
 * kinds it holds for, the wire fields it reads, and the issues it finds.
 *
 * Every rule reads the parsed instance by wire name and checks the JSON type
 * of what it reads: a value of another type (or an absent one) is the type
 * layer's business, and the rule says nothing about it.
 */
import type { Issue, LocKey } from '../fields/context';
import { fieldsSetOf } from '../engine';

/** The request kinds the built-in rules tell apart. */
export type RequestKind = 'chat' | 'completion';

/** Server-side limits. Each check that needs one is skipped when it is not given. */
export interface ProtocolLimits {
  /** vLLM's `max_logprobs`: the most `top_logprobs` (chat) or `logprobs` (completion); default 20. `Infinity` lifts it. */
  maxLogprobs?: number;
  /** The vocabulary size: token ids in `logit_bias`, `stop_token_ids` and a token-id `prompt` must be below it. */
  vocabSize?: number;
  /** The most choices (`n`) one request may ask for. */
  maxN?: number;
}

/** A request as a rule sees it: the parsed instance, read by wire name. */
export type RequestView = Readonly<Record<string, unknown>>;

/**
 * One protocol check: the fields it reads and a function that returns the
 * issues it finds (none: `undefined` or `[]`), each built with `valueError`.
 */
export interface ProtocolRule<T extends object = RequestView> {
  /** The wire names of the fields it reads (the first is the one it reports on). */
  readonly fields: readonly string[];
  /** Finds the issues of one parsed request under the given limits. */
  readonly check: (request: T & RequestView, limits: Readonly<ProtocolLimits>) => readonly Issue[] | undefined;
}

/** The bounds of a range row: refused below `min` (or at it, when `minOpen`) and above `max`. */
export interface NumberRange {
  readonly min: number;
  /** True when `min` itself is refused (`top_p` ≤ 0). */
  readonly minOpen: boolean;
  readonly max: number;
}

/**
 * A built-in rule: a `ProtocolRule` and the request kinds it holds for. Every
 * built-in rule finds nothing when its first field is absent (undefined or
 * null), so the compiled runner (./index.ts) calls it only when that field is
 * there. A range row also gives its bounds, which the runner inlines as the
 * passing test (its `check` is built from the same bounds and reports); a
 * row on a map's entries gives its `entry` test, and its `check` applies it to each.
 */
export interface BuiltinRule extends ProtocolRule {
  /** The request kinds it applies to. */
  readonly kinds: readonly RequestKind[];
  /**
   * For a row on the entries of a map: the issue of one entry (none: undefined).
   * `parse` runs it on each entry as it parses the map, so the runner calls
   * `check` (which lists the keys) only when an entry failed or parse did not run it.
   */
  readonly entry?: (key: string, value: unknown, limits: Readonly<ProtocolLimits>) => Issue | undefined;
  /** For a row on one number field: the bounds its `check` enforces. */
  readonly range?: NumberRange;
}

/** vLLM's default `max_logprobs`, used when `ProtocolLimits.maxLogprobs` is not given (and for `checks: true`). */
export const DEFAULT_MAX_LOGPROBS = 20;

/** An issue of a protocol check: `type: "value_error"` at `loc`, with the offending input. */
export function valueError(loc: LocKey[], msg: string, input: unknown): Issue {
  return { loc, type: 'value_error', msg, input };
}

const BOTH: readonly RequestKind[] = ['chat', 'completion'];
const CHAT: readonly RequestKind[] = ['chat'];
const COMPLETION: readonly RequestKind[] = ['completion'];

const isNumber = (v: unknown): v is number => typeof v === 'number';
const isInt = (v: unknown): v is number => Number.isInteger(v);
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const absent = (v: unknown): boolean => v === undefined || v === null;

/**
 * A rule on one number field: refused below `min` (or at it, when `minOpen`)
 * and above `max`; `text` says what is allowed. The bounds stay on the row
 * (`range`), so the compiled runner tests them inline; `check` reports.
 */
function numberRule(field: string, min: number, minOpen: boolean, max: number, text: string): BuiltinRule {
  return {
    kinds: BOTH,
    fields: [field],
    range: { min, minOpen, max },
    check: (r) => {
      const v = r[field];
      if (typeof v !== 'number' || (v > min && v <= max) || (v === min && !minOpen)) return undefined;
      return [valueError([field], `${field} ${text}, got ${v}`, v)];
    },
  };
}

/** A rule on each entry of a map field (both kinds): `entry` finds one entry's issue; `check` lists the keys and applies it. */
function entriesRule(field: string, entry: NonNullable<BuiltinRule['entry']>): BuiltinRule {
  return {
    kinds: BOTH,
    fields: [field],
    entry,
    check: (r, limits) => {
      const map = r[field];
      if (!isObject(map)) return undefined;
      let out: Issue[] | undefined;
      const keys = Object.keys(map);
      for (let i = 0; i < keys.length; i++) {
        const issue = entry(keys[i], map[keys[i]], limits);
        if (issue) (out ??= []).push(issue);
      }
      return out;
    },
  };
}

/** Whether `field` was sent (is in the fields set); a value on an instance whose fields set is not tracked counts as sent. */
function wasSent(r: RequestView, field: string): boolean {
  const set = fieldsSetOf(r);
  return set === undefined || set.includes(field);
}

/** Whether a logit_bias key is a decimal token id (digits only). */
function isDecimalId(key: string): boolean {
  if (key.length === 0) return false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** `top_logprobs` (chat) and `logprobs` (completion): at least 0, at most `maxLogprobs`. */
function logprobsCount(field: string, v: number, limits: Readonly<ProtocolLimits>): Issue | undefined {
  const max = limits.maxLogprobs ?? DEFAULT_MAX_LOGPROBS;
  if (v < 0) return valueError([field], `${field} must be a non-negative integer, got ${v}`, v);
  if (v > max) return valueError([field], `${field} must be at most ${max} (the server's max_logprobs), got ${v}`, v);
  return undefined;
}

/** The token ids of a list, each below `vocabSize`, located under `loc`; issues are added to `out` (made when needed). */
function idsInVocab(list: unknown, loc: LocKey[], what: string, vocab: number | undefined, out?: Issue[]): Issue[] | undefined {
  if (vocab === undefined || !Array.isArray(list)) return out;
  for (let i = 0; i < list.length; i++) {
    const id: unknown = list[i];
    if (isNumber(id) && id >= vocab) {
      (out ??= []).push(valueError([...loc, i], `${what} ${id} is out of the vocabulary (size ${vocab})`, id));
    }
  }
  return out;
}

/** The name a `tool_choice` object names, or undefined when it has neither accepted form. */
function namedChoice(choice: Record<string, unknown>): { type: string; name: string } | undefined {
  const type = choice.type;
  if (type !== 'function' && type !== 'custom') return undefined;
  const inner = choice[type];
  return isObject(inner) && typeof inner.name === 'string' ? { type, name: inner.name } : undefined;
}

/** Whether `tools` offers a tool of this type and name (`function.name`, or `custom.name` for a custom tool). */
function offers(tools: readonly unknown[], type: string, name: string): boolean {
  for (let i = 0; i < tools.length; i++) {
    const t = tools[i];
    if (!isObject(t)) continue;
    const ttype = t.type ?? 'function';
    const inner = ttype === 'custom' ? t.custom : t.function;
    if (ttype === type && isObject(inner) && inner.name === name) return true;
  }
  return false;
}

/** A `tool_choice` issue. */
const choiceError = (msg: string, choice: unknown): Issue[] => [valueError(['tool_choice'], msg, choice)];

/** The strings `tool_choice` may be. */
const isToolChoiceString = (s: string): boolean => s === 'auto' || s === 'none' || s === 'required';

/** The built-in rules, in the order of issue 12's table. */
export const PROTOCOL_RULES: readonly BuiltinRule[] = Object.freeze([
  // stream_options | present while `stream` is not true | stream_options
  {
    kinds: BOTH,
    fields: ['stream_options', 'stream'],
    check: (r) =>
      !absent(r.stream_options) && r.stream !== true
        ? [valueError(['stream_options'], 'stream_options can only be given when stream is true', r.stream_options)]
        : undefined,
  },
  // top_logprobs (chat) | given while `logprobs` is not true; < 0; > maxLogprobs | top_logprobs
  {
    kinds: CHAT,
    fields: ['top_logprobs', 'logprobs'],
    check: (r, limits) => {
      const v = r.top_logprobs;
      if (!isNumber(v)) return undefined;
      const range = logprobsCount('top_logprobs', v, limits);
      const unasked = r.logprobs !== true;
      if (!range && !unasked) return undefined;
      const out = range ? [range] : [];
      if (unasked) out.push(valueError(['top_logprobs'], 'logprobs must be true when top_logprobs is given', v));
      return out;
    },
  },
  // logprobs (completion) | < 0 or > maxLogprobs | logprobs
  {
    kinds: COMPLETION,
    fields: ['logprobs'],
    check: (r, limits) => {
      const issue = isNumber(r.logprobs) ? logprobsCount('logprobs', r.logprobs, limits) : undefined;
      return issue && [issue];
    },
  },
  // tool_choice | a string other than none/auto/required; auto, required or an object while tools is empty
  // or absent; an object not {"type": "function", "function": {"name": str}} (or the custom form);
  // a named tool not in tools | tool_choice
  {
    kinds: CHAT,
    fields: ['tool_choice', 'tools'],
    check: (r) => {
      const choice = r.tool_choice;
      const tools = r.tools;
      const hasTools = Array.isArray(tools) && tools.length > 0;
      if (typeof choice === 'string') {
        if (!isToolChoiceString(choice)) return choiceError('tool_choice must be "none", "auto", "required" or a named tool', choice);
        return choice !== 'none' && !hasTools ? choiceError(`tool_choice "${choice}" needs a non-empty tools list`, choice) : undefined;
      }
      if (!isObject(choice)) return undefined;
      const named = namedChoice(choice);
      if (!named) {
        return choiceError('tool_choice must be {"type": "function", "function": {"name": …}} or {"type": "custom", "custom": {"name": …}}', choice);
      }
      if (!hasTools) return choiceError('a named tool_choice needs a non-empty tools list', choice);
      return offers(tools, named.type, named.name)
        ? undefined
        : choiceError(`tool_choice names ${named.type} tool "${named.name}", which is not in tools`, choice);
    },
  },
  // n | < 1, or > maxN | n
  {
    kinds: BOTH,
    fields: ['n'],
    check: (r, limits) => {
      const v = r.n;
      if (!isNumber(v)) return undefined;
      if (v < 1) return [valueError(['n'], `n must be at least 1, got ${v}`, v)];
      if (limits.maxN !== undefined && v > limits.maxN) return [valueError(['n'], `n must be at most ${limits.maxN}, got ${v}`, v)];
      return undefined;
    },
  },
  // temperature | < 0 or > 2
  numberRule('temperature', 0, false, 2, 'must be between 0 and 2'),
  // top_p | ≤ 0 or > 1
  numberRule('top_p', 0, true, 1, 'must be in (0, 1]'),
  // top_k | < -1
  numberRule('top_k', -1, false, Infinity, 'must be -1 or 0 (no limit), or at least 1'),
  // min_p | < 0 or > 1
  numberRule('min_p', 0, false, 1, 'must be between 0 and 1'),
  // presence_penalty, frequency_penalty | < -2 or > 2
  numberRule('presence_penalty', -2, false, 2, 'must be between -2 and 2'),
  numberRule('frequency_penalty', -2, false, 2, 'must be between -2 and 2'),
  // repetition_penalty | ≤ 0
  numberRule('repetition_penalty', 0, true, Infinity, 'must be greater than 0'),
  // max_tokens, max_completion_tokens | < 1
  numberRule('max_tokens', 1, false, Infinity, 'must be at least 1'),
  numberRule('max_completion_tokens', 1, false, Infinity, 'must be at least 1'),
  // min_tokens | < 0, or > max_tokens (or max_completion_tokens when given) | min_tokens
  // Only a sent max_tokens / max_completion_tokens counts (as in vLLM): max_tokens' default (128) does not.
  {
    kinds: BOTH,
    fields: ['min_tokens', 'max_tokens', 'max_completion_tokens'],
    check: (r) => {
      const v = r.min_tokens;
      if (!isNumber(v)) return undefined;
      if (v < 0) return [valueError(['min_tokens'], `min_tokens must be at least 0, got ${v}`, v)];
      const mct = r.max_completion_tokens;
      const mt = r.max_tokens;
      // The passing path: at most every cap there is, sent or not.
      if ((!isNumber(mct) || v <= mct) && (!isNumber(mt) || v <= mt)) return undefined;
      const capName = isNumber(mct) && wasSent(r, 'max_completion_tokens') ? 'max_completion_tokens' : isNumber(mt) && wasSent(r, 'max_tokens') ? 'max_tokens' : undefined;
      const cap = capName && (r[capName] as number);
      return capName && v > (cap as number)
        ? [valueError(['min_tokens'], `min_tokens must be at most ${capName} (${cap}), got ${v}`, v)]
        : undefined;
    },
  },
  // logit_bias | a key that is not a decimal token id; a value outside [-100, 100]; an id ≥ vocabSize | ["logit_bias", key]
  entriesRule('logit_bias', (key, v, limits) => {
    if (!isDecimalId(key)) return valueError(['logit_bias', key], 'logit_bias keys must be token ids (decimal integers)', key);
    const vocab = limits.vocabSize;
    if (vocab !== undefined && Number(key) >= vocab) return valueError(['logit_bias', key], `token id ${key} is out of the vocabulary (size ${vocab})`, key);
    if (isNumber(v) && (v < -100 || v > 100)) return valueError(['logit_bias', key], `logit_bias values must be between -100 and 100, got ${v}`, v);
    return undefined;
  }),
  // stop | an empty string | stop (["stop", i] for an item of a list)
  {
    kinds: BOTH,
    fields: ['stop'],
    check: (r) => {
      const stop = r.stop;
      const msg = 'stop sequences must not be empty';
      if (stop === '') return [valueError(['stop'], msg, stop)];
      if (!Array.isArray(stop)) return undefined;
      let out: Issue[] | undefined;
      for (let i = 0; i < stop.length; i++) if (stop[i] === '') (out ??= []).push(valueError(['stop', i], msg, ''));
      return out;
    },
  },
  // messages (chat) | a tool message without tool_call_id | ["messages", i, "tool_call_id"]
  {
    kinds: CHAT,
    fields: ['messages'],
    check: (r) => {
      const messages = r.messages;
      if (!Array.isArray(messages)) return undefined;
      let out: Issue[] | undefined;
      for (let i = 0; i < messages.length; i++) {
        const m = messages[i] as { role?: unknown; tool_call_id?: unknown } | null;
        if (m !== null && typeof m === 'object' && m.role === 'tool' && absent(m.tool_call_id)) {
          (out ??= []).push(valueError(['messages', i, 'tool_call_id'], 'a tool message must have a tool_call_id', m.tool_call_id ?? null));
        }
      }
      return out;
    },
  },
  // stop_token_ids | an id ≥ vocabSize | ["stop_token_ids", i]
  {
    kinds: BOTH,
    fields: ['stop_token_ids'],
    check: (r, limits) => idsInVocab(r.stop_token_ids, ['stop_token_ids'], 'token id', limits.vocabSize),
  },
  // prompt (completion, token ids) | an id ≥ vocabSize | ["prompt", i] or ["prompt", i, j]
  {
    kinds: COMPLETION,
    fields: ['prompt'],
    check: (r, limits) => {
      const prompt = r.prompt;
      if (limits.vocabSize === undefined || !Array.isArray(prompt)) return undefined;
      if (prompt.some(isInt)) return idsInVocab(prompt, ['prompt'], 'prompt token id', limits.vocabSize);
      let out: Issue[] | undefined;
      for (let i = 0; i < prompt.length; i++) out = idsInVocab(prompt[i], ['prompt', i], 'prompt token id', limits.vocabSize, out);
      return out;
    },
  },
]);
