/**
 * The protocol checks on `parse`, `safeParse` and `parseJson`: every row of
 * issue 12's table accepts its passing bodies and refuses its failing ones at
 * the offending field; with checks off, every one of these bodies parses.
 */
import {
  ChatCompletionRequest,
  CompletionRequest,
  DEFAULT_MAX_LOGPROBS,
  PROTOCOL_RULES,
  ProtocolValidationError,
  checkProtocol,
  dottedLoc,
  errorBodyFromIssues,
  registerCheck,
  valueError,
} from '../../src';
import type { Issue, ModelStatic, OpenAIBaseModel } from '../../src';
import { CASES, bodyOf } from './cases';
import type { CheckCase } from './cases';

const classOf = (c: CheckCase): ModelStatic<OpenAIBaseModel> => (c.kind === 'chat' ? ChatCompletionRequest : CompletionRequest);
const label = (c: CheckCase) => `${c.row}: ${c.name} (${c.kind})${c.loc ? ` is refused at ${dottedLoc(c.loc)}` : ' passes'}`;

describe('every row of the table has a passing and a failing body', () => {
  const rows = [...new Set(CASES.map((c) => c.row))];
  test.each(rows)('%s', (row) => {
    expect(CASES.some((c) => c.row === row && c.loc)).toBe(true);
    expect(CASES.some((c) => c.row === row && !c.loc)).toBe(true);
  });
});

describe.each(CASES)('$row: $name', (c) => {
  test(label(c), () => {
    const cls = classOf(c);
    const body = bodyOf(c);
    const before = JSON.stringify(body);
    const result = cls.safeParse(body, { checks: c.checks ?? true });
    expect(JSON.stringify(body)).toBe(before);
    if (!c.loc) {
      if (!result.success) throw result.error;
      expect(JSON.stringify(result.data)).toBe(JSON.stringify(cls.parse(body)));
      return;
    }
    expect(result.success).toBe(false);
    if (result.success) return;
    const [first] = result.error.issues;
    expect(result.error).toBeInstanceOf(ProtocolValidationError);
    expect(result.error.model).toBe(cls.name);
    expect(first.loc).toEqual(c.loc);
    expect(result.error.issues.every((i) => i.type === 'value_error')).toBe(true);
    expect(first.msg.length).toBeGreaterThan(10);
    expect(errorBodyFromIssues(result.error.issues).error.param).toBe(dottedLoc(c.loc));
    // parse throws the same error, parseJson too; checkProtocol on the instance parsed without checks finds the same issues.
    const brief = (issues: readonly Issue[]) => issues.map((i) => [i.loc, i.type, i.msg]);
    expect(brief(checkProtocol(cls.parse(body), c.checks ?? true))).toEqual(brief(result.error.issues));
    expect(() => cls.parse(body, { checks: c.checks ?? true })).toThrow(result.error.message);
    expect(() => cls.parseJson(JSON.stringify(body), { checks: c.checks ?? true })).toThrow(result.error.message);
  });

  test('with checks off (no option, false), the body parses as it does today', () => {
    const cls = classOf(c);
    const body = bodyOf(c);
    const plain = cls.safeParse(body);
    expect(plain.success).toBe(true);
    expect(cls.safeParse(body, { checks: false }).success).toBe(true);
    expect(cls.safeParse(body, {}).success).toBe(true);
  });
});

describe('options and limits', () => {
  const chat = (extra: object) => ({ model: 'm', messages: [{ role: 'user', content: 'hi' }], ...extra });

  test('checks: true stands for maxLogprobs 20, and a limits object without maxLogprobs keeps 20', () => {
    expect(DEFAULT_MAX_LOGPROBS).toBe(20);
    const body = chat({ logprobs: true, top_logprobs: 21 });
    for (const checks of [true, {}, { vocabSize: 10 }] as const) {
      const r = ChatCompletionRequest.safeParse(body, { checks });
      expect(r.success ? [] : r.error.issues.map((i) => i.msg)).toEqual(['top_logprobs must be at most 20 (the server\'s max_logprobs), got 21']);
    }
    expect(ChatCompletionRequest.safeParse(body, { checks: { maxLogprobs: Infinity } }).success).toBe(true);
  });

  test('checks run on a body the type layer accepted: type errors alone are reported', () => {
    const r = ChatCompletionRequest.safeParse(chat({ max_tokens: 'x', stream_options: {} }), { checks: true });
    expect(r.success ? [] : r.error.issues.map((i) => [i.loc, i.type])).toEqual([[['max_tokens'], 'int_parsing']]);
  });

  test('several broken rules are all reported, in the order of the table', () => {
    const r = ChatCompletionRequest.safeParse(chat({ temperature: 3, stream_options: {}, stop: '' }), { checks: true });
    expect(r.success ? [] : r.error.issues.map((i) => dottedLoc(i.loc))).toEqual(['stream_options', 'temperature', 'stop']);
  });

  test('the bench request passes the checks', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const body = require('../../bench/data/chat_request.json') as object;
    const r = ChatCompletionRequest.safeParse(body, { checks: true });
    if (!r.success) throw r.error;
  });

  test('a long input echo is cut as type errors are', () => {
    const r = ChatCompletionRequest.safeParse(chat({ stream_options: { x: 'y'.repeat(500) } }), { checks: true });
    expect(r.success).toBe(false);
    if (!r.success) expect(String(r.error.issues[0].input).length).toBeLessThanOrEqual(81);
  });

  test('tool_choice in the custom form names a custom tool (checked on a built instance)', () => {
    const req = new ChatCompletionRequest({
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
      tools: [{ type: 'custom', custom: { name: 'grep' } } as never],
      tool_choice: { type: 'custom', custom: { name: 'grep' } },
    });
    expect(checkProtocol(req)).toEqual([]);
    const other = req.copy({ tool_choice: { type: 'custom', custom: { name: 'sed' } } });
    expect(checkProtocol(other).map((i) => [i.loc, i.msg])).toEqual([[['tool_choice'], 'tool_choice names custom tool "sed", which is not in tools']]);
  });

  test('a token-id prompt is checked against vocabSize (checked on built instances)', () => {
    const flat = new CompletionRequest({ model: 'm', prompt: [1, 2, 100] as never });
    expect(checkProtocol(flat, { vocabSize: 100 }).map((i) => i.loc)).toEqual([['prompt', 2]]);
    expect(checkProtocol(flat, { vocabSize: 101 })).toEqual([]);
    expect(checkProtocol(flat, true)).toEqual([]);
    const nested = new CompletionRequest({ model: 'm', prompt: [[1], [7, 200]] as never });
    expect(checkProtocol(nested, { vocabSize: 100 }).map((i) => i.loc)).toEqual([['prompt', 1, 1]]);
  });

  test('every built-in rule finds nothing when its first field is absent (the compiled runner skips it then)', () => {
    let tried = 0;
    for (const c of CASES.filter((x) => x.loc)) {
      const limits = c.checks ?? true;
      const instance = classOf(c).parse(bodyOf(c));
      for (const rule of PROTOCOL_RULES.filter((r) => r.kinds.includes(c.kind) && r.fields[0] === c.loc![0])) {
        const before = rule.check(instance as never, limits === true ? { maxLogprobs: DEFAULT_MAX_LOGPROBS } : limits);
        expect(before?.length).toBeGreaterThan(0);
        for (const absent of [null, undefined]) {
          const view = { ...instance, [rule.fields[0]]: absent };
          expect(rule.check(view, limits === true ? { maxLogprobs: DEFAULT_MAX_LOGPROBS } : limits) ?? []).toEqual([]);
        }
        tried++;
      }
    }
    expect(tried).toBeGreaterThanOrEqual(20);
  });

  test('logit_bias keys parse left out (an undefined value in a JS input) are not checked', () => {
    const body = chat({ logit_bias: { '198': 1, hello: undefined, '5': undefined } });
    const r = ChatCompletionRequest.safeParse(body, { checks: true });
    if (!r.success) throw r.error;
    expect(r.data.logit_bias).toEqual({ '198': 1 });
    const bad = ChatCompletionRequest.safeParse(chat({ logit_bias: { hello: undefined, '7': 101 } }), { checks: true });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.loc)).toEqual([['logit_bias', '7']]);
  });

  test('a nested map is not taken for the top-level logit_bias: its keys are the request\'s own', () => {
    // parseJson owns its input and checks maps in place; parse copies them: both report the same keys.
    const body = chat({ logit_bias: { '1': 5, bad: 2 }, metadata: { a: 'b' } });
    for (const r of [ChatCompletionRequest.safeParse(body, { checks: true }), (() => {
      try {
        return { success: true as const, data: ChatCompletionRequest.parseJson(JSON.stringify(body), { checks: true }) };
      } catch (error) {
        return { success: false as const, error: error as ProtocolValidationError };
      }
    })()]) {
      expect(r.success ? [] : r.error.issues.map((i) => i.loc)).toEqual([['logit_bias', 'bad']]);
    }
  });

  test('checkProtocol with checks off finds nothing', () => {
    const req = new ChatCompletionRequest({ model: 'm', messages: [], temperature: 9 });
    expect(checkProtocol(req, false)).toEqual([]);
    expect(checkProtocol(req).map((i) => i.loc)).toEqual([['temperature']]);
  });

  test('the rules table covers every field of the issue, with the kinds it names', () => {
    const byField = Object.fromEntries(PROTOCOL_RULES.map((r) => [r.fields[0], [...r.kinds]]));
    expect(byField).toEqual({
      stream_options: ['chat', 'completion'],
      top_logprobs: ['chat'],
      logprobs: ['completion'],
      tool_choice: ['chat'],
      n: ['chat', 'completion'],
      temperature: ['chat', 'completion'],
      top_p: ['chat', 'completion'],
      top_k: ['chat', 'completion'],
      min_p: ['chat', 'completion'],
      presence_penalty: ['chat', 'completion'],
      frequency_penalty: ['chat', 'completion'],
      repetition_penalty: ['chat', 'completion'],
      max_tokens: ['chat', 'completion'],
      max_completion_tokens: ['chat', 'completion'],
      min_tokens: ['chat', 'completion'],
      logit_bias: ['chat', 'completion'],
      stop: ['chat', 'completion'],
      messages: ['chat'],
      stop_token_ids: ['chat', 'completion'],
      prompt: ['completion'],
    });
  });
});

describe('a subclass adds its own check', () => {
  class TenantChatRequest extends ChatCompletionRequest {}
  class StrictTenantChatRequest extends TenantChatRequest {}
  registerCheck(TenantChatRequest, {
    fields: ['max_tokens'],
    check: (r) => (r.max_tokens > 1024 ? [valueError(['max_tokens'], 'max_tokens must be at most 1024 on this plan', r.max_tokens)] : undefined),
  });
  registerCheck(StrictTenantChatRequest, {
    fields: ['user'],
    check: (r) => (r.user === null ? [valueError(['user'], 'user is required', null)] : undefined),
  });
  const body = (extra: object) => ({ model: 'm', messages: [{ role: 'user', content: 'hi' }], ...extra });

  test('its issues join the built-in ones, at its field', () => {
    const r = TenantChatRequest.safeParse(body({ max_tokens: 4096, temperature: -1 }), { checks: true });
    expect(r.success ? [] : r.error.issues.map((i) => [i.loc, i.type, i.msg])).toEqual([
      [['temperature'], 'value_error', 'temperature must be between 0 and 2, got -1'],
      [['max_tokens'], 'value_error', 'max_tokens must be at most 1024 on this plan'],
    ]);
    expect(TenantChatRequest.safeParse(body({ max_tokens: 1024 }), { checks: true }).success).toBe(true);
  });

  test('subclasses inherit it, and add theirs after it; the parent class is untouched', () => {
    const r = StrictTenantChatRequest.safeParse(body({ max_tokens: 2000 }), { checks: true });
    expect(r.success ? [] : r.error.issues.map((i) => dottedLoc(i.loc))).toEqual(['max_tokens', 'user']);
    expect(ChatCompletionRequest.safeParse(body({ max_tokens: 2000 }), { checks: true }).success).toBe(true);
  });

  test('it runs only with checks on', () => {
    expect(TenantChatRequest.safeParse(body({ max_tokens: 4096 })).success).toBe(true);
  });
});
