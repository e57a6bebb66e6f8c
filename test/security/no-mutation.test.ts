/**
 * Guarantee 3: the caller's object is never mutated, and a frozen input parses.
 * Inputs are deep-frozen (the library's modules are strict code, so any write
 * would throw) and also compared with a structural snapshot taken before.
 */
import { ChatCompletionRequest, ChatCompletionResponse, ChatMessage, OpenAIBaseModel } from '../../src';
import { loadCorpus, modelClass } from '../corpus';
import { Model, VALUE_ROUTES, deepFreeze, snapshot, wire } from './helpers';

const C = '"oaiSecurityCanary"';
/** A body that touches every kind of value: nested models, free-form objects, maps, content parts, hostile keys. */
const TEXT =
  `{"model":"m","__proto__":{${C}:1},"constructor":{"prototype":{${C}:1}},"toJSON":1,"extra":{"a":[1,{"b":null}],"__proto__":{${C}:1}},` +
  `"messages":[{"role":"user","content":[{"type":"text","text":"hi","__proto__":{${C}:1}},{"type":"image_url","image_url":{"url":"u"}}],"x":{"__proto__":{}}},` +
  `{"role":"assistant","function_call":{"name":"f","arguments":"{}","__proto__":{${C}:1}},"tool_calls":[{"id":"c","function":{"name":"f","arguments":"{}"}}]}],` +
  `"tools":[{"function":{"name":"f","parameters":{"type":"object","properties":{"a":{"type":"string"}},"__proto__":{${C}:1}}}}],` +
  `"tool_choice":{"type":"function","function":{"name":"f"}},"logit_bias":{"1":-1,"__proto__":2},"chat_template_kwargs":{"t":true},` +
  `"stop":["a"],"suppress_tokens":[1,2],"max_tokens":"5","temperature":"0.5","stream":"yes"}`;

const REQ = ChatCompletionRequest as unknown as Model;

describe.each(VALUE_ROUTES.map((r) => [r.name, r] as const))('route %s', (_name, route) => {
  it('leaves a deep-frozen hostile body unchanged and parses it like the unfrozen one', () => {
    const plain = route.run(REQ, { text: TEXT });
    expect(plain.ok).toBe(true);
    const input = JSON.parse(TEXT);
    const before = snapshot(input);
    const clone = structuredClone(input);
    deepFreeze(input);
    const out = route.run(REQ, { value: input });
    expect(out.ok).toBe(true);
    if (!out.ok || !plain.ok) return;
    expect(wire(out.inst)).toBe(wire(plain.inst));
    expect(snapshot(input)).toBe(before);
    expect(input).toEqual(clone);
  });

  it('leaves every accepted corpus body unchanged (deep-frozen)', () => {
    let checked = 0;
    for (const c of loadCorpus().filter((k) => k.ok)) {
      const input = c.input;
      const before = snapshot(input);
      deepFreeze(input);
      const out = route.run(modelClass(c.model) as Model, { value: input });
      expect(out.ok ? null : `case ${c.id}: ${JSON.stringify(out.issues)}`).toBeNull();
      expect(snapshot(input)).toBe(before);
      checked++;
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('leaves a rejected body unchanged too', () => {
    const input = deepFreeze(JSON.parse(`{"model":1,"messages":[{"role":2,"x":{"__proto__":{${C}:1}}}],"max_tokens":"x"}`));
    const before = snapshot(input);
    const out = route.run(REQ, { value: input });
    expect(out.ok).toBe(false);
    expect(snapshot(input)).toBe(before);
  });

  it('parses a frozen model instance given as input without changing it', () => {
    const first = ChatCompletionRequest.parse(JSON.parse(TEXT));
    const before = snapshot(first);
    deepFreeze(first);
    const out = route.run(REQ, { value: first });
    expect(out.ok).toBe(true);
    if (out.ok) expect(wire(out.inst)).toBe(wire(first));
    expect(snapshot(first)).toBe(before);
  });
});

it('parseJson leaves the bytes it is given unchanged', () => {
  const bytes = new TextEncoder().encode(TEXT);
  const copy = Uint8Array.from(bytes);
  const inst = ChatCompletionRequest.parseJson(bytes);
  expect(inst).toBeInstanceOf(ChatCompletionRequest);
  expect(Buffer.compare(Buffer.from(bytes), Buffer.from(copy))).toBe(0);
});

describe('the constructor, copy, toJSON and dump', () => {
  it('new Model(init) does not change a deep-frozen init, and the result does not share its arrays', () => {
    const init = JSON.parse(TEXT);
    const before = snapshot(init);
    deepFreeze(init);
    const inst = new ChatCompletionRequest(init);
    expect(snapshot(init)).toBe(before);
    expect(inst.messages[0]).toBeInstanceOf(ChatMessage);
    expect(inst.messages).not.toBe(init.messages);
  });

  it('copy(update) does not change a deep-frozen update or the instance it copies', () => {
    const inst = ChatCompletionRequest.parse(JSON.parse(TEXT));
    const instBefore = wire(inst);
    const update = deepFreeze(JSON.parse(`{"messages":[{"role":"user","content":"new","__proto__":{${C}:1}}],"extra":{"z":1}}`));
    const before = snapshot(update);
    for (const deep of [false, true]) {
      const copy = inst.copy(update, { deep });
      expect(copy.messages[0]).toBeInstanceOf(ChatMessage);
      expect(copy.messages[0].content).toBe('new');
    }
    expect(snapshot(update)).toBe(before);
    expect(wire(inst)).toBe(instBefore);
  });

  it('toJSON, dump (every option) and copy work on a deep-frozen instance and change nothing', () => {
    const inst = ChatCompletionResponse.parse({
      model: 'm',
      choices: [{ index: 0, message: { role: 'assistant', content: 'a', x: { y: [1] } } }],
      usage: { prompt_tokens: 1 },
      extra: { a: null },
    });
    const before = snapshot(inst);
    const expected = JSON.parse(wire(inst));
    deepFreeze(inst);
    expect(inst.toJSON()).toEqual(expected);
    expect(JSON.parse(wire(inst))).toEqual(expected);
    expect(inst.dump()).toEqual(expected);
    for (const options of [{ excludeUnset: true }, { excludeDefaults: true }, { excludeNone: true }, { excludeUnset: true, excludeDefaults: true, excludeNone: true }]) {
      expect(() => inst.dump(options)).not.toThrow();
    }
    const shallow = inst.copy();
    const deep = inst.copy({ model: 'n' }, { deep: true });
    expect(wire(shallow)).toBe(wire(inst));
    expect(deep.model).toBe('n');
    expect(snapshot(inst)).toBe(before);
  });

  it('the dump is a fresh copy: changing it does not reach the instance', () => {
    const inst = OpenAIBaseModel.parse({ a: { b: [1, 2] } }) as OpenAIBaseModel & { a: { b: number[] } };
    const out = inst.dump() as { a: { b: number[] } };
    out.a.b.push(3);
    (inst.toJSON() as { a: { b: number[] } }).a.b.push(4);
    expect(inst.a.b).toEqual([1, 2]);
  });
});
