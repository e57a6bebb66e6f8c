/** List fields (ListField / listOf): arrays only, each item checked, a new array; on both routes. */
import {
  ChatCompletionRequest,
  ChatMessage,
  CompletionLogprobs,
  IntField,
  ListField,
  OpenAIBaseModel,
  StrField,
  intType,
  modelType,
  strType,
} from '../../src';
import { accept, reject } from '../helpers/routes';

class Item extends OpenAIBaseModel {
  @StrField() name!: string;
  @IntField() qty: number = 1;
}

class Lists extends OpenAIBaseModel {
  @ListField(intType) ints!: number[];
  @ListField(strType, { nullable: true }) strs: string[] | null = null;
  @ListField(modelType(() => Item)) items: Item[] = [];
}

const LIST = 'Input should be a valid list';

describe('ListField (T[])', () => {
  it('checks and coerces each item, giving a new array on both routes', () => {
    const input = [1, '2', true, '3.0', -0];
    const [fast, deco] = accept(Lists, { ints: input });
    expect(fast.ints).toEqual([1, 2, 1, 3, 0]);
    expect(deco.ints).toEqual([1, 2, 1, 3, 0]);
    expect(fast.ints).not.toBe(input);
    expect(deco.ints).not.toBe(input);
    expect(input).toEqual([1, '2', true, '3.0', -0]);
  });

  it('accepts an empty array', () => {
    expect(accept(Lists, { ints: [] })[0].ints).toEqual([]);
  });

  it.each(['1,2', 5, true, {}, { 0: 1 }])('rejects %p (not an array) with list_type on both routes', (input) => {
    expect(reject(Lists, { ints: input })).toEqual([{ loc: ['ints'], type: 'list_type', msg: LIST }]);
  });

  it('reports each bad item at its index on both routes', () => {
    expect(reject(Lists, { ints: [1, 'x', 2.5, 3] })).toEqual([
      { loc: ['ints', 1], type: 'int_parsing', msg: 'Input should be a valid integer, unable to parse string as an integer' },
      { loc: ['ints', 2], type: 'int_from_float', msg: 'Input should be a valid integer, got a number with a fractional part' },
    ]);
  });

  it('rejects a null item', () => {
    expect(reject(Lists, { ints: [1, null] })).toEqual([{ loc: ['ints', 1], type: 'int_type', msg: 'Input should be a valid integer' }]);
  });

  it('rejects null for a non-nullable list and keeps null for a nullable one', () => {
    expect(reject(Lists, { ints: null })).toEqual([{ loc: ['ints'], type: 'list_type', msg: 'Input should be a valid list' }]);
    expect(accept(Lists, { ints: [], strs: null })[1].strs).toBeNull();
  });

  it('reports an absent list without a default as missing and fills a default one', () => {
    expect(reject(Lists, {})).toEqual([{ loc: ['ints'], type: 'missing', msg: 'Field required' }]);
    expect(accept(Lists, { ints: [] })[0].items).toEqual([]);
  });

  describe('of models', () => {
    it('builds an instance of the item class for each item, keeping their extras', () => {
      const [fast, deco] = accept(Lists, { ints: [], items: [{ name: 'a' }, { name: 'b', qty: '2', note: { x: [1] } }] });
      for (const got of [fast, deco]) {
        expect(got.items.map((i) => i instanceof Item)).toEqual([true, true]);
        expect(got.items.map((i) => i.qty)).toEqual([1, 2]);
        expect((got.items[1] as unknown as { note: unknown }).note).toEqual({ x: [1] });
      }
      expect(fast.toJSON().items).toEqual([{ name: 'a', qty: 1 }, { name: 'b', qty: 2, note: { x: [1] } }]);
    });

    it('reports a bad field inside an item at [list, index, field]', () => {
      expect(reject(Lists, { ints: [], items: [{ name: 'a' }, { qty: 'x' }] })).toEqual([
        { loc: ['items', 1, 'name'], type: 'missing', msg: 'Field required' },
        { loc: ['items', 1, 'qty'], type: 'int_parsing', msg: 'Input should be a valid integer, unable to parse string as an integer' },
      ]);
    });

    it.each([5, 'x', null, [], true])('reports a non-object item %p once, at its index, alike on both routes', (item) => {
      expect(reject(Lists, { ints: [], items: [{ name: 'a' }, item] })).toEqual([
        { loc: ['items', 1], type: 'model_type', msg: 'Input should be a valid dictionary or instance of Item' },
      ]);
    });

    it('reports a list given as an object once, with list_type, alike on both routes', () => {
      expect(reject(Lists, { ints: [], items: {} })).toEqual([{ loc: ['items'], type: 'list_type', msg: LIST }]);
    });
  });

  describe('on the protocol models', () => {
    it('coerces ChatCompletionRequest.suppress_tokens and builds ChatMessage instances for messages', () => {
      const [fast, deco] = accept(ChatCompletionRequest, { model: 'm', messages: [{ role: 'user' }], suppress_tokens: ['1', 2] });
      expect(fast.suppress_tokens).toEqual([1, 2]);
      expect(deco.messages[0]).toBeInstanceOf(ChatMessage);
      expect(fast.messages[0]).toBeInstanceOf(ChatMessage);
    });

    it('reports a bad message at its index: messages: [{"role": "user"}, 5]', () => {
      expect(reject(ChatCompletionRequest, { model: 'm', messages: [{ role: 'user' }, 5] })).toEqual([
        { loc: ['messages', 1], type: 'model_type', msg: 'Input should be a valid dictionary or instance of ChatMessage' },
      ]);
    });

    it('checks CompletionLogprobs lists: tokens str[], token_logprobs float[], text_offset int[] | null', () => {
      const [fast] = accept(CompletionLogprobs, { tokens: ['a'], token_logprobs: ['-0.5'], text_offset: null });
      expect(fast.token_logprobs).toEqual([-0.5]);
      expect(reject(CompletionLogprobs, { tokens: [1], token_logprobs: [], text_offset: [0.5] })).toEqual([
        { loc: ['tokens', 0], type: 'string_type', msg: 'Input should be a valid string' },
        { loc: ['text_offset', 0], type: 'int_from_float', msg: 'Input should be a valid integer, got a number with a fractional part' },
      ]);
    });
  });
});
