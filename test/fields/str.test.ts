/** `str` fields (StrField / strType): strings only, on both routes. */
import { ChatCompletionRequest, ChatMessage, OpenAIBaseModel, StrField } from '../../src';
import { accept, reject } from '../helpers/routes';

class Strs extends OpenAIBaseModel {
  @StrField() value!: string;
  @StrField({ nullable: true }) maybe: string | null = null;
}

const TYPE = 'Input should be a valid string';

describe('StrField (str)', () => {
  it.each(['', 'abc', '5', 'true', ' padded ', 'ünïcødé 🎉', 'x'.repeat(10_000)])('accepts %p as given on both routes', (input) => {
    const [fast, deco] = accept(Strs, { value: input });
    expect(fast.value).toBe(input);
    expect(deco.value).toBe(input);
  });

  it.each([5, 0, 1.5, true, false, [], ['a'], {}, { a: 'b' }])('rejects %p with string_type at ["value"] on both routes', (input) => {
    expect(reject(Strs, { value: input })).toEqual([{ loc: ['value'], type: 'string_type', msg: TYPE }]);
  });

  it('rejects null for a non-nullable str, and keeps null for a nullable one', () => {
    expect(reject(Strs, { value: null })).toEqual([{ loc: ['value'], type: 'string_type', msg: TYPE }]);
    expect(accept(Strs, { value: 'a', maybe: null })[1].maybe).toBeNull();
  });

  it('fills the default of an absent field and reports an absent required one as missing', () => {
    expect(accept(Strs, { value: 'a' })[0].maybe).toBeNull();
    expect(reject(Strs, { maybe: 'x' })).toEqual([{ loc: ['value'], type: 'missing', msg: 'Field required' }]);
  });

  describe('on the protocol models', () => {
    it('rejects a number for ChatCompletionRequest.model and a nested message role', () => {
      expect(reject(ChatCompletionRequest, { model: 1, messages: [{ role: true }] })).toEqual([
        { loc: ['model'], type: 'string_type', msg: TYPE },
        { loc: ['messages', 0, 'role'], type: 'string_type', msg: TYPE },
      ]);
    });

    it('keeps ChatMessage.name: null and rejects name: 5', () => {
      expect(accept(ChatMessage, { role: 'user', name: null })[0].name).toBeNull();
      expect(reject(ChatMessage, { role: 'user', name: 5 })).toEqual([{ loc: ['name'], type: 'string_type', msg: TYPE }]);
    });
  });
});
