/** `str` fields (StrField / strType): strings only, on both routes. */
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ChatCompletionRequest, ChatMessage, OpenAIBaseModel, StrField, issuesFromValidationErrors } from '../../src';
import type { Issue, ModelStatic } from '../../src';

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
