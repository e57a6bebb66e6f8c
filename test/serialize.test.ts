/**
 * The compiled serialisers (`stringify`, used by `sseEvent`) against the
 * generic path they replace, `JSON.stringify(instance)`: byte-identical over
 * every corpus record that parses, constructed chunks and responses, edge
 * values, subclasses, mutated instances and fast-check generated ones.
 */
import fc from 'fast-check';
import {
  ChatCompletionRequest,
  ChatCompletionResponse,
  ChatCompletionResponseChoice,
  ChatCompletionStreamResponse,
  ChatCompletionStreamResponseChoice,
  ChatMessage,
  CompletionResponse,
  CompletionStreamResponse,
  DeltaMessage,
  DeltaToolCall,
  OpenAIBaseModel,
  StrField,
  UsageInfo,
  sseEvent,
  stringify,
} from '../src';
import type { ModelInit } from '../src';
import * as path from 'path';
import { CORPORA_DIR, CORPUS_PATH, loadCorpus, modelClass } from './corpus';

/** Asserts the compiled output is today's generic `JSON.stringify` output, for `stringify` and `sseEvent`. */
function same(value: unknown): string | undefined {
  const oracle = JSON.stringify(value);
  expect(stringify(value)).toBe(oracle);
  if (oracle !== undefined) expect(sseEvent(value)).toBe(`data: ${oracle}\n\n`);
  return oracle;
}

function chunk(delta: ModelInit<DeltaMessage> = { content: 'tok' }, extra: Record<string, unknown> = {}): ChatCompletionStreamResponse {
  return new ChatCompletionStreamResponse({
    id: 'chat-0123456789abcdef0123456789abcdef',
    created: 1_717_171_717,
    model: 'meta-llama/Llama-3.1-8B-Instruct',
    choices: [new ChatCompletionStreamResponseChoice({ index: 0, delta: new DeltaMessage(delta) })],
    ...extra,
  });
}

function response(content: string | null = 'Paris is 18°C and cloudy.'): ChatCompletionResponse {
  return new ChatCompletionResponse({
    model: 'm',
    choices: [new ChatCompletionResponseChoice({ index: 0, message: new ChatMessage({ role: 'assistant', content }), finish_reason: 'stop' })],
    usage: new UsageInfo({ prompt_tokens: 412, completion_tokens: 57, total_tokens: 469, tokens_per_second: 38.5, processing_time: 1.48 }),
  });
}

/**
 * Both corpora: the second edition the suite runs, and the first edition
 * (test/corpora/public.jsonl), kept for this test only; whatever parses under
 * today's semantics must serialise byte for byte as JSON.stringify does.
 */
const CORPORA: Array<[string, string]> = [
  ['second edition', CORPUS_PATH],
  ['first edition', path.join(CORPORA_DIR, 'public.jsonl')],
];

describe.each(CORPORA)('every %s corpus record that parses', (_edition, file) => {
  const cases = loadCorpus(file);
  let parsed = 0;
  const byModel = new Map<string, number>();
  test.each(cases.map((c) => [c.id, c] as const))('record %s', (_id, c) => {
    const result = modelClass(c.model).safeParse(c.input);
    if (!result.success) return;
    parsed++;
    byModel.set(c.model, (byModel.get(c.model) ?? 0) + 1);
    same(result.data);
  });
  afterAll(() => {
    // The corpus holds requests and responses of every kind that parse (not an empty walk).
    expect(parsed).toBeGreaterThan(800);
    for (const m of ['ChatCompletionRequest', 'ChatCompletionResponse', 'ChatCompletionStreamResponse', 'CompletionResponse', 'CompletionStreamResponse']) {
      expect(byModel.get(m) ?? 0).toBeGreaterThan(50);
    }
  });
});

describe('constructed chunks and responses', () => {
  test('the bench chunk and response, and the same with generated id and created', () => {
    expect(same(chunk())).toBe(
      '{"id":"chat-0123456789abcdef0123456789abcdef","object":"chat.completion.chunk","created":1717171717,' +
        '"model":"meta-llama/Llama-3.1-8B-Instruct","choices":[{"index":0,"delta":{"role":null,"content":"tok",' +
        '"function_call":null,"tool_calls":null},"finish_reason":null}],"usage":null}',
    );
    same(response());
    same(new ChatCompletionStreamResponse({ model: 'm', choices: [] }));
    same(new ChatCompletionResponse());
    same(new CompletionResponse({ model: 'm', choices: [{ index: 0, text: 'hi', finish_reason: 'length' }] }));
    same(new CompletionStreamResponse({ model: 'm', choices: [{ index: 0, text: 'hi' }] }));
  });

  test('a built chunk is written by the compiled code, not handed to JSON.stringify', () => {
    const c = chunk();
    const spy = jest.spyOn(JSON, 'stringify');
    try {
      const out = stringify(c);
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
      expect(out).toBe(JSON.stringify(c));
    } finally {
      spy.mockRestore();
    }
  });

  test('nested models given as plain objects, tool-call deltas, usage, optional fields present and absent', () => {
    same(chunk({ role: 'assistant', tool_calls: [new DeltaToolCall({ index: 0, id: 'call_1', function: { name: 'f', arguments: '{"a":' } })] }));
    same(chunk({ refusal: 'no', reasoning_content: null }, { usage: new UsageInfo({ prompt_tokens: 1 }), system_fingerprint: 'fp', service_tier: null }));
    same(new ChatCompletionStreamResponse({ model: 'm', choices: [{ index: 0, delta: { content: 'x' }, finish_reason: 'stop', stop_reason: 7 }] }));
    same(new ChatMessage({ role: 'user', content: [{ type: 'text', text: 'a' }, { type: 'image_url', image_url: { url: 'u' } }] }));
  });
});

describe('values JSON.stringify writes in its own way', () => {
  test.each([
    ['quotes and backslashes', 'say "hi" \\ bye'],
    ['control characters', 'a\nb\tc\u0000d\u001fe\u007f'],
    ['a lone high surrogate', 'x\ud800y'],
    ['a lone low surrogate at the end', 'x\udfff'],
    ['a paired surrogate (emoji)', 'ok 😀'],
    ['line separators', 'a\u2028b\u2029c'],
    ['non-ASCII', 'Paris 18°C, 東京'],
    ['empty', ''],
    ['short with a quote', 'a"'],
    ['long plain', 'x'.repeat(10_000)],
    ['long with an escape at the end', 'x'.repeat(10_000) + '\n'],
  ])('content with %s', (_name, content) => {
    same(chunk({ content }));
    same(response(content));
    same(chunk({}, { [content]: content }));
  });

  test.each([
    ['-0', -0],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
    ['a huge number', 1e300],
    ['a tiny number', 5e-324],
    ['a fraction', 0.1 + 0.2],
  ])('numbers: %s', (_name, n) => {
    const c = chunk();
    c.created = n;
    c.choices[0].index = n;
    same(c);
    same(new UsageInfo({ prompt_tokens: n, tokens_per_second: n }));
  });

  test('toJSON of nested values gets its key; Date, boxed primitives, functions, symbols, undefined, holes', () => {
    const seen: string[] = [];
    const withKey = { toJSON: (key: string) => (seen.push(key), `k=${key}`) };
    const c = chunk({}, {
      when: new Date(0),
      boxed: [new Number(3), new String('s'), new Boolean(false)],
      keyed: withKey,
      inList: [withKey, undefined, () => 1, Symbol('s')],
      // eslint-disable-next-line no-sparse-arrays
      holes: [1, , 3],
      fn: () => 1,
      sym: Symbol('s'),
      undef: undefined,
      nested: { deep: { d: new Date(1), m: new UsageInfo() } },
    });
    c.choices[0].delta.function_call = { name: 'f', toJSON: () => ({ replaced: true }) };
    same(c);
    // Once for the oracle, once for stringify, once for sseEvent: each time with the property's key.
    expect(seen).toEqual(['keyed', '0', 'keyed', '0', 'keyed', '0']);
  });

  test('a BigInt throws the same error; with BigInt.prototype.toJSON both write it', () => {
    const c = chunk({}, { big: BigInt(7) });
    expect(() => JSON.stringify(c)).toThrow(TypeError);
    expect(() => stringify(c)).toThrow(TypeError);
    const proto = BigInt.prototype as unknown as { toJSON?: () => string };
    proto.toJSON = function (this: bigint) {
      return this.toString();
    };
    try {
      same(c);
    } finally {
      delete proto.toJSON;
    }
  });

  test('a cycle throws TypeError on both paths; deep nesting of models falls back', () => {
    const c = chunk();
    (c.choices[0].delta as unknown as Record<string, unknown>).up = c;
    expect(() => JSON.stringify(c)).toThrow(TypeError);
    expect(() => stringify(c)).toThrow(TypeError);
    const d = chunk();
    (d.choices[0] as unknown as Record<string, unknown>).delta = d;
    expect(() => stringify(d)).toThrow(TypeError);
    let deep: OpenAIBaseModel = new DeltaMessage({ content: 'bottom' });
    for (let i = 0; i < 300; i++) deep = new DeltaMessage({ content: String(i), below: deep });
    same(deep);
    let list: unknown = ['bottom'];
    for (let i = 0; i < 300; i++) list = [list];
    same(chunk({}, { list }));
  });

  test('an own __proto__ key in a dict and in extras', () => {
    const dict = JSON.parse('{"__proto__": {"x": 1}, "a": 2}') as Record<string, unknown>;
    const c = chunk({ function_call: dict });
    same(c);
    const req = ChatCompletionRequest.parse(JSON.parse('{"model":"m","messages":[],"metadata":{"__proto__":"1"},"__proto__":{"y":2}}'));
    same(req);
  });
});

describe('subclasses', () => {
  class TenantChunk extends ChatCompletionStreamResponse {
    @StrField({ nullable: true }) tenant: string | null = null;
    constructor(init?: ModelInit<TenantChunk>) {
      super(init);
      if (init?.tenant !== undefined) this.tenant = init.tenant;
    }
  }
  class Redacted extends ChatCompletionStreamResponse {
    override toJSON(key?: string): Record<string, unknown> {
      const out = { ...super.toJSON(), id: 'redacted' };
      return key === undefined ? out : out;
    }
  }
  class Plain extends DeltaMessage {
    note = 'an undecorated property';
  }

  test('a subclass with an extra field, one overriding toJSON, one with an undecorated property', () => {
    const base = chunk();
    same(new TenantChunk({ ...base, tenant: 't1' }));
    same(new TenantChunk({ ...base }));
    const r = new Redacted({ ...base });
    same(r);
    expect(stringify(r)).toContain('"id":"redacted"');
    same(new Plain({ content: 'x' }));
    same(chunk({}, { choices: [new ChatCompletionStreamResponseChoice({ index: 0, delta: new Plain({ content: 'y' }) })] }));
  });

  test('a subclass of a parsed class keeps its extras in input order', () => {
    const parsed = TenantChunk.parse({ ...JSON.parse(JSON.stringify(chunk())), zeta: 1, tenant: 'a', alpha: [1] });
    same(parsed);
  });
});

describe('instances changed after construction', () => {
  test('a field set, a property added, deleted, deleted and re-added, set to undefined', () => {
    const c = chunk();
    c.model = 'other "model"';
    same(c);
    (c as unknown as Record<string, unknown>).extra = { a: 1 };
    same(c);
    delete (c as unknown as Record<string, unknown>).usage;
    same(c);
    c.usage = new UsageInfo();
    same(c);
    (c as unknown as Record<string, unknown>).object = undefined;
    same(c);
    (c.choices[0].delta as unknown as Record<string, unknown>).content = undefined;
    same(c);
  });

  test('fields given values of other types', () => {
    const c = chunk();
    const loose = c as unknown as Record<string, unknown>;
    for (const v of [42, 'x', true, null, { a: 1 }, [1, 'two'], new UsageInfo(), () => 1, new Date(5)]) {
      loose.id = v;
      loose.created = v;
      loose.choices = v;
      loose.usage = v;
      (c.choices as unknown) = Array.isArray(v) ? v : [v];
      same(c);
    }
  });

  test('an index key, an enumerable prototype property, an own toJSON, a getter, a non-enumerable property', () => {
    const c = chunk();
    (c as unknown as Record<string, unknown>)['0'] = 'index';
    same(c);
    const d = chunk();
    Object.defineProperty(d, 'hidden', { value: 1, enumerable: false });
    Object.defineProperty(d, 'computed', { get: () => 'got', enumerable: true });
    same(d);
    const e = chunk();
    Object.defineProperty(e, 'toJSON', { value: () => ({ own: true }), enumerable: false });
    same(e);
    expect(stringify(e)).toBe('{"own":true}');
    class WithProto extends DeltaMessage {}
    (WithProto.prototype as unknown as Record<string, unknown>).inherited = 1;
    same(new WithProto({ content: 'z' }));
  });

  test('copy() and dump() results', () => {
    const c = chunk();
    same(c.copy({ model: 'copied' }));
    same(c.copy(undefined, { deep: true }));
    same(c.dump({ excludeNone: true }));
  });
});

describe('fast-check', () => {
  // Any UTF-16 code units, lone surrogates and control characters included.
  const anyString = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 60 });
  const json = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      anyString,
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(anyString, tie('value'), { maxKeys: 4 }),
    ),
  })).value;

  test('chunks with any content, extras and field values', () => {
    fc.assert(
      fc.property(anyString, fc.dictionary(anyString, json, { maxKeys: 4 }), fc.array(fc.tuple(fc.constantFrom('id', 'created', 'model', 'usage', 'object', 'choices'), json), { maxLength: 3 }), (content, extras, sets) => {
        const c = chunk({ content }, extras);
        for (const [k, v] of sets) (c as unknown as Record<string, unknown>)[k] = v;
        same(c);
      }),
      { numRuns: 300, seed: 15 },
    );
  });

  test('requests and responses parsed from generated bodies', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(anyString, anyString), { maxLength: 4 }), fc.dictionary(anyString, json, { maxKeys: 3 }), (msgs, extras) => {
        const req = ChatCompletionRequest.safeParse({ model: 'm', messages: msgs.map(([role, content]) => ({ role, content })), ...extras });
        if (req.success) same(req.data);
        const res = ChatCompletionResponse.safeParse({ id: 'x', created: 1, model: 'm', choices: msgs.map(([, content], index) => ({ index, message: { role: 'assistant', content } })), ...extras });
        if (res.success) same(res.data);
      }),
      { numRuns: 200, seed: 16 },
    );
  });
});
