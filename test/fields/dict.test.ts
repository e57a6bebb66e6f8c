/** Free-form dict fields (DictField / dictType): objects only, values kept as given; on both routes. */
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ChatMessage, DictField, OpenAIBaseModel, ToolFunction, issuesFromValidationErrors } from '../../src';
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

class Dicts extends OpenAIBaseModel {
  @DictField() params: Record<string, unknown> = {};
  @DictField({ nullable: true }) maybe: Record<string, unknown> | null = null;
}

const DICT = 'Input should be a valid dictionary';

describe('DictField (dict)', () => {
  it('keeps any JSON values as given, without coercion, on both routes', () => {
    const params = { s: '5', n: 1.5, b: false, z: null, arr: [1, 'two', null, { deep: [[]] }], obj: { a: { b: 'c' } } };
    const [fast, deco] = accept(Dicts, { params });
    expect(fast.params).toEqual(params);
    expect(deco.params).toEqual(params);
    expect(fast.toJSON().params).toEqual(params);
  });

  it('accepts an empty object and fills the default {} when absent', () => {
    expect(accept(Dicts, { params: {} })[0].params).toEqual({});
    expect(accept(Dicts, {})[1].params).toEqual({});
  });

  it.each([[[]], [[1, 2]], ['{}'], [5], [true]])('rejects %p with dict_type on both routes', (input) => {
    expect(reject(Dicts, { params: input })).toEqual([{ loc: ['params'], type: 'dict_type', msg: DICT }]);
  });

  it('rejects null for a non-nullable dict and keeps null for a nullable one', () => {
    expect(reject(Dicts, { params: null })).toEqual([{ loc: ['params'], type: 'dict_type', msg: DICT }]);
    expect(accept(Dicts, { maybe: null })[0].maybe).toBeNull();
  });

  it('never lets a "__proto__" key reach a prototype (parsed from JSON text)', () => {
    const body = JSON.parse('{"params": {"__proto__": {"polluted": true}, "a": 1}}');
    const [fast, deco] = accept(Dicts, body);
    for (const got of [fast, deco]) {
      expect(Object.getPrototypeOf(got.params)).toBe(Object.prototype);
      expect((got.params as { polluted?: unknown }).polluted).toBeUndefined();
      expect(got.params.a).toBe(1);
    }
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  describe('on the protocol models', () => {
    it('keeps ToolFunction.parameters (a JSON schema) as given', () => {
      const parameters = { type: 'object', properties: { city: { type: 'string', enum: ['a', null] } }, required: ['city'] };
      expect(accept(ToolFunction, { name: 'f', parameters })[0].parameters).toEqual(parameters);
      expect(reject(ToolFunction, { name: 'f', parameters: null })).toEqual([{ loc: ['parameters'], type: 'dict_type', msg: DICT }]);
    });

    it('keeps ChatMessage.function_call and accepts null', () => {
      const call = { name: 'f', arguments: '{"a": 1}' };
      expect(accept(ChatMessage, { role: 'assistant', function_call: call })[1].function_call).toEqual(call);
      expect(accept(ChatMessage, { role: 'assistant', function_call: null })[1].function_call).toBeNull();
      expect(reject(ChatMessage, { role: 'assistant', function_call: ['f'] })).toEqual([
        { loc: ['function_call'], type: 'dict_type', msg: DICT },
      ]);
    });
  });
});
