/** Literal fields (LiteralField / literalType): exactly one of the listed strings, on both routes. */
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  ChatCompletionResponseChoice,
  ChatCompletionStreamResponseChoice,
  CompletionResponseChoice,
  DeltaToolCall,
  LiteralField,
  OpenAIBaseModel,
  issuesFromValidationErrors,
} from '../../src';
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

class Lits extends OpenAIBaseModel {
  @LiteralField(['low', 'high']) level!: 'low' | 'high';
  @LiteralField(['x'], { nullable: true }) one: 'x' | null = null;
}

const LEVEL = "Input should be 'low' or 'high'";

describe('LiteralField (Literal[...])', () => {
  it.each(['low', 'high'])('accepts %p as given on both routes', (input) => {
    const [fast, deco] = accept(Lits, { level: input });
    expect(fast.level).toBe(input);
    expect(deco.level).toBe(input);
  });

  it.each(['LOW', 'medium', '', ' low', 1, true, ['low'], { low: 1 }])('rejects %p with literal_error on both routes', (input) => {
    expect(reject(Lits, { level: input })).toEqual([{ loc: ['level'], type: 'literal_error', msg: LEVEL }]);
  });

  it('names a single allowed value alone in the message', () => {
    expect(reject(Lits, { level: 'low', one: 'y' })).toEqual([{ loc: ['one'], type: 'literal_error', msg: "Input should be 'x'" }]);
  });

  it('rejects null for a non-nullable literal, keeps null for a nullable one, and reports an absent one as missing', () => {
    expect(reject(Lits, { level: null })).toEqual([{ loc: ['level'], type: 'literal_error', msg: LEVEL }]);
    expect(accept(Lits, { level: 'low', one: null })[0].one).toBeNull();
    expect(reject(Lits, {})).toEqual([{ loc: ['level'], type: 'missing', msg: 'Field required' }]);
  });

  describe('finish_reason on the protocol choices', () => {
    const chat = { index: 0, message: { role: 'assistant' } };
    const stream = { index: 0, delta: {} };
    const text = { index: 0, text: 't' };

    it.each(['stop', 'length', 'function_call', 'tool_calls', 'abort'])('ChatCompletionResponseChoice accepts %p', (reason) => {
      expect(accept(ChatCompletionResponseChoice, { ...chat, finish_reason: reason })[0].finish_reason).toBe(reason);
    });

    it('ChatCompletionStreamResponseChoice accepts "tool_calls" (C7) but not "abort"', () => {
      expect(accept(ChatCompletionStreamResponseChoice, { ...stream, finish_reason: 'tool_calls' })[1].finish_reason).toBe('tool_calls');
      expect(reject(ChatCompletionStreamResponseChoice, { ...stream, finish_reason: 'abort' })).toEqual([
        {
          loc: ['finish_reason'],
          type: 'literal_error',
          msg: "Input should be 'stop', 'length', 'function_call' or 'tool_calls'",
        },
      ]);
    });

    it('CompletionResponseChoice rejects "tool_calls" and accepts null', () => {
      expect(reject(CompletionResponseChoice, { ...text, finish_reason: 'tool_calls' })).toEqual([
        { loc: ['finish_reason'], type: 'literal_error', msg: "Input should be 'stop', 'length' or 'function_call'" },
      ]);
      expect(accept(CompletionResponseChoice, { ...text, finish_reason: null })[0].finish_reason).toBeNull();
    });

    it('DeltaToolCall.type takes only "function"', () => {
      expect(accept(DeltaToolCall, { index: 0, type: 'function' })[0].type).toBe('function');
      expect(reject(DeltaToolCall, { index: 0, type: 'tool' })).toEqual([
        { loc: ['type'], type: 'literal_error', msg: "Input should be 'function'" },
      ]);
    });
  });
});
