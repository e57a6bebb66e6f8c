/** Nested model fields (ModelField / modelType): objects only, checked by the class's rules, giving an instance. */
import {
  ChatCompletionResponse,
  ChatCompletionStreamResponse,
  ChatMessage,
  IntField,
  ModelField,
  OpenAIBaseModel,
  ToolCall,
  UsageInfo,
} from '../../src';
import { accept, reject } from '../helpers/routes';

class Inner extends OpenAIBaseModel {
  @IntField() n!: number;
}

class Outer extends OpenAIBaseModel {
  @ModelField(() => Inner) inner!: Inner;
  @ModelField(() => Inner, { nullable: true }) opt: Inner | null = null;
}

const INNER = 'Input should be a valid dictionary or instance of Inner';

describe('ModelField (a nested model class)', () => {
  it('builds an instance of the declared class, checked by its rules, extras kept', () => {
    const [fast, deco] = accept(Outer, { inner: { n: '2', note: 'kept' } });
    for (const got of [fast, deco]) {
      expect(got.inner).toBeInstanceOf(Inner);
      expect(got.inner.n).toBe(2);
      expect(Inner.extraKeys(got.inner)).toEqual(['note']);
    }
    expect(fast.toJSON()).toEqual({ inner: { n: 2, note: 'kept' }, opt: null });
  });

  it.each([[[]], [[{ n: 1 }]], ['x'], [5], [true]])('rejects %p with model_type on both routes', (input) => {
    expect(reject(Outer, { inner: input })).toEqual([{ loc: ['inner'], type: 'model_type', msg: INNER }]);
  });

  it('rejects null for a non-nullable model and keeps null for a nullable one', () => {
    expect(reject(Outer, { inner: null })).toEqual([{ loc: ['inner'], type: 'model_type', msg: INNER }]);
    expect(accept(Outer, { inner: { n: 1 }, opt: null })[1].opt).toBeNull();
  });

  it('reports nested errors at [field, subfield], and an absent model as missing', () => {
    expect(reject(Outer, { inner: {}, opt: { n: 'x' } })).toEqual([
      { loc: ['inner', 'n'], type: 'missing', msg: 'Field required' },
      { loc: ['opt', 'n'], type: 'int_parsing', msg: 'Input should be a valid integer, unable to parse string as an integer' },
    ]);
    expect(reject(Outer, {})).toEqual([{ loc: ['inner'], type: 'missing', msg: 'Field required' }]);
  });

  it('parse accepts an existing instance for a nested model', () => {
    const got = Outer.parse({ inner: new Inner({ n: 4 }) });
    expect(got.inner).toBeInstanceOf(Inner);
    expect(got.inner.n).toBe(4);
  });

  describe('on the protocol models', () => {
    const head = { id: 'chat-1', created: 1, model: 'm' };

    it('ChatCompletionResponse.usage is a UsageInfo or null (C11); a stream chunk\'s usage may be null (C8)', () => {
      expect(accept(ChatCompletionResponse, { ...head, choices: [], usage: { prompt_tokens: 1 } })[1].usage).toBeInstanceOf(UsageInfo);
      expect(accept(ChatCompletionResponse, { ...head, choices: [], usage: null })[1].usage).toBeNull();
      expect(reject(ChatCompletionResponse, { ...head, choices: [], usage: [] })).toEqual([
        { loc: ['usage'], type: 'model_type', msg: 'Input should be a valid dictionary or instance of UsageInfo' },
      ]);
      expect(accept(ChatCompletionStreamResponse, { ...head, choices: [], usage: null })[0].usage).toBeNull();
      expect(accept(ChatCompletionStreamResponse, { ...head, choices: [] })[0].usage).toBeNull();
    });

    it('reports a deep error at its full location: choices.0.message.tool_calls.0.function.name', () => {
      const choice = { index: 0, message: { role: 'assistant', tool_calls: [{ id: 'c', function: { arguments: '{}' } }] } };
      expect(reject(ChatCompletionResponse, { ...head, choices: [choice], usage: {} })).toEqual([
        { loc: ['choices', 0, 'message', 'tool_calls', 0, 'function', 'name'], type: 'missing', msg: 'Field required' },
      ]);
    });

    it('builds every level as its declared class', () => {
      const choice = { index: 0, message: { role: 'assistant', tool_calls: [{ id: 'c', function: { name: 'f', arguments: '{}' } }] } };
      const [fast, deco] = accept(ChatCompletionResponse, { ...head, choices: [choice], usage: {} });
      for (const got of [fast, deco]) {
        expect(got.choices[0].message).toBeInstanceOf(ChatMessage);
        expect(got.choices[0].message.tool_calls?.[0]).toBeInstanceOf(ToolCall);
        expect(got.choices[0].message.tool_calls?.[0].type).toBe('function');
      }
    });
  });
});
