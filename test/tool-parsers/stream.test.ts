/**
 * ToolCallStream against extractToolCalls: for every corpus case, every way of
 * cutting the reply in two (at every UTF-16 offset, so inside surrogate pairs
 * too), one code unit at a time, one code point at a time, and seeded random
 * cuts, the merged deltas equal the whole-text extraction (content after
 * trimming, names in order, arguments as JSON). A case whose call breaks after
 * it is known (`diverges`) must still give the same result for every cut.
 */
import * as fc from 'fast-check';
import { DeltaMessage, ToolCallStream, extractToolCalls } from '../../src';
import { CORPORA } from './corpus';
import { cutAt, outcomeOf, streamPieces } from './helpers';

describe.each(Object.entries(CORPORA))('ToolCallStream equals the whole text, %s', (format, cases) => {
  it.each(cases.map((c) => [c.title, c] as const))('%s', (_title, c) => {
    const whole = outcomeOf(extractToolCalls(c.text, format));
    const onePiece = streamPieces(format, [c.text]);
    const expected = c.diverges ? { content: onePiece.content, calls: onePiece.calls } : whole;
    if (!c.diverges) expect({ content: onePiece.content, calls: onePiece.calls }).toEqual(whole);
    const check = (pieces: string[], how: string): void => {
      const got = streamPieces(format, pieces);
      const outcome = { content: got.content, calls: got.calls };
      if (JSON.stringify(outcome) !== JSON.stringify(expected)) {
        throw new Error(`${how}: ${JSON.stringify(pieces)}\n got ${JSON.stringify(outcome)}\nwant ${JSON.stringify(expected)}`);
      }
    };
    for (let k = 1; k < c.text.length; k++) check(cutAt(c.text, [k]), `cut at ${k}`);
    check(c.text.split(''), 'one code unit at a time');
    check([...c.text], 'one code point at a time');
    if (c.text.length > 2) {
      fc.assert(
        fc.property(fc.uniqueArray(fc.integer({ min: 1, max: c.text.length - 1 }), { maxLength: 12 }), (cuts) => {
          check(cutAt(c.text, [...cuts].sort((a, b) => a - b)), 'random cuts');
        }),
        { seed: 1013, numRuns: 25 },
      );
    }
  });
});

function toolDeltas(deltas: DeltaMessage[]): Array<Record<string, unknown>> {
  return deltas.flatMap((d) => (d.tool_calls ?? []).map((t) => JSON.parse(JSON.stringify(t)) as Record<string, unknown>));
}

describe('ToolCallStream deltas', () => {
  it('sends the name first, then argument fragments as they arrive', () => {
    const s = new ToolCallStream('hermes', { id: () => 'call_x' });
    expect(s.push('Hi <tool_')).toEqual([expect.objectContaining({ content: 'Hi ' })]);
    expect(s.push('call>{"name": "get_weather", "arguments": {"city": "Par')).toHaveLength(2);
    const more = s.push('is"}}</tool_call>');
    const all = [...more, ...s.end()];
    expect(all.every((d) => d.content === null || d.content === undefined)).toBe(true);
    const stream = new ToolCallStream('hermes', { id: () => 'call_x' });
    const deltas = [
      ...stream.push('<tool_call>{"name": "get_weather", "arguments": {"city": "Par'),
      ...stream.push('is"}}</tool_call>'),
      ...stream.end(),
    ];
    const calls = toolDeltas(deltas);
    expect(calls[0]).toMatchObject({ index: 0, id: 'call_x', type: 'function', function: { name: 'get_weather' } });
    expect(calls[0].function).not.toHaveProperty('arguments', expect.any(String));
    expect(calls.slice(1).map((c) => (c.function as { arguments: string }).arguments)).toEqual(['{"city": "Par', 'is"}']);
    expect(calls.slice(1).every((c) => c.index === 0 && (c.id === null || c.id === undefined))).toBe(true);
  });

  it('holds back a possible marker and releases it at end() when it never completes', () => {
    const s = new ToolCallStream('hermes');
    expect(s.push('price <tool_c')).toEqual([expect.objectContaining({ content: 'price ' })]);
    expect(s.end()).toEqual([expect.objectContaining({ content: '<tool_c' })]);
  });

  it.each([
    ['qwen', 'x ✿FUN'],
    ['mistral', 'x [TOOL_'],
    ['gorilla', 'x <<'],
    ['openai', 'x Function ca'],
  ])('%s holds back %j', (format, text) => {
    const s = new ToolCallStream(format);
    const first = s.push(text);
    expect(first.map((d) => d.content).join('')).toBe('x ');
    expect(s.end().map((d) => d.content).join('')).toBe(text.slice(2));
  });

  it('closes a call that breaks after it was sent, and sends the rest as content', () => {
    const got = streamPieces('hermes', ['<tool_call>{"name": "f", "arguments": {"a": 1', ',,}} tail']);
    expect(got.calls).toEqual([['f', { unparsed: '{"a": 1,' }]]);
    expect(got.content).toBe(',}} tail');
    const py = streamPieces('gorilla', ['<<<f(a=[1, 2', ')>>> rest']);
    expect(py.calls).toEqual([['f', { unparsed: '' }]]);
    expect(py.content).toBe(')>>> rest');
  });

  it('decides whole-reply formats at end()', () => {
    const s = new ToolCallStream('json_schema');
    expect(s.push('{"name": "f", "arguments": {"a": 1}}')).toEqual([]);
    expect(toolDeltas(s.end())).toHaveLength(2);
    const p = new ToolCallStream('pythonic');
    expect(p.push("[f(a='x')]")).toEqual([]);
    expect(toolDeltas(p.end())).toMatchObject([{ function: { name: 'f' } }, { function: { arguments: '{"a": "x"}' } }]);
  });

  it('streams llama3_json after <|python_tag|> before the end', () => {
    const s = new ToolCallStream('llama3_json');
    expect(toolDeltas(s.push('<|python_tag|>{"name": "f", "parameters": {"a": '))).toMatchObject([{ function: { name: 'f' } }, { function: { arguments: '{"a": ' } }]);
  });

  it('gives each call its own index and a call_ id', () => {
    const got = streamPieces('gorilla', ['<<<a(x=1), b(y=2)>>>']);
    expect(got.calls).toEqual([['a', { x: 1 }], ['b', { y: 2 }]]);
    expect(got.ids.every((id) => /^call_[A-Za-z0-9]{24}$/.test(id))).toBe(true);
    expect(new Set(got.ids).size).toBe(2);
  });

  it('keeps a surrogate pair whole across pieces', () => {
    const s = new ToolCallStream('hermes');
    const a = s.push('ok \ud83d');
    const b = s.push('\ude00!');
    expect([...a, ...b].map((d) => d.content)).toEqual(['ok ', '😀!']);
  });

  it('refuses push() after end()', () => {
    const s = new ToolCallStream('hermes');
    s.end();
    expect(() => s.push('x')).toThrow('ToolCallStream.push() after end()');
    expect(s.end()).toEqual([]);
  });
});

describe('ToolCallStream on long replies, seeded random cuts', () => {
  const args = (k: number): string => JSON.stringify({ q: `item ${k} {x} [y] "z" 🌍 مرحبا`.repeat(20), n: { k, list: [1, { a: null }] } });
  const many = (make: (k: number) => string, sep: string): string => Array.from({ length: 30 }, (_, k) => make(k)).join(sep);
  const replies: Array<[string, string]> = [
    ['hermes', many((k) => `Step ${k}: <tool_call>{"name": "f${k}", "arguments": ${args(k)}}</tool_call>`, '\n')],
    ['qwen', many((k) => `✿FUNCTION✿: f${k}\n✿ARGS✿: ${args(k)}\n✿RESULT✿: ok`, '\n')],
    ['gorilla', many((k) => `<<<f${k}(q=${JSON.stringify(`v ${k} ) , >>>`.repeat(20))}, n=${k})>>>`, ' and ')],
    ['openai', `Calls: [${many((k) => `{"name": "f${k}", "arguments": ${args(k)}}`, ', ')}] done`],
    ['mistral', `Text first. [TOOL_CALLS][${many((k) => `{"name": "f${k}", "arguments": ${args(k)}}`, ', ')}]`],
    ['json_schema', `[${many((k) => `{"function": {"name": "f${k}", "arguments": ${args(k)}}}`, ', ')}]`],
    ['llama3_json', `<|python_tag|>${many((k) => `{"name": "f${k}", "parameters": ${args(k)}}`, '; ')}`],
    ['pythonic', `[${many((k) => `f${k}(q='${`v ${k} ) , ]`.repeat(20)}', n=${k})`, ', ')}]`],
  ];

  it.each(replies)('%s', (format, text) => {
    const whole = outcomeOf(extractToolCalls(text, format));
    expect(whole.calls).toHaveLength(30);
    expect(text.length).toBeGreaterThan(2000);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: text.length - 1 }), { minLength: 1, maxLength: 400 }), (cuts) => {
        const got = streamPieces(format, cutAt(text, [...cuts].sort((a, b) => a - b)));
        expect({ content: got.content, calls: got.calls }).toEqual(whole);
      }),
      { seed: 2026, numRuns: 15 },
    );
  });
});

describe('arguments stream as written', () => {
  const long = JSON.stringify({ text: 'word '.repeat(50) });
  it.each([
    ['hermes', `<tool_call>{"name": "f", "arguments": ${long}}</tool_call>`],
    ['qwen', `✿FUNCTION✿: f\n✿ARGS✿: ${long}`],
    ['openai', `Function call: {"name": "f", "arguments": ${long}}`],
    ['mistral', `[TOOL_CALLS][{"name": "f", "arguments": ${long}}]`],
    ['mistral', `[TOOL_CALLS]f[ARGS]${long}`],
    ['llama3_json', `<|python_tag|>{"name": "f", "parameters": ${long}}`],
    ['gorilla', `<<<f(a=1, b=2, text=${JSON.stringify('word '.repeat(50))})>>>`],
  ])('%s sends the name and argument fragments before the reply ends', (format, text) => {
    const s = new ToolCallStream(format);
    const half = Math.floor(text.length * 0.75);
    const early = toolDeltas([...s.push(text.slice(0, half / 2)), ...s.push(text.slice(half / 2, half))]);
    expect(early[0]).toMatchObject({ index: 0, type: 'function', function: { name: 'f' } });
    const fragments = early.slice(1).map((d) => (d.function as { arguments: string }).arguments);
    expect(fragments.length).toBeGreaterThan(0);
    const late = toolDeltas([...s.push(text.slice(half)), ...s.end()]).map((d) => (d.function as { arguments: string }).arguments);
    expect(JSON.parse([...fragments, ...late].join(''))).toEqual(format === 'gorilla' ? { a: 1, b: 2, text: 'word '.repeat(50) } : JSON.parse(long));
  });
});
