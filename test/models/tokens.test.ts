/** CountTokenRequest (src/models/tokens.ts). */
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ChatMessage, CountTokenRequest, issuesFromValidationErrors } from '../../src';
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

describe('CountTokenRequest', () => {
  it('takes a plain-text conversation', () => {
    expect(accept(CountTokenRequest, { model: 'm', conversation: 'hello' })[0].toJSON()).toEqual({ model: 'm', conversation: 'hello' });
  });

  it('takes a list of chat messages, built as ChatMessage', () => {
    const [fast, deco] = accept(CountTokenRequest, { model: 'm', conversation: [{ role: 'user', content: 'hi' }] });
    for (const got of [fast, deco]) expect((got.conversation as ChatMessage[])[0]).toBeInstanceOf(ChatMessage);
    expect(fast.toJSON().conversation).toEqual([
      { role: 'user', content: 'hi', name: null, function_call: null, tool_calls: null, tool_call_id: null },
    ]);
  });

  it('requires model and conversation, and rejects other conversation types at ["conversation"]', () => {
    expect(reject(CountTokenRequest, {})).toEqual([
      { loc: ['model'], type: 'missing', msg: 'Field required' },
      { loc: ['conversation'], type: 'missing', msg: 'Field required' },
    ]);
    expect(reject(CountTokenRequest, { model: 'm', conversation: { role: 'user' } })).toEqual([
      { loc: ['conversation'], type: 'union_type', msg: 'Input should be a string or a list' },
    ]);
  });
});
