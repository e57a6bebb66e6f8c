/** Free-form dict fields (DictField / dictType): objects only, values kept as given; on both routes. */
import { ChatMessage, DictField, OpenAIBaseModel, ToolFunction } from '../../src';
import { accept, reject } from '../helpers/routes';

class Dicts extends OpenAIBaseModel {
  @DictField() params: Record<string, unknown> = {};
  @DictField({ nullable: true }) maybe: Record<string, unknown> | null = null;
}

const DICT = 'Input should be a valid dictionary';

describe('DictField (dict)', () => {
  it('keeps any JSON values as given, without coercion, on both routes', () => {
    const params = { s: '5', n: 1.5, b: false, z: null, arr: [1, 'two', null, { deep: [[]] }], obj: { a: { b: 'c' } } };
    const [fast, deco] = accept(Dicts, { params });
    expect(fast.params).toEqual(params);
    expect(deco.params).toEqual(params);
    expect(fast.toJSON().params).toEqual(params);
  });

  it('accepts an empty object and fills the default {} when absent', () => {
    expect(accept(Dicts, { params: {} })[0].params).toEqual({});
    expect(accept(Dicts, {})[1].params).toEqual({});
  });

  it.each([[[]], [[1, 2]], ['{}'], [5], [true]])('rejects %p with dict_type on both routes', (input) => {
    expect(reject(Dicts, { params: input })).toEqual([{ loc: ['params'], type: 'dict_type', msg: DICT }]);
  });

  it('rejects null for a non-nullable dict and keeps null for a nullable one', () => {
    expect(reject(Dicts, { params: null })).toEqual([{ loc: ['params'], type: 'dict_type', msg: DICT }]);
    expect(accept(Dicts, { maybe: null })[0].maybe).toBeNull();
  });

  it('never lets a "__proto__" key reach a prototype (parsed from JSON text)', () => {
    const body = JSON.parse('{"params": {"__proto__": {"polluted": true}, "a": 1}}');
    const [fast, deco] = accept(Dicts, body);
    for (const got of [fast, deco]) {
      expect(Object.getPrototypeOf(got.params)).toBe(Object.prototype);
      expect((got.params as { polluted?: unknown }).polluted).toBeUndefined();
      expect(got.params.a).toBe(1);
    }
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  describe('on the protocol models', () => {
    it('keeps ToolFunction.parameters (a JSON schema) as given', () => {
      const parameters = { type: 'object', properties: { city: { type: 'string', enum: ['a', null] } }, required: ['city'] };
      expect(accept(ToolFunction, { name: 'f', parameters })[0].parameters).toEqual(parameters);
      expect(reject(ToolFunction, { name: 'f', parameters: null })).toEqual([{ loc: ['parameters'], type: 'dict_type', msg: DICT }]);
    });

    it('keeps ChatMessage.function_call and accepts null', () => {
      const call = { name: 'f', arguments: '{"a": 1}' };
      expect(accept(ChatMessage, { role: 'assistant', function_call: call })[1].function_call).toEqual(call);
      expect(accept(ChatMessage, { role: 'assistant', function_call: null })[1].function_call).toBeNull();
      expect(reject(ChatMessage, { role: 'assistant', function_call: ['f'] })).toEqual([
        { loc: ['function_call'], type: 'dict_type', msg: DICT },
      ]);
    });
  });
});
