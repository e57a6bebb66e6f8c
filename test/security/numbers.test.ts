/**
 * Guarantee 7: non-finite and unsafe numbers are rejected when given as JS
 * values (which JSON text cannot carry): NaN and ±Infinity in float and int
 * fields, 2^60 (and other integers beyond ±(2^53−1)) in int fields, on the
 * fast route and on the decorator route. Also in maps, scalar maps, lists and
 * free-form values, which must not silently turn them into `null`.
 */
import {
  ChatCompletionRequest,
  ChatCompletionResponse,
  CompletionLogprobs,
  DeltaToolCall,
  OpenAIBaseModel,
  ToolFunction,
  UsageInfo,
} from '../../src';
import { Model, Route, VALUE_ROUTES, at, startsWith } from './helpers';

type Path = readonly (string | number)[];
type Case = readonly [model: Model, base: Record<string, unknown>, path: Path];

const req = { model: 'm', messages: [] };
const M = (c: typeof OpenAIBaseModel): Model => c as unknown as Model;

/** Float fields and float positions (list items, map values). */
const FLOATS: readonly Case[] = [
  [M(ChatCompletionRequest), req, ['temperature']],
  [M(ChatCompletionRequest), req, ['top_p']],
  [M(ChatCompletionRequest), req, ['presence_penalty']],
  [M(ChatCompletionRequest), req, ['min_p']],
  [M(ChatCompletionRequest), req, ['logit_bias', '50256']],
  [M(UsageInfo), {}, ['tokens_per_second']],
  [M(UsageInfo), {}, ['processing_time']],
  [M(CompletionLogprobs), { tokens: ['a'], token_logprobs: [0] }, ['token_logprobs', 0]],
  [M(CompletionLogprobs), { tokens: ['a'], token_logprobs: [0] }, ['top_logprobs', 0, 'a']],
];

/** Int fields and int positions. */
const INTS: readonly Case[] = [
  [M(ChatCompletionRequest), req, ['max_tokens']],
  [M(ChatCompletionRequest), req, ['n']],
  [M(ChatCompletionRequest), req, ['top_k']],
  [M(ChatCompletionRequest), req, ['suppress_tokens', 0]],
  [M(UsageInfo), {}, ['prompt_tokens']],
  [M(UsageInfo), {}, ['completion_tokens']],
  [M(ChatCompletionResponse), { model: 'm', choices: [], usage: {} }, ['created']],
  [M(ChatCompletionResponse), { model: 'm', usage: {}, choices: [{ message: { role: 'assistant' } }] }, ['choices', 0, 'index']],
  [M(DeltaToolCall), {}, ['index']],
  [M(CompletionLogprobs), { tokens: ['a'], token_logprobs: [0] }, ['text_offset', 0]],
];

/** Positions that take any finite JSON number, kept as given. */
const SCALARS: readonly Case[] = [
  [M(ChatCompletionRequest), req, ['chat_template_kwargs', 'x']],
  [M(ChatCompletionRequest), req, ['extra']],
  [M(ChatCompletionRequest), req, ['extra', 'nested', 'deeper']],
  [M(ChatCompletionRequest), req, ['extra', 'list', 0]],
  [M(ToolFunction), { name: 'f' }, ['parameters', 'minimum']],
  [M(ToolFunction), { name: 'f' }, ['parameters', 'enum', 0]],
  [M(ChatCompletionRequest), { model: 'm', messages: [{ role: 'user' }] }, ['messages', 0, 'function_call', 'x']],
  [M(ChatCompletionRequest), { model: 'm', messages: [{ role: 'user', content: [{ type: 't' }] }] }, ['messages', 0, 'content', 0, 'x']],
  [M(ChatCompletionRequest), req, ['tool_choice', 'x']],
  [M(ChatCompletionRequest), req, ['function_call', 'x']],
];

const NON_FINITE = [NaN, Infinity, -Infinity];
const UNSAFE_INTS = [2 ** 60, -(2 ** 60), 2 ** 53, Number.MAX_VALUE, 1e20];

/** A deep copy of `base` with `value` written at `path` (creating objects and lists on the way). */
function withValue(base: Record<string, unknown>, path: Path, value: unknown): Record<string, unknown> {
  const root = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
  let o: Record<string | number, unknown> = root;
  path.forEach((k, i) => {
    if (i === path.length - 1) {
      o[k] = value;
      return;
    }
    const next = path[i + 1];
    if (o[k] === undefined || o[k] === null) o[k] = typeof next === 'number' ? [] : {};
    o = o[k] as Record<string | number, unknown>;
  });
  return root;
}

function rejectsAt(route: Route, [model, base, path]: Case, value: number): string {
  const out = route.run(model, { value: withValue(base, path, value) });
  if (out.ok) return `accepted; ${path.slice(0, -1).join('.') || '(root)'} became ${JSON.stringify(at(JSON.parse(JSON.stringify(out.inst)), path.slice(0, -1)))?.slice(0, 200)}`;
  // parse points at the value, or at the union holding it (message content); the decorator route may
  // stop at the top field (a list, a map or a union). Never at the root.
  const there = (loc: Path): boolean =>
    loc.length > 0 && (route.name === 'parse' ? startsWith(loc, path) || startsWith(path, loc) : startsWith(loc, path.slice(0, 1)));
  return out.issues.some((i) => there(i.loc)) ? 'rejected there' : `rejected elsewhere: ${JSON.stringify(out.issues.map((i) => i.loc))}`;
}

const label = ([model, , path]: Case): string => `${model.name}.${path.join('.')}`;

describe.each(VALUE_ROUTES.map((r) => [r.name, r] as const))('route %s', (_name, route) => {
  describe.each(FLOATS.map((c) => [label(c), c] as const))('float %s', (_l, c) => {
    it.each(NON_FINITE)('rejects %p', (v) => expect(rejectsAt(route, c, v)).toBe('rejected there'));
    it('accepts a finite value (the case itself is valid)', () => {
      const out = route.run(c[0], { value: withValue(c[1], c[2], -0.5) });
      expect(out.ok ? 'accepted' : JSON.stringify(out.issues)).toBe('accepted');
    });
  });

  describe.each(INTS.map((c) => [label(c), c] as const))('int %s', (_l, c) => {
    it.each([...NON_FINITE, ...UNSAFE_INTS, 0.5])('rejects %p', (v) => expect(rejectsAt(route, c, v)).toBe('rejected there'));
    it('accepts ±(2^53−1) (the case itself is valid)', () => {
      for (const v of [Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER]) {
        const out = route.run(c[0], { value: withValue(c[1], c[2], v) });
        expect(out.ok ? 'accepted' : JSON.stringify(out.issues)).toBe('accepted');
      }
    });
  });
});

describe('route parse: free-form and scalar positions', () => {
  // The decorator route keeps free-form values unchecked (class-validator only sees declared fields);
  // parse checks them, so JS-only values never reach the wire as `null`.
  const route = VALUE_ROUTES[0];
  describe.each(SCALARS.map((c) => [label(c), c] as const))('%s', (_l, c) => {
    it.each(NON_FINITE)('rejects %p', (v) => expect(rejectsAt(route, c, v)).toBe('rejected there'));
    it('accepts 2^60 and -0 as they are (any finite number)', () => {
      for (const v of [2 ** 60, -0]) {
        const out = route.run(c[0], { value: withValue(c[1], c[2], v) });
        expect(out.ok ? 'accepted' : JSON.stringify(out.issues)).toBe('accepted');
      }
    });
  });
});

describe('non-finite numbers as strings (JSON can carry these)', () => {
  it.each(['NaN', 'nan', 'Infinity', '-Infinity', 'inf', '1e999', '-1e400'])('float field rejects %j on both routes', (s) => {
    for (const route of VALUE_ROUTES) expect(rejectsAt(route, FLOATS[0], s as unknown as number)).toBe('rejected there');
  });

  it.each(['1e3', '9007199254740993', '1152921504606846976', '0x10', '5.5'])('int field rejects %j on both routes', (s) => {
    for (const route of VALUE_ROUTES) expect(rejectsAt(route, INTS[0], s as unknown as number)).toBe('rejected there');
  });
});
