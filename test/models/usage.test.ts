/** UsageInfo (src/models/usage.ts). */
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { UsageInfo, issuesFromValidationErrors } from '../../src';
import type { Issue, ModelStatic, OpenAIBaseModel } from '../../src';

// Both routes on one body: `Model.safeParse` (the fast route) and the decorator
// route NestJS runs (`plainToInstance` + `validateSync` + `issuesFromValidationErrors`).
type Seen = Pick<Issue, 'loc' | 'type' | 'msg'>;
const seen = (issues: readonly Issue[]): Seen[] => issues.map(({ loc, type, msg }) => ({ loc, type, msg }));
const sorted = (issues: Seen[]): Seen[] => [...issues].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

function routes<T extends OpenAIBaseModel>(cls: ModelStatic<T>, body: unknown) {
  const parsed = cls.safeParse(body);
  const inst = plainToInstance(cls, body as object) as T;
  const issues = issuesFromValidationErrors(validateSync(inst, { forbidUnknownValues: false }));
  return { parsed, inst, issues };
}

/** Asserts both routes accept `body` and dump it alike; returns [parsed, decorated]. */
function accept<T extends OpenAIBaseModel>(cls: ModelStatic<T>, body: unknown): [T, T] {
  const { parsed, inst, issues } = routes(cls, body);
  if (!parsed.success) throw parsed.error;
  expect(seen(issues)).toEqual([]);
  expect(inst).toBeInstanceOf(cls);
  expect(JSON.stringify(inst)).toBe(JSON.stringify(parsed.data));
  return [parsed.data, inst];
}

/** Asserts both routes reject `body` with the same issues (loc, type, msg); returns parse's. */
function reject<T extends OpenAIBaseModel>(cls: ModelStatic<T>, body: unknown): Seen[] {
  const { parsed, issues } = routes(cls, body);
  if (parsed.success) throw new Error(`accepted: ${JSON.stringify(parsed.data)}`);
  const fast = seen(parsed.error.issues);
  expect(sorted(seen(issues))).toEqual(sorted(fast));
  return fast;
}

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
