/** `bool` fields (BoolField / boolType): SEMANTICS.md's bool rules, on both routes. */
import { BoolField, ChatCompletionRequest, ExtractedToolCallInformation, OpenAIBaseModel } from '../../src';
import { accept, reject } from '../helpers/routes';

class Bools extends OpenAIBaseModel {
  @BoolField() value!: boolean;
  @BoolField({ nullable: true }) maybe: boolean | null = false;
}

const PARSING = 'Input should be a valid boolean, unable to interpret input';
const TYPE = 'Input should be a valid boolean';

describe('BoolField (bool)', () => {
  it.each([
    [true, true],
    [false, false],
    [1, true],
    [0, false],
    ['true', true],
    ['false', false],
    ['TRUE', true],
    ['False', false],
    ['yes', true],
    ['No', false],
    ['on', true],
    ['OFF', false],
    ['1', true],
    ['0', false],
    ['t', true],
    ['F', false],
    ['y', true],
    ['N', false],
  ])('accepts %p as %p on both routes', (input, expected) => {
    const [fast, deco] = accept(Bools, { value: input });
    expect(fast.value).toBe(expected);
    expect(deco.value).toBe(expected);
  });

  it.each([
    [2, 'bool_parsing', PARSING],
    [0.5, 'bool_parsing', PARSING],
    [-1, 'bool_parsing', PARSING],
    ['1.0', 'bool_parsing', PARSING],
    [' true ', 'bool_parsing', PARSING],
    ['maybe', 'bool_parsing', PARSING],
    ['', 'bool_parsing', PARSING],
    ['tru', 'bool_parsing', PARSING],
    [[true], 'bool_type', TYPE],
    [{}, 'bool_type', TYPE],
  ])('rejects %p with %s at ["value"] on both routes', (input, type, msg) => {
    expect(reject(Bools, { value: input })).toEqual([{ loc: ['value'], type, msg }]);
  });

  it('rejects null for a non-nullable bool, and keeps null for a nullable one', () => {
    expect(reject(Bools, { value: null })).toEqual([{ loc: ['value'], type: 'bool_type', msg: TYPE }]);
    expect(accept(Bools, { value: true, maybe: null })[1].maybe).toBeNull();
  });

  it('fills the default of an absent field and reports an absent required one as missing', () => {
    expect(accept(Bools, { value: 'yes' })[0].maybe).toBe(false);
    expect(reject(Bools, {})).toEqual([{ loc: ['value'], type: 'missing', msg: 'Field required' }]);
  });

  describe('on the protocol models', () => {
    it('coerces ChatCompletionRequest.stream "true" to true and accepts stream: null', () => {
      const base = { model: 'm', messages: [] };
      expect(accept(ChatCompletionRequest, { ...base, stream: 'true' })[0].stream).toBe(true);
      expect(accept(ChatCompletionRequest, { ...base, stream: null })[0].stream).toBeNull();
      expect(reject(ChatCompletionRequest, { ...base, stream: 2 })).toEqual([{ loc: ['stream'], type: 'bool_parsing', msg: PARSING }]);
    });

    it('rejects ExtractedToolCallInformation.tools_called: null (not nullable)', () => {
      expect(reject(ExtractedToolCallInformation, { tools_called: null, tool_calls: [] })).toEqual([
        { loc: ['tools_called'], type: 'bool_type', msg: TYPE },
      ]);
    });
  });
});
