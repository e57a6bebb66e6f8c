/** Constructors of the protocol classes: defaults, generated ids and timestamps, nested instances, no validation. */
import * as lib from '../../src';
import {
  ChatCompletionResponse,
  ChatCompletionResponseChoice,
  ChatCompletionStreamResponse,
  ChatCompletionStreamResponseChoice,
  ChatMessage,
  CompletionLogprobs,
  CompletionResponse,
  CompletionResponseChoice,
  CompletionStreamResponse,
  DeltaMessage,
  DeltaToolCall,
  OpenAIBaseModel,
  ToolCall,
  UsageInfo,
} from '../../src';

const modelClasses = Object.entries(lib).filter(
  ([, v]) => typeof v === 'function' && (v as { prototype?: unknown }).prototype instanceof OpenAIBaseModel,
) as [string, new (init?: object) => OpenAIBaseModel][];

/** Unix seconds before and after `make`, to bracket a generated `created`. */
function bracket<T>(make: () => T): [T, number, number] {
  const before = Math.floor(Date.now() / 1000);
  const value = make();
  return [value, before, Math.floor(Date.now() / 1000)];
}

describe('response constructors', () => {
  it.each([
    ['ChatCompletionResponse', 'chat-', 'chat.completion', ChatCompletionResponse],
    ['ChatCompletionStreamResponse', 'chat-', 'chat.completion.chunk', ChatCompletionStreamResponse],
    ['CompletionResponse', 'cmpl-', 'text_completion', CompletionResponse],
    ['CompletionStreamResponse', 'cmpl-', 'text_completion.chunk', CompletionStreamResponse],
  ] as const)('%s gets id %s + 32 lowercase hex, object %p and created = now in unix seconds', (_n, prefix, object, Cls) => {
    const [resp, before, after] = bracket(() => new Cls({ model: 'm', choices: [], usage: new UsageInfo() }));
    expect(resp.id).toMatch(new RegExp(`^${prefix}[0-9a-f]{32}$`));
    expect(resp.object).toBe(object);
    expect(Number.isInteger(resp.created)).toBe(true);
    expect(resp.created).toBeGreaterThanOrEqual(before);
    expect(resp.created).toBeLessThanOrEqual(after);
    expect(new Cls({ model: 'm', choices: [] }).id).not.toBe(resp.id);
  });

  it('new ChatCompletionResponse({ model, choices, usage }) dumps every field in order', () => {
    const resp = new ChatCompletionResponse({
      model: 'm',
      choices: [{ index: 0, message: { role: 'assistant', content: 'hi' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
    });
    expect(resp.toJSON()).toEqual({
      id: resp.id,
      object: 'chat.completion',
      created: resp.created,
      model: 'm',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'hi', name: null, function_call: null, tool_calls: null, tool_call_id: null },
          finish_reason: 'stop',
        },
      ],
      usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4, tokens_per_second: 0, processing_time: 0 },
    });
    expect(Object.keys(resp.toJSON())).toEqual(['id', 'object', 'created', 'model', 'choices', 'usage']);
  });

  it('keeps a given id and created', () => {
    const resp = new ChatCompletionResponse({ id: 'chat-given', created: 1700000000, model: 'm', choices: [], usage: {} });
    expect(resp.id).toBe('chat-given');
    expect(resp.created).toBe(1700000000);
    const chunk = new CompletionStreamResponse({ id: 'cmpl-x', created: 5, model: 'm', choices: [] });
    expect([chunk.id, chunk.created]).toEqual(['cmpl-x', 5]);
  });

  it('parse also generates an id and created when the body has none, a fresh id per body', () => {
    const a = ChatCompletionResponse.parse({ model: 'm', choices: [], usage: {} });
    const b = ChatCompletionResponse.parse({ model: 'm', choices: [], usage: {} });
    expect(a.id).toMatch(/^chat-[0-9a-f]{32}$/);
    expect(a.id).not.toBe(b.id);
    expect(CompletionResponse.parse({ model: 'm', choices: [], usage: {} }).id).toMatch(/^cmpl-[0-9a-f]{32}$/);
  });
});

describe('nested plain objects become instances of their declared class', () => {
  it('in a chat response: choices (a list), message, tool_calls, usage', () => {
    const resp = new ChatCompletionResponse({
      model: 'm',
      choices: [{ index: 0, message: { role: 'assistant', tool_calls: [{ id: 'c', function: { name: 'f', arguments: '{}' } }] } }],
      usage: { prompt_tokens: 1 },
    });
    expect(resp.choices[0]).toBeInstanceOf(ChatCompletionResponseChoice);
    expect(resp.choices[0].message).toBeInstanceOf(ChatMessage);
    expect(resp.choices[0].message.tool_calls![0]).toBeInstanceOf(ToolCall);
    expect(resp.choices[0].message.tool_calls![0].type).toBe('function');
    expect(resp.usage).toBeInstanceOf(UsageInfo);
    expect(resp.usage!.total_tokens).toBe(0);
  });

  it('in a stream chunk: choices, delta, delta tool_calls', () => {
    const chunk = new ChatCompletionStreamResponse({
      model: 'm',
      choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: '{"a"' } }] } }],
    });
    expect(chunk.choices[0]).toBeInstanceOf(ChatCompletionStreamResponseChoice);
    expect(chunk.choices[0].delta).toBeInstanceOf(DeltaMessage);
    expect(chunk.choices[0].delta.tool_calls![0]).toBeInstanceOf(DeltaToolCall);
    expect(chunk.usage).toBeNull();
  });

  it('in a completion response: choices and logprobs', () => {
    const resp = new CompletionResponse({
      model: 'm',
      choices: [{ text: 't', index: 0, logprobs: { tokens: ['t'], token_logprobs: [-0.1] } }],
      usage: {},
    });
    expect(resp.choices[0]).toBeInstanceOf(CompletionResponseChoice);
    expect(resp.choices[0].logprobs).toBeInstanceOf(CompletionLogprobs);
    expect(resp.choices[0].logprobs!.top_logprobs).toBeNull();
  });

  it('keeps instances given as instances', () => {
    const usage = new UsageInfo({ prompt_tokens: 2 });
    expect(new ChatCompletionResponse({ model: 'm', choices: [], usage }).usage).toBe(usage);
  });
});

describe('every model class', () => {
  it('is found among the exports', () => {
    expect(modelClasses.map(([name]) => name)).toEqual(expect.arrayContaining(['ChatCompletionRequest', 'ToolCall', 'FunctionCall', 'ContentPart']));
    expect(modelClasses.length).toBeGreaterThanOrEqual(25);
  });

  it.each(modelClasses)('%s constructs with no arguments and fills its defaults', (_name, Cls) => {
    const inst = new Cls();
    expect(inst).toBeInstanceOf(Cls);
    expect(inst.toJSON()).toEqual(expect.any(Object));
    expect(OpenAIBaseModel.extraKeys(inst)).toEqual([]);
  });
});

describe('constructors do not validate', () => {
  it('keep values as given', () => {
    const usage = new UsageInfo({ prompt_tokens: 'many' as unknown as number });
    expect(usage.prompt_tokens).toBe('many');
    expect(UsageInfo.safeParse(usage.toJSON()).success).toBe(false);
  });

  it('round-trip: parsing the dump of a valid constructed response gives the same dump', () => {
    const resp = new CompletionResponse({ model: 'm', choices: [{ text: 't', index: 0 }], usage: { prompt_tokens: 1 } });
    const wire = JSON.parse(JSON.stringify(resp));
    expect(CompletionResponse.parse(wire).toJSON()).toEqual(wire);
  });
});
