/**
 * OpenAIBaseModel (src/model.ts): extras, dump order, extraKeys, the onExtraKeys
 * hook, fieldNames, dump options, copy, and the parse entry points.
 */
import { Expose } from 'class-transformer';
import {
  ChatCompletionRequest,
  ChatMessage,
  CompletionRequest,
  CompletionResponse,
  ContentPart,
  ImageURL,
  IntField,
  TextPart,
  OpenAIBaseModel,
  ProtocolValidationError,
  StrField,
  ToolDefinition,
  UsageInfo,
} from '../src';
import { accept, reject } from './helpers/routes';

const base = { model: 'm', messages: [] };

describe('extra keys', () => {
  const body = {
    zeta: { untouched: ['1', 2, null, true] },
    model: 'm',
    messages: [
      {
        role: 'user',
        content: [{ type: 'text', text: 'hi', cache: { ttl: '5m' } }],
        msg_extra: null,
      },
    ],
    tools: [{ type: 'function', function: { name: 'f', strict: true }, tool_extra: 1 }],
    alpha: '0.5',
  };

  it('are kept at every nesting level as enumerable own properties, values untouched, on both routes', () => {
    const [fast, deco] = accept(ChatCompletionRequest, body);
    for (const got of [fast, deco]) {
      const top = got as unknown as Record<string, unknown>;
      expect(Object.getOwnPropertyDescriptor(top, 'zeta')).toMatchObject({ enumerable: true, value: { untouched: ['1', 2, null, true] } });
      expect(top.alpha).toBe('0.5');
      const msg = got.messages[0] as unknown as Record<string, unknown>;
      expect(Object.prototype.propertyIsEnumerable.call(msg, 'msg_extra')).toBe(true);
      expect(msg.msg_extra).toBeNull();
      expect((got.messages[0].content as ContentPart[])[0].cache).toEqual({ ttl: '5m' });
      const tool = got.tools![0] as unknown as Record<string, unknown>;
      expect(tool.tool_extra).toBe(1);
      expect(((got.tools![0] as ToolDefinition).function as unknown as Record<string, unknown>).strict).toBe(true);
    }
  });

  it('are listed by OpenAIBaseModel.extraKeys in input order, per level', () => {
    const [fast, deco] = accept(ChatCompletionRequest, body);
    for (const got of [fast, deco]) {
      expect(OpenAIBaseModel.extraKeys(got)).toEqual(['zeta', 'alpha']);
      expect(ChatCompletionRequest.extraKeys(got)).toEqual(['zeta', 'alpha']);
      expect(OpenAIBaseModel.extraKeys(got.messages[0])).toEqual(['msg_extra']);
      expect(OpenAIBaseModel.extraKeys(got.tools![0])).toEqual(['tool_extra']);
    }
    expect(OpenAIBaseModel.extraKeys(ChatCompletionRequest.parse(base))).toEqual([]);
  });

  it('come after the declared fields in the dump, in input order, at every level', () => {
    const [fast, deco] = accept(ChatCompletionRequest, body);
    // Absent optional fields (principle 2) are not dumped; every other declared field is.
    const fields = [...ChatCompletionRequest.fieldNames].filter((f) => (fast as unknown as Record<string, unknown>)[f] !== undefined);
    expect(fields).toContain('chat_template_kwargs');
    expect(fields).not.toContain('max_completion_tokens');
    for (const dump of [JSON.parse(JSON.stringify(fast)), JSON.parse(JSON.stringify(deco)), fast.toJSON(), fast.dump()]) {
      expect(Object.keys(dump)).toEqual([...fields, 'zeta', 'alpha']);
      expect(Object.keys(dump.messages[0])).toEqual(['role', 'content', 'name', 'function_call', 'tool_calls', 'tool_call_id', 'msg_extra']);
      expect(Object.keys(dump.messages[0].content[0])).toEqual(['type', 'text', 'cache']);
      expect(Object.keys(dump.tools[0])).toEqual(['type', 'function', 'tool_extra']);
      expect(Object.keys(dump.tools[0].function)).toEqual(['name', 'description', 'parameters', 'strict']);
      expect(dump.zeta).toEqual({ untouched: ['1', 2, null, true] });
    }
  });

  it('are kept on constructed instances too', () => {
    const msg = new ChatMessage({ role: 'user', custom: { a: 1 } });
    expect(OpenAIBaseModel.extraKeys(msg)).toEqual(['custom']);
    expect(Object.keys(msg.toJSON()).slice(-1)).toEqual(['custom']);
  });

  it('never carry prototype-unsafe keys onto an instance (body parsed from JSON text)', () => {
    const text = '{"model":"m","messages":[],"__proto__":{"polluted":1},"constructor":2,"toJSON":3,"dump":4,"ok":5}';
    const got = ChatCompletionRequest.parseJson(text);
    expect(OpenAIBaseModel.extraKeys(got)).toEqual(['ok']);
    expect(typeof got.toJSON).toBe('function');
    expect(typeof got.dump).toBe('function');
    expect(got.constructor).toBe(ChatCompletionRequest);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.parse(JSON.stringify(got)).ok).toBe(5);
  });
});

describe('dump order with inheritance', () => {
  class Parent extends OpenAIBaseModel {
    @StrField() first!: string;
    @IntField() second: number = 2;
  }
  class Child extends Parent {
    @StrField() third: string = 't';
  }

  it("puts the parent's declared fields first, then the subclass's, then extras in input order", () => {
    const [fast, deco] = accept(Child, { z: 1, third: 'x', first: 'f', a: 2 });
    expect(Object.keys(fast.toJSON())).toEqual(['first', 'second', 'third', 'z', 'a']);
    expect(Object.keys(deco.toJSON())).toEqual(['first', 'second', 'third', 'z', 'a']);
  });

  it('keeps the declaration order of ToolDefinition (type, function) though it redeclares function', () => {
    expect(Object.keys(ToolDefinition.parse({ function: { name: 'f' } }).toJSON())).toEqual(['type', 'function']);
  });
});

describe('the onExtraKeys hook', () => {
  afterEach(() => {
    delete (ChatCompletionRequest as { onExtraKeys?: unknown }).onExtraKeys;
    delete (CompletionRequest as { onExtraKeys?: unknown }).onExtraKeys;
  });

  it('is off by default', () => {
    expect(OpenAIBaseModel.onExtraKeys).toBeUndefined();
    expect(ChatCompletionRequest.onExtraKeys).toBeUndefined();
  });

  it('hears the top-level extra keys of each parsed body with the model name, nested extras excluded', () => {
    const hook = jest.fn();
    ChatCompletionRequest.onExtraKeys = hook;
    ChatCompletionRequest.parse({ ...base, messages: [{ role: 'u', inner: 1 }], top_a: 1, top_b: 2 });
    expect(hook).toHaveBeenCalledTimes(1);
    expect(hook).toHaveBeenCalledWith(['top_a', 'top_b'], 'ChatCompletionRequest', []);
  });

  it('hears the locations of keys left out because they would shadow a member, at any depth, on both parse routes', () => {
    const hook = jest.fn();
    ChatCompletionRequest.onExtraKeys = hook;
    const text = '{"model":"m","toJSON":1,"messages":[{"role":"u","constructor":2,"content":"c"}],"x":{"toJSON":3,"constructor":4}}';
    const req = ChatCompletionRequest.parseJson(text);
    ChatCompletionRequest.parse(JSON.parse(text));
    expect(hook.mock.calls).toEqual([
      [['x'], 'ChatCompletionRequest', [['toJSON'], ['messages', 0, 'constructor']]],
      [['x'], 'ChatCompletionRequest', [['toJSON'], ['messages', 0, 'constructor']]],
    ]);
    // Inside data nothing is left out.
    expect(JSON.parse(JSON.stringify(req)).x).toEqual({ toJSON: 3, constructor: 4 });
  });

  it('is not called for a body without extras, nor for a rejected body', () => {
    const hook = jest.fn();
    ChatCompletionRequest.onExtraKeys = hook;
    ChatCompletionRequest.parse({ ...base, messages: [{ role: 'u', nested_only: 1 }] });
    expect(ChatCompletionRequest.safeParse({ extra: 1 }).success).toBe(false);
    expect(hook).not.toHaveBeenCalled();
  });

  it('covers parseJson and safeParse, and applies to subclasses with their own name, not to sibling classes', () => {
    const hook = jest.fn();
    ChatCompletionRequest.onExtraKeys = hook;
    class MyRequest extends ChatCompletionRequest {}
    ChatCompletionRequest.parseJson('{"model":"m","messages":[],"a":1}');
    MyRequest.safeParse({ ...base, b: 1 });
    CompletionRequest.parse({ model: 'm', prompt: 'p', c: 1 });
    expect(hook.mock.calls).toEqual([
      [['a'], 'ChatCompletionRequest', []],
      [['b'], 'MyRequest', []],
    ]);
  });
});

describe('fieldNames', () => {
  it('lists declared and inherited names, in declaration order, without extras', () => {
    expect([...ChatCompletionRequest.fieldNames]).toEqual([
      'model', 'messages', 'max_tokens', 'presence_penalty', 'frequency_penalty', 'repetition_penalty', 'temperature',
      'top_p', 'top_k', 'min_p', 'suppress_tokens', 'functions', 'function_call', 'tools', 'tool_choice', 'n', 'stream',
      'stop', 'logit_bias', 'user', 'chat_template_kwargs',
      'max_completion_tokens', 'response_format', 'stream_options', 'seed', 'logprobs', 'top_logprobs', 'parallel_tool_calls',
      'reasoning_effort', 'modalities', 'audio', 'prediction', 'store', 'metadata', 'service_tier', 'verbosity',
      'web_search_options', 'safety_identifier', 'prompt_cache_key',
      'min_tokens', 'stop_token_ids', 'ignore_eos', 'skip_special_tokens', 'include_stop_str_in_output',
      'echo', 'add_generation_prompt', 'continue_final_message', 'chat_template', 'documents',
    ]);
    expect([...UsageInfo.fieldNames]).toEqual([
      'prompt_tokens', 'completion_tokens', 'total_tokens', 'tokens_per_second', 'processing_time',
      'prompt_tokens_details', 'completion_tokens_details',
    ]);
    expect([...CompletionResponse.fieldNames]).toEqual(['id', 'object', 'created', 'model', 'choices', 'usage', 'system_fingerprint']);
  });

  it('is cached: the same set on every read', () => {
    expect(ChatMessage.fieldNames).toBe(ChatMessage.fieldNames);
  });

  it('includes wire aliases from class-transformer @Expose({ name }) and the property name', () => {
    class Aliased extends OpenAIBaseModel {
      @StrField() plain!: string;
      @Expose({ name: 'wireName' }) prop?: string;
    }
    expect(Aliased.fieldNames.has('wireName')).toBe(true);
    expect(Aliased.fieldNames.has('prop')).toBe(true);
    const [fast, deco] = accept(Aliased, { plain: 'p', wireName: 'w', other: 1 });
    for (const got of [fast, deco]) {
      expect(got.prop).toBe('w');
      expect(OpenAIBaseModel.extraKeys(got)).toEqual(['other']);
    }
  });

  it("is computed per class: parsing a parent first does not hide a subclass's own fields (the vLLM bug)", () => {
    class Parent extends OpenAIBaseModel {
      @StrField() a!: string;
    }
    class Child extends Parent {
      @IntField() b: number = 1;
    }
    Parent.parse({ a: 'x' });
    const before = [...Parent.fieldNames];
    expect([...Child.fieldNames]).toEqual(['a', 'b']);
    expect([...Parent.fieldNames]).toEqual(before);
    expect(before).toEqual(['a']);
    expect(Child.fieldNames).not.toBe(Parent.fieldNames);
    expect(OpenAIBaseModel.extraKeys(Child.parse({ a: 'x', b: 2, c: 3 }))).toEqual(['c']);
  });

  it("reading a subclass first does not leak its fields into the parent's", () => {
    class Parent extends OpenAIBaseModel {
      @StrField() a!: string;
    }
    class Child extends Parent {
      @IntField() b: number = 1;
    }
    expect([...Child.fieldNames]).toEqual(['a', 'b']);
    expect([...Parent.fieldNames]).toEqual(['a']);
    expect(OpenAIBaseModel.extraKeys(Parent.parse({ a: 'x', b: 2 }))).toEqual(['b']);
  });
});

describe('absent fields and null', () => {
  it('an absent field takes its default; an absent one without a default is missing (both routes)', () => {
    expect(reject(ChatCompletionRequest, {})).toEqual([
      { loc: ['model'], type: 'missing', msg: 'Field required' },
      { loc: ['messages'], type: 'missing', msg: 'Field required' },
    ]);
    const [fast] = accept(ChatCompletionRequest, base);
    expect(fast.max_tokens).toBe(128);
    expect(fast.temperature).toBe(0.7);
  });

  it('null for a non-nullable field with a default is rejected: {"prompt_tokens": null}', () => {
    expect(reject(UsageInfo, { prompt_tokens: null })).toEqual([
      { loc: ['prompt_tokens'], type: 'int_type', msg: 'Input should be a valid integer' },
    ]);
  });

  it('null for a request\'s sampling parameter means absent (C9): the default stays and it is not set', () => {
    for (const got of accept(ChatCompletionRequest, { ...base, max_tokens: null, temperature: null, suppress_tokens: null })) {
      expect(got.max_tokens).toBe(128);
      expect(got.temperature).toBe(0.7);
      expect(got.suppress_tokens).toEqual([]);
      expect(got.dump({ excludeUnset: true })).toEqual(base);
    }
    for (const got of accept(CompletionRequest, { model: 'm', prompt: 'p', top_k: null })) {
      expect(got.top_k).toBe(0);
      expect(got.dump({ excludeUnset: true })).toEqual({ model: 'm', prompt: 'p' });
    }
  });

  it('an absent optional field stays absent; given, it is checked, kept (null too) and counts as set', () => {
    for (const got of accept(ChatCompletionRequest, base)) {
      expect(got.max_completion_tokens).toBeUndefined();
      expect(JSON.stringify(got)).not.toContain('max_completion_tokens');
      expect(Object.keys(got.dump())).not.toContain('seed');
    }
    for (const got of accept(ChatCompletionRequest, { ...base, max_completion_tokens: '7', seed: null })) {
      expect(got.max_completion_tokens).toBe(7);
      expect(got.seed).toBeNull();
      expect(got.dump({ excludeUnset: true })).toEqual({ ...base, max_completion_tokens: 7, seed: null });
    }
    expect(reject(ChatCompletionRequest, { ...base, max_completion_tokens: 'x', parallel_tool_calls: 'maybe' })).toEqual([
      { loc: ['max_completion_tokens'], type: 'int_parsing', msg: 'Input should be a valid integer, unable to parse string as an integer' },
      { loc: ['parallel_tool_calls'], type: 'bool_parsing', msg: expect.any(String) },
    ]);
    // Not nullable: an optional field without `?` still rejects null (class-validator's IsOptional would not).
    expect(reject(TextPart, { type: 'text', text: null }).map((i) => i.loc)).toEqual([['text']]);
    expect(reject(ImageURL, { url: 'u', detail: 5 }).map((i) => i.loc)).toEqual([['detail']]);
  });

  it('a key whose value is undefined counts as absent', () => {
    const got = ChatCompletionRequest.parse({ ...base, max_tokens: undefined });
    expect(got.max_tokens).toBe(128);
    expect(got.dump({ excludeUnset: true })).toEqual({ model: 'm', messages: [] });
  });
});

describe('dump options', () => {
  const body = {
    model: 'm',
    messages: [{ role: 'user', content: 'hi' }, { role: 'assistant', content: null, tool_calls: [{ id: 'c', function: { name: 'f', arguments: '{}' } }] }],
    temperature: 0.7,
    n: null,
    x_extra: null,
  };

  describe('excludeUnset', () => {
    it('keeps only the fields present in the input, at every depth (lists of models too), on both routes', () => {
      const want = {
        model: 'm',
        messages: [{ role: 'user', content: 'hi' }, { role: 'assistant', content: null, tool_calls: [{ id: 'c', function: { name: 'f', arguments: '{}' } }] }],
        temperature: 0.7,
        n: null,
        x_extra: null,
      };
      const [fast, deco] = accept(ChatCompletionRequest, body);
      expect(fast.dump({ excludeUnset: true })).toEqual(want);
      expect(deco.dump({ excludeUnset: true })).toEqual(want);
    });

    it('on a constructed instance, keeps only the fields given to the constructor', () => {
      expect(new ChatMessage({ role: 'user' }).dump({ excludeUnset: true })).toEqual({ role: 'user' });
      expect(new UsageInfo({ prompt_tokens: 3 }).dump({ excludeUnset: true })).toEqual({ prompt_tokens: 3 });
      const resp = new CompletionResponse({ model: 'm', choices: [{ text: 't', index: 0 }], usage: {} });
      expect(resp.dump({ excludeUnset: true })).toEqual({ model: 'm', choices: [{ text: 't', index: 0 }], usage: {} });
    });

    it('on an instance constructed with no argument, gives {} (nothing was set)', () => {
      expect(new UsageInfo().dump({ excludeUnset: true })).toEqual({});
      expect(new ChatMessage().dump({ excludeUnset: true })).toEqual({});
    });
  });

  describe('excludeDefaults', () => {
    it('drops values equal to the field default at every depth, even when given, on both routes', () => {
      const want = {
        model: 'm',
        messages: [{ role: 'user', content: 'hi' }, { role: 'assistant', tool_calls: [{ id: 'c', function: { name: 'f', arguments: '{}' } }] }],
        n: null,
        x_extra: null,
      };
      const [fast, deco] = accept(ChatCompletionRequest, body);
      expect(fast.dump({ excludeDefaults: true })).toEqual(want);
      expect(deco.dump({ excludeDefaults: true })).toEqual(want);
    });

    it('works on constructed instances', () => {
      const req = new ChatCompletionRequest({ model: 'm', messages: [{ role: 'user' }], temperature: 0.7, max_tokens: 64 });
      expect(req.dump({ excludeDefaults: true })).toEqual({ model: 'm', messages: [{ role: 'user' }], max_tokens: 64 });
    });
  });

  describe('excludeNone', () => {
    it('drops null fields and null extras at every depth, on both routes', () => {
      const [fast, deco] = accept(ChatCompletionRequest, body);
      for (const got of [fast, deco]) {
        const dump = got.dump({ excludeNone: true });
        expect(dump).not.toHaveProperty('n');
        expect(dump).not.toHaveProperty('x_extra');
        expect(dump).not.toHaveProperty('stop');
        expect(dump.max_tokens).toBe(128);
        expect(dump.messages).toEqual([
          { role: 'user', content: 'hi' },
          { role: 'assistant', tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{}' } }] },
        ]);
      }
    });
  });

  it('combine: excludeUnset + excludeNone', () => {
    expect(ChatCompletionRequest.parse(body).dump({ excludeUnset: true, excludeNone: true })).toEqual({
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }, { role: 'assistant', tool_calls: [{ id: 'c', function: { name: 'f', arguments: '{}' } }] }],
      temperature: 0.7,
    });
  });

  it('gives plain data: nested values are plain objects, and no option gives the full dump (= toJSON)', () => {
    const got = ChatCompletionRequest.parse(body);
    const dump = got.dump();
    expect(dump.messages).not.toBe(got.messages);
    expect(Object.getPrototypeOf((dump.messages as object[])[0])).toBe(Object.prototype);
    expect(dump).toEqual(got.toJSON());
    expect(JSON.stringify(got)).toBe(JSON.stringify(got.toJSON()));
  });
});

describe('copy', () => {
  const body = { model: 'm', messages: [{ role: 'user', content: [{ type: 'text', text: 'a' }] }], x: { y: 1 } };

  it('is shallow: same class, same nested references, original unchanged', () => {
    const orig = ChatCompletionRequest.parse(body);
    const copy = orig.copy({ max_tokens: 5 });
    expect(copy).toBeInstanceOf(ChatCompletionRequest);
    expect(copy).not.toBe(orig);
    expect(copy.max_tokens).toBe(5);
    expect(orig.max_tokens).toBe(128);
    expect(copy.messages).toBe(orig.messages);
    expect((copy as unknown as { x: unknown }).x).toBe((orig as unknown as { x: unknown }).x);
    expect(OpenAIBaseModel.extraKeys(copy)).toEqual(['x']);
  });

  it('counts updated fields as set, and keeps the original fields set unchanged', () => {
    const orig = ChatCompletionRequest.parse(body);
    const copy = orig.copy({ temperature: 0.1 });
    expect(Object.keys(copy.dump({ excludeUnset: true }))).toEqual(['model', 'messages', 'temperature', 'x']);
    expect(Object.keys(orig.dump({ excludeUnset: true }))).toEqual(['model', 'messages', 'x']);
  });

  it('does not validate the update, and turns nested plain objects into instances', () => {
    const copy = ChatCompletionRequest.parse(body).copy({ messages: [{ role: 'system', content: 'be brief' }] });
    expect(copy.messages[0]).toBeInstanceOf(ChatMessage);
    expect(copy.messages[0].content).toBe('be brief');
    const unchecked = UsageInfo.parse({}).copy({ prompt_tokens: 'many' as unknown as number });
    expect(unchecked.prompt_tokens).toBe('many');
  });

  it('{ deep: true } copies nested models, arrays and extras', () => {
    const orig = ChatCompletionRequest.parse(body);
    const copy = orig.copy(undefined, { deep: true });
    expect(copy.messages).not.toBe(orig.messages);
    expect(copy.messages[0]).not.toBe(orig.messages[0]);
    expect(copy.messages[0]).toBeInstanceOf(ChatMessage);
    expect((copy.messages[0].content as ContentPart[])[0]).toBeInstanceOf(ContentPart);
    (copy as unknown as { x: { y: number } }).x.y = 2;
    copy.messages[0].role = 'changed';
    expect(orig.toJSON()).toEqual(ChatCompletionRequest.parse(body).toJSON());
    expect(copy.dump({ excludeUnset: true })).toEqual({ ...body, messages: [{ role: 'changed', content: [{ type: 'text', text: 'a' }] }], x: { y: 2 } });
  });

  it('of an instance constructed with no argument, counts only the update as set', () => {
    expect(new UsageInfo().copy({ total_tokens: 1 }).dump({ excludeUnset: true })).toEqual({ total_tokens: 1 });
  });
});

describe('parse, safeParse, parseJson', () => {
  it('parse returns an instance of the class it is called on, or throws ProtocolValidationError', () => {
    expect(ChatMessage.parse({ role: 'user' })).toBeInstanceOf(ChatMessage);
    expect(() => ChatMessage.parse({})).toThrow(ProtocolValidationError);
  });

  it('safeParse returns { success, data } or { success: false, error } and never throws for bad input', () => {
    const ok = ChatMessage.safeParse({ role: 'user' });
    expect(ok.success && ok.data).toBeInstanceOf(ChatMessage);
    const bad = ChatMessage.safeParse({ role: 1 });
    expect(bad.success).toBe(false);
    expect(!bad.success && bad.error.issues).toEqual([{ loc: ['role'], type: 'string_type', msg: 'Input should be a valid string', input: 1 }]);
  });

  it('parseJson takes text or UTF-8 bytes', () => {
    const text = '{"role":"user","content":"héllo"}';
    expect(ChatMessage.parseJson(text).content).toBe('héllo');
    expect(ChatMessage.parseJson(new TextEncoder().encode(text)).content).toBe('héllo');
  });

  it('does not modify the input object', () => {
    const input = { model: 'm', messages: [{ role: 'u', content: [{ type: 't', __proto__x: 1 }] }], max_tokens: '5', extra: { a: 1 } };
    const snapshot = JSON.stringify(input);
    ChatCompletionRequest.parse(input);
    expect(JSON.stringify(input)).toBe(snapshot);
  });
});
