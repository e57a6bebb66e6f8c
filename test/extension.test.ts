/**
 * Extending the protocol classes: subclass fields, plain class-validator
 * decorators, overriding a parent's default or rule, and subclass constructors.
 */
import { IsIn, IsOptional, IsString } from 'class-validator';
import { ChatCompletionRequest, ChatMessage, IntField, OpenAIBaseModel, StrField, initModel } from '../src';
import type { ModelInit } from '../src';
import { accept, reject } from './helpers/routes';

const base = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };

class MyRequest extends ChatCompletionRequest {
  @StrField({ nullable: true }) session_id: string | null = null;
}

describe('a subclass with its own field (MyRequest adds session_id)', () => {
  it('parses to an instance of both classes, on both routes', () => {
    const [fast, deco] = accept(MyRequest, { ...base, session_id: 's-1' });
    for (const got of [fast, deco]) {
      expect(got).toBeInstanceOf(MyRequest);
      expect(got).toBeInstanceOf(ChatCompletionRequest);
      expect(got.session_id).toBe('s-1');
      expect(got.messages[0]).toBeInstanceOf(ChatMessage);
    }
    expect(accept(MyRequest, base)[0].session_id).toBeNull();
  });

  it("lists session_id in MyRequest.fieldNames but not in ChatCompletionRequest's", () => {
    expect(MyRequest.fieldNames.has('session_id')).toBe(true);
    expect(MyRequest.fieldNames.has('model')).toBe(true);
    expect(ChatCompletionRequest.fieldNames.has('session_id')).toBe(false);
  });

  it('does not count session_id as an extra of MyRequest, while ChatCompletionRequest keeps it as one', () => {
    expect(OpenAIBaseModel.extraKeys(MyRequest.parse({ ...base, session_id: 's' }))).toEqual([]);
    expect(OpenAIBaseModel.extraKeys(ChatCompletionRequest.parse({ ...base, session_id: 's' }))).toEqual(['session_id']);
  });

  it('dumps the parent fields first, then session_id', () => {
    const present = [...ChatCompletionRequest.fieldNames].filter((f) => f !== 'max_completion_tokens' && ChatCompletionRequest.parse(base).dump()[f] !== undefined);
    expect(Object.keys(MyRequest.parse(base).toJSON())).toEqual([...present, 'session_id']);
  });

  it('rejects a bad session_id at ["session_id"] on both routes, with the parent rules still applied', () => {
    expect(reject(MyRequest, { ...base, session_id: 42 })).toEqual([
      { loc: ['session_id'], type: 'string_type', msg: 'Input should be a valid string' },
    ]);
    expect(reject(MyRequest, { model: 'm', messages: [], session_id: 's', max_tokens: 'x' })).toEqual([
      { loc: ['max_tokens'], type: 'int_parsing', msg: 'Input should be a valid integer, unable to parse string as an integer' },
    ]);
  });

  it('leaves ChatCompletionRequest unaffected', () => {
    const [fast] = accept(ChatCompletionRequest, { ...base, session_id: 42 });
    expect((fast as unknown as { session_id: unknown }).session_id).toBe(42);
  });
});

describe('a subclass field with plain class-validator decorators (the fallback route)', () => {
  class Nicknamed extends ChatCompletionRequest {
    @IsOptional() @IsString() nickname?: string;
  }

  it('accepts and keeps the field on both routes, with the parent coercions', () => {
    const [fast, deco] = accept(Nicknamed, { ...base, nickname: 'nick', max_tokens: '7', extra: 1 });
    for (const got of [fast, deco]) {
      expect(got).toBeInstanceOf(Nicknamed);
      expect(got.nickname).toBe('nick');
      expect(got.max_tokens).toBe(7);
      expect(OpenAIBaseModel.extraKeys(got)).toEqual(['extra']);
    }
    expect(accept(Nicknamed, base)[0].nickname).toBeUndefined();
  });

  it('lists nickname in fieldNames', () => {
    expect(Nicknamed.fieldNames.has('nickname')).toBe(true);
    expect(ChatCompletionRequest.fieldNames.has('nickname')).toBe(false);
  });

  it("reports the class-validator error and the library's errors together, alike on both routes", () => {
    const issues = reject(Nicknamed, { ...base, nickname: 5, temperature: 'hot', messages: [{}] });
    expect(issues).toHaveLength(3);
    expect(issues).toEqual(
      expect.arrayContaining([
        { loc: ['messages', 0, 'role'], type: 'missing', msg: 'Field required' },
        { loc: ['temperature'], type: 'float_parsing', msg: 'Input should be a valid number, unable to parse string as a number' },
        { loc: ['nickname'], type: 'isString', msg: 'nickname must be a string' },
      ]),
    );
  });

  it('records unset fields on the fallback route too', () => {
    expect(Nicknamed.parse({ ...base, nickname: 'n' }).dump({ excludeUnset: true })).toEqual({ ...base, nickname: 'n' });
  });
});

describe("overriding a parent field's default (initialiser only)", () => {
  class LongRequest extends ChatCompletionRequest {
    override max_tokens = 1024;
    override temperature = 0.2;
  }

  it('uses the new defaults on both routes and keeps the rule', () => {
    const [fast, deco] = accept(LongRequest, base);
    for (const got of [fast, deco]) {
      expect(got.max_tokens).toBe(1024);
      expect(got.temperature).toBe(0.2);
    }
    expect(accept(LongRequest, { ...base, max_tokens: '9' })[1].max_tokens).toBe(9);
    // C9: null is absent, so the subclass's own default applies on both routes.
    for (const got of accept(LongRequest, { ...base, max_tokens: null, temperature: null })) {
      expect(got.max_tokens).toBe(1024);
      expect(got.temperature).toBe(0.2);
      expect(got.dump({ excludeUnset: true })).toEqual(base);
    }
    expect(reject(LongRequest, { ...base, max_tokens: 'x' })).toHaveLength(1);
  });

  it('keeps the field in its declared position and counts the new default for excludeDefaults', () => {
    const got = LongRequest.parse({ ...base, max_tokens: 1024, temperature: 0.7 });
    expect([...LongRequest.fieldNames]).toEqual([...ChatCompletionRequest.fieldNames]);
    expect(got.dump({ excludeDefaults: true })).toEqual({ ...base, temperature: 0.7 });
  });

  it('does not change the parent default', () => {
    expect(ChatCompletionRequest.parse(base).max_tokens).toBe(128);
  });
});

describe("overriding a parent field's rule (re-decorating)", () => {
  // TypeScript does not let a subclass widen a property's type (number → number | null),
  // so the initialisers are cast; the runtime rule is what the decorator says.
  class LooseRequest extends ChatCompletionRequest {
    @IntField({ nullable: true }) override max_tokens = null as unknown as number;
    @StrField() override stop = 'END' as string | string[] | null;
  }

  it('applies the new rules on both routes', () => {
    const [fast, deco] = accept(LooseRequest, { ...base, max_tokens: null, stop: 'x' });
    for (const got of [fast, deco]) {
      expect(got.max_tokens).toBeNull();
      expect(got.stop).toBe('x');
    }
    expect(accept(LooseRequest, base)[0].max_tokens).toBeNull();
    expect(accept(LooseRequest, base)[1].stop).toBe('END');
    expect(accept(LooseRequest, { ...base, max_tokens: '5' })[1].max_tokens).toBe(5);
  });

  it('rejects what the new rule rejects: a list for stop, null for the now non-nullable stop', () => {
    expect(reject(LooseRequest, { ...base, stop: ['x'] })).toEqual([{ loc: ['stop'], type: 'string_type', msg: 'Input should be a valid string' }]);
    expect(reject(LooseRequest, { ...base, stop: null })).toEqual([{ loc: ['stop'], type: 'string_type', msg: 'Input should be a valid string' }]);
  });

  it('keeps the field in its parent position and leaves the parent rules alone', () => {
    expect([...LooseRequest.fieldNames]).toEqual([...ChatCompletionRequest.fieldNames]);
    expect(accept(ChatCompletionRequest, { ...base, max_tokens: null })[0].max_tokens).toBe(128);
    expect(accept(ChatCompletionRequest, { ...base, stop: ['x'] })[0].stop).toEqual(['x']);
  });
});

describe('a subclass constructor that keeps its own initialised fields', () => {
  class TaggedRequest extends ChatCompletionRequest {
    @StrField({ nullable: true }) session_id: string | null = 'anonymous';
    @IntField() priority: number = 0;

    constructor(init?: ModelInit<TaggedRequest>) {
      super();
      initModel(this, init);
    }
  }

  it('new TaggedRequest({ session_id }) keeps the given value, with defaults filled and nested objects built', () => {
    const req = new TaggedRequest({ session_id: 'abc', model: 'm', messages: [{ role: 'user' }] });
    expect(req.session_id).toBe('abc');
    expect(req.priority).toBe(0);
    expect(req.max_tokens).toBe(128);
    expect(req.messages[0]).toBeInstanceOf(ChatMessage);
    expect(req.dump({ excludeUnset: true })).toEqual({ model: 'm', messages: [{ role: 'user' }], session_id: 'abc' });
  });

  it('new TaggedRequest() takes the subclass defaults', () => {
    const req = new TaggedRequest();
    expect(req.session_id).toBe('anonymous');
    expect(req.priority).toBe(0);
  });

  it('parses on both routes', () => {
    const [fast, deco] = accept(TaggedRequest, { ...base, priority: '3' });
    for (const got of [fast, deco]) {
      expect(got.session_id).toBe('anonymous');
      expect(got.priority).toBe(3);
    }
  });
});

describe('optional fields under a subclass that re-decorates a parent field', () => {
  class PickyMessage extends ChatMessage {
    @IsIn(['user', 'assistant']) override role!: string;
  }
  class RetypedMessage extends ChatMessage {
    @StrField() override role!: string;
  }

  it.each([PickyMessage, RetypedMessage])('%p still checks the inherited optional fields on both routes', (cls) => {
    expect(reject(cls, { role: 'user', refusal: 5 }).map((i) => i.loc)).toEqual([['refusal']]);
    const [fast, deco] = accept(cls, { role: 'user', reasoning_content: null });
    for (const got of [fast, deco]) expect(got.dump({ excludeUnset: true })).toEqual({ role: 'user', reasoning_content: null });
  });
});
