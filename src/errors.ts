import type { ValidationError } from 'class-validator';
import type { Issue, LocKey } from './fields/context';
import { FIELD_CONSTRAINT, OPTIONAL_CONSTRAINT, badOptionalFields, explain, fieldOf, fieldsOf } from './fields/field';

export type { Issue, LocKey };

/** Longest input echo kept in an issue or message, in characters. */
const ECHO_LIMIT = 80;
/** Most issues listed in an error's message; `.issues` keeps all of them. */
const MESSAGE_ISSUE_LIMIT = 100;

/** A short, bounded rendering of any value (never walks more than `budget` characters' worth). */
function render(value: unknown, budget: number, depth = 0): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > budget ? value.slice(0, budget) : value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value !== 'object') return `[${typeof value}]`;
  if (depth > 3) return Array.isArray(value) ? '[…]' : '{…}';
  const parts: string[] = [];
  let used = 2;
  const isArray = Array.isArray(value);
  let keys: string[];
  try {
    keys = Object.keys(value);
  } catch {
    return '{…}';
  }
  for (const k of keys) {
    if (used > budget) {
      parts.push('…');
      break;
    }
    let v: unknown;
    try {
      v = (value as Record<string, unknown>)[k];
    } catch {
      v = '[unreadable]';
    }
    const item = (isArray ? '' : `${JSON.stringify(k)}: `) + render(v, budget - used, depth + 1);
    parts.push(item);
    used += item.length + 2;
  }
  return isArray ? `[${parts.join(', ')}]` : `{${parts.join(', ')}}`;
}

/** Cuts an input echo down to a bounded, JSON-friendly value. */
export function briefInput(value: unknown): unknown {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'string') return value.length > ECHO_LIMIT ? `${value.slice(0, ECHO_LIMIT)}…` : value;
  if (value === undefined) return undefined;
  const text = render(value, ECHO_LIMIT);
  return text.length > ECHO_LIMIT ? `${text.slice(0, ECHO_LIMIT)}…` : text;
}

function inputType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Thrown by `Model.parse` when input is rejected: every issue found, each at
 * its field's location, like Pydantic's `ValidationError`.
 *
 * @example
 * try { ChatCompletionRequest.parse(body) } catch (e) {
 *   if (e instanceof ProtocolValidationError) console.log(e.issues[0].loc) // ["messages", 0, "role"]
 * }
 */
export class ProtocolValidationError extends Error {
  /** Every error found, in field order. Input echoes are cut short. */
  readonly issues: Issue[];
  /** The model that rejected the input. */
  readonly model: string;

  constructor(issues: Issue[], model: string) {
    const cut = issues.map((i) => ({ ...i, loc: briefLoc(i.loc), input: briefInput(i.input) }));
    super(formatIssues(cut, issues, model));
    this.name = 'ProtocolValidationError';
    this.issues = cut;
    this.model = model;
  }
}

/** A location with long keys cut, and long paths shortened to their ends. */
function briefLoc(loc: readonly LocKey[]): LocKey[] {
  const keys = loc.map((k) => (typeof k === 'string' && k.length > ECHO_LIMIT ? `${k.slice(0, ECHO_LIMIT)}…` : k));
  return keys.length > 16 ? [...keys.slice(0, 12), '…', ...keys.slice(-3)] : keys;
}

/** Renders issues the way Pydantic prints a `ValidationError` (locations already cut, inputs raw). */
function formatIssues(cut: Issue[], raw: Issue[], model: string): string {
  const n = cut.length;
  const lines = [`${n} validation error${n === 1 ? '' : 's'} for ${model}`];
  for (let i = 0; i < Math.min(n, MESSAGE_ISSUE_LIMIT); i++) {
    const issue = cut[i];
    const input = raw[i].input;
    lines.push(issue.loc.length ? issue.loc.join('.') : '(root)');
    const echo =
      input === undefined
        ? ''
        : `, input_value=${typeof input === 'string' ? JSON.stringify(input.length > ECHO_LIMIT ? `${input.slice(0, ECHO_LIMIT)}…` : input) : render(input, ECHO_LIMIT)}, input_type=${inputType(input)}`;
    lines.push(`  ${issue.msg} [type=${issue.type}${echo}]`);
  }
  if (n > MESSAGE_ISSUE_LIMIT) lines.push(`… and ${n - MESSAGE_ISSUE_LIMIT} more errors (see .issues)`);
  return lines.join('\n');
}

/** The dotted form of a location, as OpenAI's `param`: `messages.0.role`; the root is `null`. */
export function dottedLoc(loc: readonly LocKey[]): string | null {
  return loc.length ? loc.join('.') : null;
}

/**
 * Where `parse` would report an error among its siblings: class-validator lists
 * a class's own fields before its parents', `parse` in declaration order
 * (parents first), and array items by index. Unknown ones keep their place, last.
 */
function rankOf(error: ValidationError): number {
  const target: unknown = error.target;
  if (Array.isArray(target)) return /^\d+$/.test(error.property) ? Number(error.property) : Number.MAX_SAFE_INTEGER;
  if (target !== null && typeof target === 'object') {
    const at = fieldsOf(target.constructor).findIndex((f) => f.name === error.property);
    if (at >= 0) return at;
  }
  return Number.MAX_SAFE_INTEGER;
}

/**
 * The error of the optional-fields constraint, as one field error per bad
 * optional field (when the error keeps its target), so each is explained and
 * ordered like any other field's.
 */
function expandOptional(error: ValidationError): ValidationError[] {
  const target: unknown = error.target;
  if (!error.constraints?.[OPTIONAL_CONSTRAINT] || target === null || typeof target !== 'object') return [error];
  const rest = { ...error.constraints };
  delete rest[OPTIONAL_CONSTRAINT];
  const fields = badOptionalFields(target).map((spec) => {
    const value = (target as Record<string, unknown>)[spec.name];
    return Object.assign(Object.create(Object.getPrototypeOf(error) as object) as ValidationError, {
      target,
      value,
      property: spec.name,
      children: [],
      constraints: { [FIELD_CONSTRAINT]: `${spec.name}: invalid` },
    });
  });
  return Object.keys(rest).length ? [{ ...error, constraints: rest } as ValidationError, ...fields] : fields;
}

/**
 * Converts class-validator's errors (from the decorator route, e.g. NestJS's
 * `ValidationPipe`) into located issues. This library's own constraints are
 * re-explained with their field rule, so they carry the same type, message and
 * (where the rule can tell) the same deeper location as `parse`, in `parse`'s
 * order. Pass errors made with class-validator's default `validationError.target`
 * (NestJS 12's ValidationPipe turns it off; `OpenAIValidationPipe` turns it on).
 */
export function issuesFromValidationErrors(errors: readonly ValidationError[]): Issue[] {
  const out: Issue[] = [];
  const inOrder = (list: readonly ValidationError[]): ValidationError[] =>
    list
      .flatMap(expandOptional)
      .map((error, i) => ({ error, i, rank: rankOf(error) }))
      .sort((a, b) => a.rank - b.rank || a.i - b.i)
      .map(({ error }) => error);
  const walk = (err: ValidationError, prefix: LocKey[], parentValue: unknown): void => {
    const key: LocKey = Array.isArray(parentValue) && /^\d+$/.test(err.property) ? Number(err.property) : err.property;
    const loc = [...prefix, key];
    const constraints = err.constraints ?? {};
    const names = Object.keys(constraints);
    if (names.includes(OPTIONAL_CONSTRAINT)) {
      // No target to re-check (class-validator's `validationError.target: false`): the message names the field.
      const msg = constraints[OPTIONAL_CONSTRAINT];
      const at = msg.indexOf(': ');
      out.push({ loc: [...prefix, msg.slice(0, at).split('.')[0]], type: 'value_error', msg: msg.slice(at + 2), input: undefined });
    } else if (names.includes(FIELD_CONSTRAINT)) {
      const target = err.target as object | undefined;
      const spec = target && typeof target === 'object' ? fieldOf(target.constructor, err.property) : undefined;
      const found = spec ? explain(spec, err.value) : [];
      for (const e of found) out.push({ loc: [...loc, ...e.loc], type: e.type, msg: e.msg, input: briefInput(e.input) });
      // The field rule re-checked the whole value, nested models included, so
      // class-validator's @ValidateNested children would only repeat its issues.
      if (found.length) return;
      const msg = constraints[FIELD_CONSTRAINT];
      out.push({ loc, type: 'value_error', msg: msg.slice(msg.indexOf(': ') + 2), input: briefInput(err.value) });
    } else {
      for (const name of names) {
        const type = name === 'nestedValidation' ? 'model_type' : name;
        out.push({ loc, type, msg: constraints[name], input: briefInput(err.value) });
      }
    }
    for (const c of inOrder(err.children ?? [])) walk(c, loc, err.value);
  };
  for (const e of inOrder(errors)) walk(e, [], undefined);
  return out;
}
