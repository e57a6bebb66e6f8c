/** extractToolCalls over every format's corpus (see corpus.ts for the sources of each table). */
import { ExtractedToolCallInformation, FunctionCall, ToolCall, extractToolCalls } from '../../src';
import { CORPORA } from './corpus';
import { outcomeOf } from './helpers';

describe.each(Object.entries(CORPORA))('extractToolCalls, %s', (format, cases) => {
  it('has at least 25 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  it.each(cases.map((c) => [c.title, c] as const))('%s', (_title, c) => {
    const info = extractToolCalls(c.text, format);
    expect(info).toBeInstanceOf(ExtractedToolCallInformation);
    expect(outcomeOf(info)).toEqual({ content: c.content, calls: c.calls });
    expect(info.tools_called).toBe(c.calls.length > 0);
    for (const call of info.tool_calls) {
      expect(call).toBeInstanceOf(ToolCall);
      expect(call.function).toBeInstanceOf(FunctionCall);
      expect(call.type).toBe('function');
      expect(call.id).toMatch(/^call_[A-Za-z0-9]{24}$/);
      expect(typeof call.function.arguments).toBe('string');
    }
  });
});

describe('extractToolCalls rules', () => {
  it('keeps a string that holds a JSON object verbatim, and stringifies an object compactly', () => {
    const info = extractToolCalls('<tool_call>{"name": "f", "arguments": "{ \\"a\\" : 1 }"}</tool_call><tool_call>{"name": "g", "arguments": { "b" : [1, 2] }}</tool_call>', 'hermes');
    expect(info.tool_calls.map((c) => c.function.arguments)).toEqual(['{ "a" : 1 }', '{"b":[1,2]}']);
  });

  it('uses the id generator when given', () => {
    let n = 0;
    const info = extractToolCalls('<<<a()>>><<<b()>>>', 'gorilla', { id: () => `id-${++n}` });
    expect(info.tool_calls.map((c) => c.id)).toEqual(['id-1', 'id-2']);
  });

  it('gives distinct random ids', () => {
    const info = extractToolCalls('<<<a()>>><<<b()>>>', 'gorilla');
    expect(info.tool_calls[0].id).not.toBe(info.tool_calls[1].id);
  });

  it('nous is hermes under a second name', () => {
    const text = 'x <tool_call>{"name": "f", "arguments": {"a": 1}}</tool_call> y';
    expect(outcomeOf(extractToolCalls(text, 'nous'))).toEqual(outcomeOf(extractToolCalls(text, 'hermes')));
    expect(outcomeOf(extractToolCalls(text, 'nous'))).toEqual({ content: 'x  y', calls: [['f', { a: 1 }]] });
  });

  it('rejects an unknown format with a clear error', () => {
    expect(() => extractToolCalls('x', 'nope')).toThrow(/Unknown tool-call format "nope"; known: .*hermes/);
  });

  it('does not pollute prototypes from a __proto__ key', () => {
    const info = extractToolCalls('<tool_call>{"name": "f", "arguments": {"__proto__": {"polluted": 1}}}</tool_call>', 'hermes');
    expect(JSON.parse(info.tool_calls[0].function.arguments)).toEqual(JSON.parse('{"__proto__": {"polluted": 1}}'));
    const py = extractToolCalls("<<<f(__proto__={'polluted': 1})>>>", 'gorilla');
    expect(py.tool_calls[0].function.arguments).toBe('{"__proto__": {"polluted":1}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('survives deep nesting without throwing', () => {
    const deep = '['.repeat(100000) + ']'.repeat(100000);
    const info = extractToolCalls(`<tool_call>{"name": "f", "arguments": {"a": ${deep}}}</tool_call>`, 'hermes');
    expect(info.tool_calls.length + (info.content ? 1 : 0)).toBeGreaterThan(0);
    expect(() => extractToolCalls(`[f(a=${'['.repeat(5000)})]`, 'pythonic')).not.toThrow();
  });

  it.each([
    ['gorilla', '<<<f(a=['.repeat(5000)],
    ['openai', '{"a":'.repeat(5000)],
    ['qwen', '✿FUNCTION✿: f\n✿ARGS✿: '.repeat(5000)],
    ['mistral', '[TOOL_CALLS]'.repeat(5000)],
    ['hermes', '<tool_call>{"a": "'.repeat(5000)],
  ])('%s: nested failing blocks are content (rescans are bounded)', (format, text) => {
    expect(outcomeOf(extractToolCalls(text, format))).toEqual({ content: text.trim(), calls: [] });
  });

  it('keeps a lone surrogate and odd code units as they are', () => {
    const text = 'a\ud800b <tool_call>{"name": "f", "arguments": {"s": "\ud83d"}}</tool_call>';
    const info = extractToolCalls(text, 'hermes');
    expect(info.content).toBe('a\ud800b');
    expect(JSON.parse(info.tool_calls[0].function.arguments)).toEqual({ s: '\ud83d' });
  });
});
