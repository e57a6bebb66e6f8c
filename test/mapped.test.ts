/**
 * The mapped models (src/mapped.ts): PickModel, OmitModel, PartialModel and
 * IntersectionModel, on both routes (`Model.parse` and `plainToInstance` +
 * class-validator, as NestJS's ValidationPipe runs it).
 */
import { Expose, Transform } from 'class-transformer';
import { IsString, MaxLength } from 'class-validator';
import {
  ChatCompletionRequest,
  ChatCompletionResponse,
  ChatMessage,
  IntField,
  IntersectionModel,
  ModelField,
  OmitModel,
  OpenAIBaseModel,
  PartialModel,
  PickModel,
  ProtocolValidationError,
  StrField,
  registerCheck,
  valueError,
  UsageInfo,
  initModel,
} from '../src';
import type { ModelInit } from '../src';
import { accept, reject, routes, seen, sorted } from './helpers/routes';
import { loadCorpus, modelClass } from './corpus';

const base = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };
const message = { role: 'user', content: 'hi', name: null, function_call: null, tool_calls: null, tool_call_id: null };

class Slim extends PickModel(ChatCompletionRequest, ['model', 'messages', 'max_tokens', 'seed'] as const) {}

describe('PickModel', () => {
  it('is a model of its own: instanceof OpenAIBaseModel and of the class, not of the base', () => {
    const [fast, deco] = accept(Slim, base);
    for (const got of [fast, deco]) {
      expect(got).toBeInstanceOf(Slim);
      expect(got).toBeInstanceOf(OpenAIBaseModel);
      expect(got).not.toBeInstanceOf(ChatCompletionRequest);
      expect(got.messages[0]).toBeInstanceOf(ChatMessage);
    }
  });

  it("dumps the kept fields in the base's declaration order (not the keys' order), defaults filled, optional ones absent", () => {
    const Reordered = PickModel(ChatCompletionRequest, ['seed', 'max_tokens', 'messages', 'model']);
    for (const got of accept(Reordered, base)) {
      expect(JSON.stringify(got)).toBe(JSON.stringify({ model: 'm', messages: [message], max_tokens: 128 }));
      expect(got.toJSON()).toEqual({ model: 'm', messages: [message], max_tokens: 128 });
    }
    for (const got of accept(Slim, { seed: 7, ...base, max_tokens: 5 })) {
      expect(Object.keys(got.toJSON())).toEqual(['model', 'messages', 'max_tokens', 'seed']);
      expect(got.dump({ excludeUnset: true })).toEqual({ model: 'm', messages: [{ role: 'user', content: 'hi' }], max_tokens: 5, seed: 7 });
    }
  });

  it("keeps extras, a left-out field of the base included, after the fields and unchecked", () => {
    for (const got of accept(Slim, { ...base, temperature: 'hot', custom: { a: 1 } })) {
      expect(Object.keys(got.toJSON())).toEqual(['model', 'messages', 'max_tokens', 'temperature', 'custom']);
      expect(Slim.extraKeys(got)).toEqual(['temperature', 'custom']);
    }
  });

  it('keeps the rules: the same issues at the same locations on both routes', () => {
    expect(reject(Slim, { model: 5, messages: [{ content: 1 }], max_tokens: 'many', seed: 'x' })).toEqual([
      { loc: ['model'], type: 'string_type', msg: 'Input should be a valid string' },
      { loc: ['messages', 0, 'role'], type: 'missing', msg: 'Field required' },
      expect.objectContaining({ loc: ['messages', 0, 'content'] }),
      expect.objectContaining({ loc: ['max_tokens'], type: 'int_parsing' }),
      expect.objectContaining({ loc: ['seed'], type: 'int_parsing' }),
    ]);
    expect(reject(Slim, { messages: [] })).toEqual([{ loc: ['model'], type: 'missing', msg: 'Field required' }]);
  });

  it('keeps C9 (null sampling parameter means absent) and coercion', () => {
    for (const got of accept(Slim, { ...base, max_tokens: null })) {
      expect(got.max_tokens).toBe(128);
      expect(got.dump({ excludeUnset: true })).toEqual({ model: 'm', messages: [{ role: 'user', content: 'hi' }] });
    }
    for (const got of accept(Slim, { ...base, max_tokens: '7' })) expect(got.max_tokens).toBe(7);
  });

  it('parse, safeParse and parseJson work, and errors name the class', () => {
    expect(Slim.parseJson(JSON.stringify(base)).model).toBe('m');
    const result = Slim.safeParse({});
    expect(result.success).toBe(false);
    expect(() => Slim.parse({})).toThrow(ProtocolValidationError);
    expect(() => Slim.parse({})).toThrow(/Slim/);
  });

  it('has its own fieldNames and jsonSchema', () => {
    expect([...Slim.fieldNames]).toEqual(['model', 'messages', 'max_tokens', 'seed']);
    expect(ChatCompletionRequest.fieldNames.size).toBeGreaterThan(30);
    const schema = Slim.jsonSchema();
    expect(schema.title).toBe('Slim');
    expect(Object.keys(schema.properties as object)).toEqual(['model', 'messages', 'max_tokens', 'seed']);
    expect(schema.required).toEqual(['model', 'messages']);
    const props = schema.properties as Record<string, Record<string, unknown>>;
    expect(props.max_tokens).toMatchObject({ type: 'integer', default: 128, description: 'Most tokens to generate.' });
    expect(props.seed.description).toBe('A seed for reproducible sampling.');
    expect(props.messages.items).toEqual({ $ref: '#/$defs/ChatMessage' });
    expect(Object.keys(schema.$defs as object)).toContain('ChatMessage');
  });

  it('builds from its constructor like any model, and names the class after the base when not subclassed', () => {
    const Bare = PickModel(ChatCompletionRequest, ['model', 'max_tokens']);
    expect(Bare.name).toBe('PickChatCompletionRequest');
    const made = new Bare({ model: 'x' });
    expect(made.toJSON()).toEqual({ model: 'x', max_tokens: 128 });
    expect(made.dump({ excludeUnset: true })).toEqual({ model: 'x' });
    expect(new Bare().dump({ excludeDefaults: true })).toEqual({});
  });

  it('gives each instance its own generated defaults (ids, times) and its own copy of list defaults', () => {
    const Head = PickModel(ChatCompletionResponse, ['id', 'object', 'created', 'model']);
    const a = new Head({ model: 'x' });
    const b = new Head({ model: 'x' });
    expect(a.id).toMatch(/^chat-/);
    expect(a.id).not.toBe(b.id);
    expect(a.object).toBe('chat.completion');
    expect(typeof a.created).toBe('number');
    const Tokens = PickModel(ChatCompletionRequest, ['suppress_tokens']);
    const t1 = new Tokens();
    t1.suppress_tokens.push(1);
    expect(new Tokens().suppress_tokens).toEqual([]);
  });

  it('is typed: kept fields only, statics returning the subclass', () => {
    const got: Slim = Slim.parse(base);
    const tokens: number = got.max_tokens;
    expect(tokens).toBe(128);
    // @ts-expect-error temperature is not a field of Slim
    expect(got.temperature).toBeUndefined();
    // @ts-expect-error not a field of ChatCompletionRequest
    expect(() => PickModel(ChatCompletionRequest, ['modle'])).toThrow(/no field/);
    // @ts-expect-error a method is not a field
    expect(() => OmitModel(ChatCompletionRequest, ['dump'])).toThrow(/no field "dump"/);
  });

  it('rejects a name the base does not declare, and a base that is not a model', () => {
    expect(() => PickModel(ChatCompletionRequest, ['modle' as 'model'])).toThrow('PickModel: ChatCompletionRequest has no field "modle"');
    expect(() => PickModel(ChatCompletionRequest, ['toJSON' as 'model'])).toThrow(/no field "toJSON"/);
    expect(() => PickModel(class NotAModel {} as never, [])).toThrow(/expected a model class/);
  });
});

describe('OmitModel', () => {
  const NoTools = OmitModel(ChatCompletionRequest, ['functions', 'function_call', 'tools', 'tool_choice']);

  it("keeps every other field in the base's order, with its default, and the left-out ones are extras", () => {
    const full = ChatCompletionRequest.parse(base).toJSON();
    for (const got of accept(NoTools, { ...base, tools: [1] })) {
      expect(got).not.toBeInstanceOf(ChatCompletionRequest);
      const { functions: _f, function_call: _c, tools: _t, tool_choice: _tc, ...rest } = full;
      expect(got.toJSON()).toEqual({ ...rest, tools: [1] });
      expect(Object.keys(got.toJSON())).toEqual([...Object.keys(rest), 'tools']);
    }
    expect(NoTools.fieldNames.has('tools')).toBe(false);
    expect(NoTools.fieldNames.has('temperature')).toBe(true);
  });

  it('is a model of its own, with a schema that lacks the omitted fields', () => {
    const [fast, deco] = accept(NoTools, base);
    for (const got of [fast, deco]) expect(got).toBeInstanceOf(OpenAIBaseModel);
    const props = NoTools.jsonSchema().properties as Record<string, unknown>;
    expect(Object.keys(props)).toEqual([...NoTools.fieldNames]);
    expect(props.tools).toBeUndefined();
    expect(props.temperature).toMatchObject({ type: 'number', default: 0.7 });
    expect(NoTools.jsonSchema().required).toEqual(['model', 'messages']);
  });

  it('errors as the base does for the fields it keeps', () => {
    const body = { ...base, temperature: 'x', n: 'y', tools: 'not checked' };
    expect(reject(NoTools, body)).toEqual(reject(ChatCompletionRequest, { ...base, temperature: 'x', n: 'y' }));
  });
});

describe('PartialModel', () => {
  const Patch = PartialModel(ChatCompletionRequest);

  it('accepts an empty body and dumps nothing: absent when absent, no defaults, never missing', () => {
    for (const got of accept(Patch, {})) {
      expect(got).toBeInstanceOf(OpenAIBaseModel);
      expect(JSON.stringify(got)).toBe('{}');
      expect(got.max_tokens).toBeUndefined();
    }
    expect(JSON.stringify(new Patch())).toBe('{}');
  });

  it('dumps exactly what was given, in declaration order, and checks it', () => {
    for (const got of accept(Patch, { temperature: 0.2, model: 'm', extra: true })) {
      expect(JSON.stringify(got)).toBe('{"model":"m","temperature":0.2,"extra":true}');
    }
    expect(reject(Patch, { temperature: 'hot', messages: [{}] })).toEqual([
      { loc: ['messages', 0, 'role'], type: 'missing', msg: 'Field required' },
      expect.objectContaining({ loc: ['temperature'], type: 'float_parsing' }),
    ]);
  });

  it('takes null where the base does: nullable fields keep it, C9 fields treat it as absent, others reject it', () => {
    for (const got of accept(Patch, { user: null, top_k: null })) expect(JSON.stringify(got)).toBe('{"user":null}');
    expect(reject(Patch, { model: null })).toEqual([{ loc: ['model'], type: 'string_type', msg: 'Input should be a valid string' }]);
  });

  it('has no required fields and no defaults in its schema', () => {
    const schema = Patch.jsonSchema();
    expect(schema.required).toBeUndefined();
    const props = schema.properties as Record<string, Record<string, unknown>>;
    expect(Object.keys(props)).toEqual([...ChatCompletionRequest.fieldNames]);
    expect(Object.values(props).some((p) => 'default' in p)).toBe(false);
    expect(props.max_tokens.description).toBe('Most tokens to generate.');
  });
});

class TenantFields extends OpenAIBaseModel {
  /** The billing tenant. */
  @StrField() tenant!: string;
  @IntField() max_tokens: number = 16;
}

describe('IntersectionModel', () => {
  const Both = IntersectionModel(PickModel(ChatCompletionRequest, ['model', 'messages', 'max_tokens']), TenantFields);

  it("has every class's fields in order; a shared field keeps its first place and takes the last class's rule and default", () => {
    expect(Both.name).toBe('IntersectionPickChatCompletionRequestTenantFields');
    expect([...Both.fieldNames]).toEqual(['model', 'messages', 'max_tokens', 'tenant']);
    for (const got of accept(Both, { ...base, tenant: 't' })) {
      expect(got).not.toBeInstanceOf(TenantFields);
      expect(got.toJSON()).toEqual({ model: 'm', messages: [message], max_tokens: 16, tenant: 't' });
    }
    // TenantFields's max_tokens has no C9: null is an error there.
    expect(reject(Both, { ...base, max_tokens: null })).toEqual([
      { loc: ['max_tokens'], type: 'int_type', msg: 'Input should be a valid integer' },
      { loc: ['tenant'], type: 'missing', msg: 'Field required' },
    ]);
  });

  it('is a model of its own, keeps extras, and has a schema of all the fields', () => {
    for (const got of accept(Both, { ...base, tenant: 't', extra: [1] })) {
      expect(got).toBeInstanceOf(OpenAIBaseModel);
      expect(Both.extraKeys(got)).toEqual(['extra']);
    }
    const schema = Both.jsonSchema();
    expect(Object.keys(schema.properties as object)).toEqual(['model', 'messages', 'max_tokens', 'tenant']);
    expect(schema.required).toEqual(['model', 'messages', 'tenant']);
    expect((schema.properties as Record<string, unknown>).max_tokens).toMatchObject({ default: 16 });
  });

  it('rejects no classes and a class that is not a model', () => {
    expect(() => (IntersectionModel as (...c: unknown[]) => unknown)()).toThrow(/at least one/);
    expect(() => IntersectionModel(TenantFields, Date as never)).toThrow(/class Date/);
  });
});

describe("a user's subclass of a mapped model", () => {
  class MyRequest extends PickModel(ChatCompletionRequest, ['model', 'messages'] as const) {
    @StrField({ nullable: true }) session_id: string | null = null;
    @IntField({ optional: true }) priority?: number;

    constructor(init?: ModelInit<MyRequest>) {
      super();
      initModel(this, init);
    }

    describe(): string {
      return `${this.model}: ${this.messages.length}`;
    }
  }

  it('adds its fields after the mapped ones, on both routes', () => {
    for (const got of accept(MyRequest, { ...base, session_id: 's', priority: 2, x: 1 })) {
      expect(got).toBeInstanceOf(MyRequest);
      expect(got.describe()).toBe('m: 1');
      expect(JSON.stringify(got)).toBe(JSON.stringify({ model: 'm', messages: [message], session_id: 's', priority: 2, x: 1 }));
    }
    expect(reject(MyRequest, { ...base, priority: 'p' })).toEqual([expect.objectContaining({ loc: ['priority'], type: 'int_parsing' })]);
    expect([...MyRequest.fieldNames]).toEqual(['model', 'messages', 'session_id', 'priority']);
    expect(new MyRequest({ model: 'x' }).toJSON()).toEqual({ model: 'x', session_id: null });
  });
});

describe("a user's own decorators on the base come along", () => {
  class Decorated extends ChatCompletionRequest {
    @MaxLength(8) @IsString() tag: string = 'none';
    @Expose({ name: 'userName' }) @IsString() user_name!: string;
    @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)) @StrField() note: string = '';
  }

  it('PickModel carries class-validator and class-transformer decorators of the kept properties, with their defaults', () => {
    const Picked = PickModel(Decorated, ['model', 'tag', 'user_name', 'note']);
    for (const got of accept(Picked, { model: 'm', userName: 'ann', note: '  hi ' })) {
      expect(got.toJSON()).toEqual({ model: 'm', tag: 'none', user_name: 'ann', note: 'hi' });
    }
    expect(reject(Picked, { model: 'm', userName: 'a', tag: 'much too long' })).toEqual([
      expect.objectContaining({ loc: ['tag'], msg: expect.stringMatching(/shorter than or equal to 8/) }),
    ]);
    // The alias's error is located where the base locates it.
    const baseIssue = reject(Decorated, { ...base }).find((i) => i.type === 'isString');
    expect(baseIssue).toBeDefined();
    expect(reject(Picked, { model: 'm' })).toEqual([baseIssue]);
  });

  it('OmitModel leaves the omitted ones behind', () => {
    const Omitted = OmitModel(Decorated, ['tag', 'user_name', 'note']);
    const { inst, issues } = routes(Omitted, { ...base, tag: 'much too long' });
    expect(issues).toEqual([]);
    expect(inst.toJSON()).toEqual({ ...ChatCompletionRequest.parse(base).toJSON(), tag: 'much too long' });
  });

  it("PartialModel applies a user's rules to present values only", () => {
    const Partial = PartialModel(Decorated);
    for (const got of accept(Partial, {})) expect(JSON.stringify(got)).toBe('{}');
    expect(reject(Partial, { tag: 'much too long' })).toEqual([expect.objectContaining({ loc: ['tag'] })]);
  });
});

describe('a nested model as a default', () => {
  class WithUsage extends OpenAIBaseModel {
    @StrField() id: string = 'x';
    @ModelField(() => UsageInfo) usage: UsageInfo = new UsageInfo();
  }

  it('is built afresh for each instance, as the base builds it', () => {
    const M = PickModel(WithUsage, ['usage']);
    const a = new M();
    const b = M.parse({});
    expect(a.usage).toBeInstanceOf(UsageInfo);
    expect(b.usage).toBeInstanceOf(UsageInfo);
    expect(a.usage).not.toBe(b.usage);
    expect(JSON.stringify(a)).toBe(JSON.stringify(new WithUsage().copy()).replace('"id":"x",', ''));
  });
});

describe('protocol checks (parse with { checks })', () => {
  it("apply a base's built-in rules that read only kept fields", () => {
    const Counted = PickModel(ChatCompletionRequest, ['model', 'messages', 'n', 'top_logprobs']);
    const result = Counted.safeParse({ ...base, n: 0, top_logprobs: 3 }, { checks: true });
    if (result.success) throw new Error('accepted');
    // top_logprobs's rule also reads logprobs, which Counted does not keep.
    expect(result.error.issues.map((i) => [i.loc, i.msg])).toEqual([[['n'], 'n must be at least 1, got 0']]);
    expect(Counted.safeParse({ ...base, n: 0 }).success).toBe(true);
  });

  it("apply a user's rules on the base to Pick, Omit and Intersection models, and only built-in ones to a PartialModel", () => {
    class Capped extends ChatCompletionRequest {}
    registerCheck(Capped, {
      fields: ['max_tokens'],
      check: (r) => (r.max_tokens > 100 ? [valueError(['max_tokens'], 'max_tokens must be at most 100', r.max_tokens)] : undefined),
    });
    const body = { ...base, max_tokens: 500, n: 0 };
    for (const M of [PickModel(Capped, ['model', 'messages', 'max_tokens', 'n']), OmitModel(Capped, ['tools']), IntersectionModel(Capped)]) {
      const result = M.safeParse(body, { checks: true });
      if (result.success) throw new Error('accepted');
      expect(result.error.issues.map((i) => i.msg)).toEqual(['n must be at least 1, got 0', 'max_tokens must be at most 100']);
    }
    const partial = PartialModel(Capped).safeParse(body, { checks: true });
    if (partial.success) throw new Error('accepted');
    expect(partial.error.issues.map((i) => i.msg)).toEqual(['n must be at least 1, got 0']);
    expect(PartialModel(Capped).safeParse({}, { checks: true }).success).toBe(true);
    expect(PickModel(Capped, ['model', 'messages']).safeParse(body, { checks: true }).success).toBe(true);
  });
});

/** A dump without generated ids and times, which differ between two separately built instances. */
function stable(model: object): string {
  return JSON.stringify(model, (key, value: unknown) => ((key === 'id' || key === 'created') && value !== undefined && typeof value !== 'object' ? '<generated>' : value));
}

describe('over the conformance corpus', () => {
  const cases = loadCorpus();
  const copies = new Map<string, ReturnType<typeof IntersectionModel>>();
  const partials = new Map<string, ReturnType<typeof PartialModel>>();
  const copyOf = (name: string) => {
    let c = copies.get(name);
    if (!c) copies.set(name, (c = IntersectionModel(modelClass(name))));
    return c;
  };
  const partialOf = (name: string) => {
    let c = partials.get(name);
    if (!c) partials.set(name, (c = PartialModel(modelClass(name))));
    return c;
  };

  it('a mapped copy of each model (IntersectionModel of one) answers every case as the model does, on both routes', () => {
    const wrong: string[] = [];
    const outcome = (cls: ReturnType<typeof modelClass>, input: unknown): string => {
      const parsed = cls.safeParse(input);
      const fast = parsed.success ? stable(parsed.data) : JSON.stringify(seen(parsed.error.issues));
      // The decorator route only takes objects (NestJS's pipes answer other bodies before it).
      if (input === null || typeof input !== 'object' || Array.isArray(input)) return fast;
      const { inst, issues } = routes(cls, input);
      return `${fast} | ${issues.length ? JSON.stringify(sorted(seen(issues))) : stable(inst)}`;
    };
    let accepted = 0;
    for (const c of cases) {
      // Only the class's name differs, where a message names it.
      const mine = outcome(copyOf(c.model), c.input).split(`Intersection${c.model}`).join(c.model);
      const theirs = outcome(modelClass(c.model), c.input);
      if (mine !== theirs) wrong.push(`${c.id}: ${mine} vs ${theirs}`);
      if (copyOf(c.model).safeParse(c.input).success) accepted++;
    }
    expect(cases.length).toBeGreaterThan(3000);
    expect(accepted).toBe(cases.filter((c) => c.ok).length);
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it("a PartialModel accepts every body its base accepts and dumps exactly the base's top-level fields set, on both routes", () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const c of cases) {
      if (!c.ok) continue;
      // The base's fields set at the top level (shallow, like NestJS's PartialType: nested models keep their defaults).
      const full = modelClass(c.model).parse(c.input);
      const given = Object.keys(full.dump({ excludeUnset: true }));
      const expected = stable(Object.fromEntries(given.map((k) => [k, (full as unknown as Record<string, unknown>)[k]])));
      const { parsed, inst, issues } = routes(partialOf(c.model), c.input);
      checked++;
      if (!parsed.success || issues.length) wrong.push(`${c.id}: rejected`);
      else if (stable(parsed.data) !== expected) wrong.push(`${c.id}: fast ${stable(parsed.data)} vs ${expected}`);
      else if (stable(inst) !== expected) wrong.push(`${c.id}: decorator ${stable(inst)} vs ${expected}`);
    }
    expect(checked).toBeGreaterThan(1000);
    expect(wrong.slice(0, 20)).toEqual([]);
  });
});
