/** `int` fields (IntField / intType): SEMANTICS.md's int rules, C2, on both routes. */
import { ChatCompletionRequest, DeltaToolCall, IntField, OpenAIBaseModel, UsageInfo } from '../../src';
import { accept, reject } from '../helpers/routes';

class Ints extends OpenAIBaseModel {
  @IntField() value!: number;
  @IntField({ nullable: true }) maybe: number | null = 3;
}

const PARSING = 'Input should be a valid integer, unable to parse string as an integer';
const FRACTION = 'Input should be a valid integer, got a number with a fractional part';
const RANGE = 'Input should be a safe integer, within ±(2^53-1)';
const TYPE = 'Input should be a valid integer';

describe('IntField (int)', () => {
  it.each([
    [5, 5],
    [5.0, 5],
    [-0, 0],
    [-7, -7],
    [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
    [-Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER],
    [true, 1],
    [false, 0],
    ['5', 5],
    ['-3', -3],
    ['+5', 5],
    ['007', 7],
    ['5.0', 5],
    ['5.00', 5],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
  ])('accepts %p as %p on both routes', (input, expected) => {
    const [fast, deco] = accept(Ints, { value: input });
    expect(fast.value).toBe(expected);
    expect(deco.value).toBe(expected);
    expect(fast.toJSON().value).toBe(expected);
  });

  it.each([
    [5.5, 'int_from_float', FRACTION],
    [-0.1, 'int_from_float', FRACTION],
    ['1e3', 'int_parsing', PARSING],
    ['0x10', 'int_parsing', PARSING],
    ['5.', 'int_parsing', PARSING],
    ['5.5', 'int_parsing', PARSING],
    ['abc', 'int_parsing', PARSING],
    ['', 'int_parsing', PARSING],
    ['1_000', 'int_parsing', PARSING],
    [2 ** 53 + 2, 'int_range', RANGE],
    [1e20, 'int_range', RANGE],
    [-(2 ** 53 + 2), 'int_range', RANGE],
    ['9007199254740993', 'int_range', RANGE],
    [NaN, 'finite_number', 'Input should be a finite number'],
    [Infinity, 'finite_number', 'Input should be a finite number'],
    [[1], 'int_type', TYPE],
    [{}, 'int_type', TYPE],
  ])('rejects %p with %s at ["value"] on both routes', (input, type, msg) => {
    expect(reject(Ints, { value: input })).toEqual([{ loc: ['value'], type, msg }]);
  });

  it('rejects 2^53+1 written in JSON text (it reads back as 2^53, outside the safe range)', () => {
    expect(() => Ints.parseJson('{"value": 9007199254740993}')).toThrow(RANGE);
  });

  it('rejects null for a non-nullable int, and keeps null for a nullable one', () => {
    expect(reject(Ints, { value: null })).toEqual([{ loc: ['value'], type: 'int_type', msg: TYPE }]);
    const [fast, deco] = accept(Ints, { value: 1, maybe: null });
    expect(fast.maybe).toBeNull();
    expect(deco.maybe).toBeNull();
  });

  it('fills the default of an absent field and reports an absent required one as missing', () => {
    const [fast] = accept(Ints, { value: 1 });
    expect(fast.maybe).toBe(3);
    expect(reject(Ints, { maybe: 1 })).toEqual([{ loc: ['value'], type: 'missing', msg: 'Field required' }]);
  });

  describe('on the protocol models', () => {
    const base = { model: 'm', messages: [] };

    it('coerces ChatCompletionRequest.max_tokens "256" to 256 and takes {"max_tokens": null} as absent (C9)', () => {
      expect(accept(ChatCompletionRequest, { ...base, max_tokens: '256' })[0].max_tokens).toBe(256);
      expect(accept(ChatCompletionRequest, { ...base, max_tokens: null })[1].max_tokens).toBe(128);
    });

    it('keeps n: null (nullable), gives top_k: null its default (C9), rejects prompt_tokens: null', () => {
      expect(accept(ChatCompletionRequest, { ...base, n: null })[0].n).toBeNull();
      expect(accept(ChatCompletionRequest, { ...base, top_k: null })[1].top_k).toBe(0);
      expect(reject(UsageInfo, { prompt_tokens: null })).toEqual([{ loc: ['prompt_tokens'], type: 'int_type', msg: TYPE }]);
    });

    it('rejects UsageInfo.prompt_tokens 1e20 (C2) and coerces "12"', () => {
      expect(reject(UsageInfo, { prompt_tokens: 1e20 })).toEqual([{ loc: ['prompt_tokens'], type: 'int_range', msg: RANGE }]);
      expect(accept(UsageInfo, { prompt_tokens: '12' })[0].prompt_tokens).toBe(12);
    });

    it('coerces DeltaToolCall.index "2" and requires it', () => {
      expect(accept(DeltaToolCall, { index: '2' })[1].index).toBe(2);
      expect(reject(DeltaToolCall, {})).toEqual([{ loc: ['index'], type: 'missing', msg: 'Field required' }]);
    });
  });
});
