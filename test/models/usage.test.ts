/** UsageInfo (src/models/usage.ts). */
import { UsageInfo } from '../../src';
import { accept, reject } from '../helpers/routes';

describe('UsageInfo', () => {
  it('defaults every field to 0, in declaration order', () => {
    const [fast] = accept(UsageInfo, {});
    expect(fast.toJSON()).toEqual({ prompt_tokens: 0, completion_tokens: 0, total_tokens: 0, tokens_per_second: 0, processing_time: 0 });
    expect(Object.keys(fast.toJSON())).toEqual(['prompt_tokens', 'completion_tokens', 'total_tokens', 'tokens_per_second', 'processing_time']);
  });

  it('takes ints for the token counts and floats for speed and time', () => {
    const [fast] = accept(UsageInfo, { prompt_tokens: 10, completion_tokens: '5', total_tokens: 15.0, tokens_per_second: 33.3, processing_time: '0.15' });
    expect(fast.toJSON()).toEqual({ prompt_tokens: 10, completion_tokens: 5, total_tokens: 15, tokens_per_second: 33.3, processing_time: 0.15 });
    expect(reject(UsageInfo, { total_tokens: 1.5 })).toEqual([
      { loc: ['total_tokens'], type: 'int_from_float', msg: 'Input should be a valid integer, got a number with a fractional part' },
    ]);
  });

  it('accepts null only for completion_tokens', () => {
    expect(accept(UsageInfo, { completion_tokens: null })[1].completion_tokens).toBeNull();
    expect(reject(UsageInfo, { prompt_tokens: null, processing_time: null })).toEqual([
      { loc: ['prompt_tokens'], type: 'int_type', msg: 'Input should be a valid integer' },
      { loc: ['processing_time'], type: 'float_type', msg: 'Input should be a valid number' },
    ]);
  });
});
