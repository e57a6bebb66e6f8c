/** `dict[str, T]` fields (MapField / mapOf): objects only, each value checked as T, a new object; on both routes. */
import { ChatCompletionRequest, CompletionLogprobs, MapField, OpenAIBaseModel, floatType, intType } from '../../src';
import { accept, reject } from '../helpers/routes';

class Maps extends OpenAIBaseModel {
  @MapField(floatType) weights!: Record<string, number>;
  @MapField(intType, { nullable: true }) counts: Record<string, number> | null = null;
}

const DICT = 'Input should be a valid dictionary';

describe('MapField (dict[str, T])', () => {
  it('checks and coerces each value, giving a new object on both routes', () => {
    const weights = { a: '0.5', b: 1, c: true, '50256': -100 };
    const [fast, deco] = accept(Maps, { weights });
    for (const got of [fast, deco]) {
      expect(got.weights).toEqual({ a: 0.5, b: 1, c: 1, '50256': -100 });
      expect(got.weights).not.toBe(weights);
    }
    expect(weights.a).toBe('0.5');
  });

  it('accepts an empty object', () => {
    expect(accept(Maps, { weights: {} })[0].weights).toEqual({});
  });

  it.each([[[]], [[0.5]], ['x'], [5]])('rejects %p with dict_type on both routes', (input) => {
    expect(reject(Maps, { weights: input })).toEqual([{ loc: ['weights'], type: 'dict_type', msg: DICT }]);
  });

  it('reports each bad value at [field, key]', () => {
    expect(reject(Maps, { weights: { a: 1, b: 'x', c: null } })).toEqual([
      { loc: ['weights', 'b'], type: 'float_parsing', msg: 'Input should be a valid number, unable to parse string as a number' },
      { loc: ['weights', 'c'], type: 'float_type', msg: 'Input should be a valid number' },
    ]);
    expect(reject(Maps, { weights: {}, counts: { n: 1.5 } })).toEqual([
      { loc: ['counts', 'n'], type: 'int_from_float', msg: 'Input should be a valid integer, got a number with a fractional part' },
    ]);
  });

  it('rejects null for a non-nullable map and keeps null for a nullable one', () => {
    expect(reject(Maps, { weights: null })).toEqual([{ loc: ['weights'], type: 'dict_type', msg: 'Input should be a valid dictionary' }]);
    expect(accept(Maps, { weights: {}, counts: null })[1].counts).toBeNull();
  });

  describe('on the protocol models', () => {
    const base = { model: 'm', messages: [] };

    it('coerces logit_bias values to floats and rejects non-numeric ones at ["logit_bias", key]', () => {
      expect(accept(ChatCompletionRequest, { ...base, logit_bias: { '50256': '-100', '1': 5 } })[0].logit_bias).toEqual({ '50256': -100, '1': 5 });
      expect(reject(ChatCompletionRequest, { ...base, logit_bias: { '7': 'x' } })).toEqual([
        { loc: ['logit_bias', '7'], type: 'float_parsing', msg: 'Input should be a valid number, unable to parse string as a number' },
      ]);
      expect(reject(ChatCompletionRequest, { ...base, logit_bias: [1] })).toEqual([{ loc: ['logit_bias'], type: 'dict_type', msg: DICT }]);
    });

    it('checks CompletionLogprobs.top_logprobs, a list of dict[str, float]', () => {
      const [fast] = accept(CompletionLogprobs, { tokens: [], token_logprobs: [], top_logprobs: [{ a: '-1.5' }, {}] });
      expect(fast.top_logprobs).toEqual([{ a: -1.5 }, {}]);
      expect(reject(CompletionLogprobs, { tokens: [], token_logprobs: [], top_logprobs: [{ a: 'x' }] })).toEqual([
        { loc: ['top_logprobs', 0, 'a'], type: 'float_parsing', msg: 'Input should be a valid number, unable to parse string as a number' },
      ]);
    });
  });
});
