/** `float` fields (FloatField / floatType): SEMANTICS.md's float rules and C1, on both routes. */
import { ChatCompletionRequest, FloatField, OpenAIBaseModel, UsageInfo } from '../../src';
import { accept, reject } from '../helpers/routes';

class Floats extends OpenAIBaseModel {
  @FloatField() value!: number;
  @FloatField({ nullable: true }) maybe: number | null = 0.5;
}

const FINITE = 'Input should be a finite number';
const PARSING = 'Input should be a valid number, unable to parse string as a number';
const TYPE = 'Input should be a valid number';

describe('FloatField (float)', () => {
  it.each([
    [0.5, 0.5],
    [1, 1],
    [-2, -2],
    [1e300, 1e300],
    [2 ** 53 + 2, 2 ** 53 + 2],
    [true, 1],
    [false, 0],
    ['0.5', 0.5],
    ['+5', 5],
    ['-3', -3],
    ['1e3', 1000],
    ['-2.5E2', -250],
    ['.5', 0.5],
    ['5.', 5],
    ['007', 7],
  ])('accepts %p as %p on both routes', (input, expected) => {
    const [fast, deco] = accept(Floats, { value: input });
    expect(fast.value).toBe(expected);
    expect(deco.value).toBe(expected);
  });

  it.each([
    [NaN, 'finite_number', FINITE],
    [Infinity, 'finite_number', FINITE],
    [-Infinity, 'finite_number', FINITE],
    ['1e999', 'finite_number', FINITE],
    ['nan', 'float_parsing', PARSING],
    ['NaN', 'float_parsing', PARSING],
    ['inf', 'float_parsing', PARSING],
    ['Infinity', 'float_parsing', PARSING],
    ['-Infinity', 'float_parsing', PARSING],
    ['0x10', 'float_parsing', PARSING],
    ['0b1', 'float_parsing', PARSING],
    ['true', 'float_parsing', PARSING],
    ['', 'float_parsing', PARSING],
    [' ', 'float_parsing', PARSING],
    ['abc', 'float_parsing', PARSING],
    [[0.5], 'float_type', TYPE],
    [{}, 'float_type', TYPE],
  ])('rejects %p with %s at ["value"] on both routes', (input, type, msg) => {
    expect(reject(Floats, { value: input })).toEqual([{ loc: ['value'], type, msg }]);
  });

  it('rejects 1e999 written in JSON text (JSON.parse reads it as Infinity)', () => {
    const r = ChatCompletionRequest.safeParse(JSON.parse('{"model":"m","messages":[],"temperature":1e999}'));
    expect(r.success).toBe(false);
    expect(() => ChatCompletionRequest.parseJson('{"model":"m","messages":[],"temperature":1e999}')).toThrow(FINITE);
  });

  it('rejects null for a non-nullable float, and keeps null for a nullable one', () => {
    expect(reject(Floats, { value: null })).toEqual([{ loc: ['value'], type: 'float_type', msg: TYPE }]);
    expect(accept(Floats, { value: 1, maybe: null })[1].maybe).toBeNull();
  });

  it('fills the default of an absent field and reports an absent required one as missing', () => {
    expect(accept(Floats, { value: 1 })[0].maybe).toBe(0.5);
    expect(reject(Floats, {})).toEqual([{ loc: ['value'], type: 'missing', msg: 'Field required' }]);
  });

  describe('on the protocol models', () => {
    const base = { model: 'm', messages: [] };

    it('coerces temperature "0.2", takes temperature: null as absent (C9) and rejects "Infinity"', () => {
      expect(accept(ChatCompletionRequest, { ...base, temperature: '0.2' })[0].temperature).toBe(0.2);
      expect(accept(ChatCompletionRequest, { ...base, temperature: null })[1].temperature).toBe(0.7);
      expect(reject(UsageInfo, { processing_time: null })).toEqual([
        { loc: ['processing_time'], type: 'float_type', msg: TYPE },
      ]);
      expect(reject(ChatCompletionRequest, { ...base, top_p: 'Infinity' })).toEqual([
        { loc: ['top_p'], type: 'float_parsing', msg: PARSING },
      ]);
    });

    it('keeps UsageInfo.tokens_per_second as a float and rejects NaN', () => {
      expect(accept(UsageInfo, { tokens_per_second: 12.75 })[1].tokens_per_second).toBe(12.75);
      expect(reject(UsageInfo, { processing_time: NaN })).toEqual([{ loc: ['processing_time'], type: 'finite_number', msg: FINITE }]);
    });
  });
});
