/**
 * Guarantee 1: `__proto__`, `constructor` and `prototype` keys, at any depth
 * and on every route, never change a prototype; `instanceof` still holds.
 * Each payload tries to plant CANARY on a prototype; `pollution()` checks
 * Object/Array/Function/String.prototype and every model class and prototype.
 */
import { ChatCompletionRequest, ChatMessage, OpenAIBaseModel, ToolDefinition, ToolFunction } from '../../src';
import {
  CANARY,
  Model,
  Outcome,
  PARSE,
  ROUTES,
  Route,
  VALUE_ROUTES,
  at,
  defineOwn,
  describeThrown,
  nullProto,
  pollution,
  thrown,
  wire,
} from './helpers';
import { SPOTS, fill } from './spots';

const C = JSON.stringify(CANARY);

/** Hostile members; `kept` is the key that survives as data (none for the dropped ones). */
const PAYLOADS: ReadonlyArray<{ name: string; members: string; kept?: string }> = [
  { name: '__proto__', members: `"__proto__":{${C}:"polluted"}` },
  { name: 'nested __proto__', members: `"__proto__":{"__proto__":{${C}:"polluted"}}` },
  { name: 'constructor.prototype', members: `"constructor":{"prototype":{${C}:"polluted"}}` },
  { name: '__proto__.constructor.prototype', members: `"__proto__":{"constructor":{"prototype":{${C}:"polluted"}}}` },
  { name: 'prototype', members: `"prototype":{${C}:"polluted"}`, kept: 'prototype' },
  { name: '__proto__ as array', members: `"__proto__":[{${C}:"polluted"}]` },
];

function run(route: Route, cls: Model, body: { text?: string; value?: unknown }): Outcome | { crashed: unknown } {
  try {
    return route.run(cls, body);
  } catch (e) {
    return { crashed: e };
  }
}

afterEach(() => {
  // A polluted prototype would poison every later test: fail loudly and clean up.
  const found = pollution();
  for (const o of [Object.prototype, Array.prototype, Function.prototype]) delete (o as Record<string, unknown>)[CANARY];
  expect(found).toEqual([]);
});

describe.each(ROUTES.map((r) => [r.name, r] as const))('route %s', (_name, route) => {
  describe.each(SPOTS.map((s) => [s.name, s] as const))('hostile keys at %s', (_spot, spot) => {
    it.each(PAYLOADS.map((p) => [p.name, p] as const))('%s: no pollution, prototypes and instanceof intact', (_p, payload) => {
      const text = fill(spot, payload.members);
      const out = run(route, spot.model, { text });
      expect(pollution()).toEqual([]);

      if ('crashed' in out) {
        expect(describeThrown(out.crashed)).toBe('nothing thrown');
        return;
      }
      // A map only takes scalars: every hostile key is kept there, and its object value is an error at that key.
      const key = payload.kept ?? payload.members.slice(1, payload.members.indexOf('"', 1));
      if (spot.kind === 'map') {
        expect(out.ok).toBe(false);
        if (!out.ok) expect(out.issues.map((i) => i.loc.slice(0, spot.path.length + 1).join('.'))).toContain([...spot.path, key].join('.'));
        return;
      }
      expect(out.ok ? 'accepted' : JSON.stringify(out.issues)).toBe('accepted');
      if (!out.ok) return;
      const inst = out.inst;
      expect(inst).toBeInstanceOf(spot.model);
      expect(Object.getPrototypeOf(inst)).toBe(spot.model.prototype);

      const target = at(inst, spot.path) as object;
      if (spot.cls) {
        expect(target).toBeInstanceOf(spot.cls);
        expect(Object.getPrototypeOf(target)).toBe(spot.cls.prototype);
      } else {
        expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
      }
      // On a model the hostile keys are left out (they would shadow a member); `prototype` stays as plain data.
      // Inside data every key is kept as an own data property, exactly as JSON.parse gives it.
      const expected = JSON.parse(`{${payload.members}}`) as Record<string, unknown>;
      const sent = at(JSON.parse(wire(inst)), spot.path) as Record<string, unknown>;
      expect((target as Record<string, unknown>)[CANARY]).toBeUndefined();
      if (spot.kind === 'model') {
        expect(Object.prototype.hasOwnProperty.call(target, '__proto__')).toBe(false);
        expect(Object.prototype.hasOwnProperty.call(target, 'constructor')).toBe(false);
        if (payload.kept) expect((target as Record<string, unknown>)[payload.kept]).toEqual({ [CANARY]: 'polluted' });
        expect(Object.keys(sent)).not.toContain('__proto__');
        expect(Object.keys(sent)).not.toContain('constructor');
      } else {
        for (const k of Object.keys(expected)) {
          expect(JSON.stringify(Object.getOwnPropertyDescriptor(target, k)?.value)).toBe(JSON.stringify(expected[k]));
          expect(Object.prototype.hasOwnProperty.call(sent, k)).toBe(true);
        }
        expect(JSON.stringify(Object.getOwnPropertyDescriptor(sent, Object.keys(expected)[0])?.value)).toBe(JSON.stringify(Object.values(expected)[0]));
      }
      expect(inst.dump()).toEqual(JSON.parse(wire(inst)));
      for (const options of [{ excludeUnset: true }, { excludeDefaults: true }, { excludeNone: true }]) {
        expect(thrown(() => inst.dump(options))).toBeUndefined();
      }
      const copy = inst.copy(undefined, { deep: true });
      expect(copy).toBeInstanceOf(spot.model);
      expect(wire(copy)).toBe(wire(inst));
      expect(pollution()).toEqual([]);
    });
  });
});

describe('JS objects built without JSON.parse', () => {
  it.each(VALUE_ROUTES.map((r) => [r.name, r] as const))(
    '%s: null-prototype objects carrying own __proto__/constructor keys at every spot',
    (_name, route) => {
      for (const spot of SPOTS) {
        for (const payload of PAYLOADS) {
          const value = nullProto(JSON.parse(fill(spot, payload.members)));
          const out = run(route, spot.model, { value });
          expect(pollution()).toEqual([]);
          if ('crashed' in out) {
            expect(describeThrown(out.crashed)).toBe('nothing thrown');
            continue;
          }
          if (spot.kind === 'map') continue;
          expect(out.ok ? 'accepted' : `${spot.name}/${payload.name}: ${JSON.stringify(out.issues)}`).toBe('accepted');
          if (!out.ok) continue;
          expect(out.inst).toBeInstanceOf(spot.model);
          const target = at(out.inst, spot.path);
          expect(spot.cls ? target instanceof spot.cls : Object.getPrototypeOf(target) === Object.prototype).toBe(true);
          // Left out on models; kept as own data inside data.
          const key = payload.kept ?? payload.members.slice(1, payload.members.indexOf('"', 1));
          expect(Object.prototype.hasOwnProperty.call(target, key)).toBe(spot.kind !== 'model' || key === payload.kept);
        }
      }
    },
  );

  it.each(VALUE_ROUTES.map((r) => [r.name, r] as const))('%s: own __proto__ made with Object.defineProperty', (_name, route) => {
    const message: Record<string, unknown> = { role: 'user', content: 'hi' };
    defineOwn(message, '__proto__', { [CANARY]: 'polluted' });
    const params: Record<string, unknown> = { type: 'object' };
    defineOwn(params, '__proto__', { [CANARY]: 'polluted' });
    const body: Record<string, unknown> = {
      model: 'm',
      messages: [message],
      tools: [{ type: 'function', function: { name: 'f', parameters: params } }],
    };
    defineOwn(body, '__proto__', { [CANARY]: 'polluted' });
    const out = route.run(ChatCompletionRequest as unknown as Model, { value: body });
    expect(pollution()).toEqual([]);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const inst = out.inst as ChatCompletionRequest;
    expect(inst).toBeInstanceOf(ChatCompletionRequest);
    expect(inst.messages[0]).toBeInstanceOf(ChatMessage);
    expect(Object.getPrototypeOf((inst.tools![0] as ToolDefinition).function.parameters)).toBe(Object.prototype);
    // Inside data the own `__proto__` is kept as an own data property (JSON.parse reads the wire form back the same).
    const sentParams = JSON.parse(wire(inst)).tools[0].function.parameters as object;
    expect(Object.keys(sentParams)).toEqual(['type', '__proto__']);
    expect(Object.getOwnPropertyDescriptor(sentParams, '__proto__')?.value).toEqual({ [CANARY]: 'polluted' });
    expect(Object.getPrototypeOf(sentParams)).toBe(Object.prototype);
    expect(Object.keys(inst)).not.toContain('__proto__');
    expect(Object.keys(inst.messages[0])).not.toContain('__proto__');
  });

  it('an input whose prototype was swapped is still read as data: only own keys count', () => {
    const body = Object.create({ model: 'inherited', [CANARY]: 'polluted' }) as Record<string, unknown>;
    body.messages = [];
    // Not a plain object (its prototype is neither Object.prototype nor null): rejected at the root.
    const r = ChatCompletionRequest.safeParse(body);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]).toMatchObject({ loc: [], type: 'model_type' });
    expect(pollution()).toEqual([]);
  });
});

describe('toJSON, dump, copy and the constructor with hostile keys', () => {
  const hostile = (): Record<string, unknown> =>
    JSON.parse(
      `{"__proto__":{${C}:"polluted"},"constructor":{"prototype":{${C}:"polluted"}},"prototype":{${C}:1},` +
        `"messages":[{"role":"user","content":"hi","__proto__":{${C}:"polluted"},"constructor":{"prototype":{${C}:"polluted"}}}],` +
        `"tools":[{"function":{"name":"f","__proto__":{${C}:1},"parameters":{"__proto__":{${C}:1},"constructor":{"prototype":{${C}:1}}}}}]}`,
    );

  function checkRequest(inst: ChatCompletionRequest): void {
    expect(pollution()).toEqual([]);
    expect(inst).toBeInstanceOf(ChatCompletionRequest);
    expect(Object.getPrototypeOf(inst)).toBe(ChatCompletionRequest.prototype);
    expect(inst.messages[0]).toBeInstanceOf(ChatMessage);
    expect((inst.tools![0] as ToolDefinition).function).toBeInstanceOf(ToolFunction);
    for (const o of [inst, inst.messages[0], (inst.tools![0] as ToolDefinition).function]) {
      expect(Object.keys(o)).not.toContain('__proto__');
      expect(Object.keys(o)).not.toContain('constructor');
    }
    const out = JSON.parse(wire(inst));
    expect(Object.keys(out)).not.toContain('__proto__');
    expect(out.prototype).toEqual({ [CANARY]: 1 });
  }

  it('new Model(init) drops __proto__ and constructor at the top and in nested models', () => {
    const inst = new ChatCompletionRequest({ model: 'm', ...hostile() } as never);
    checkRequest(inst);
  });

  it('new Model(init) with an own __proto__ key made by defineProperty', () => {
    const init: Record<string, unknown> = { model: 'm', messages: [] };
    defineOwn(init, '__proto__', { [CANARY]: 'polluted' });
    const inst = new ChatCompletionRequest(init as never);
    expect(pollution()).toEqual([]);
    expect(Object.getPrototypeOf(inst)).toBe(ChatCompletionRequest.prototype);
    expect(Object.keys(inst)).not.toContain('__proto__');
  });

  it('copy(update) with own __proto__/constructor keys, shallow and deep', () => {
    const base = ChatCompletionRequest.parse({ model: 'm', messages: [] });
    for (const deep of [false, true]) {
      const copy = base.copy(hostile() as never, { deep });
      checkRequest(copy);
      expect(copy).not.toBe(base);
      expect(base.messages).toEqual([]);
    }
  });

  it('copy({ __proto__: … }) written as a literal sets no key and changes no prototype', () => {
    const base = ChatCompletionRequest.parse({ model: 'm', messages: [] });
    const copy = base.copy({ __proto__: { [CANARY]: 'polluted', model: 'evil' } } as never);
    expect(pollution()).toEqual([]);
    expect(Object.getPrototypeOf(copy)).toBe(ChatCompletionRequest.prototype);
    expect(copy.model).toBe('m');
    expect(wire(copy)).toBe(wire(base));
  });

  it('toJSON and dump of an instance whose extras hold own __proto__ keys keep them as own data, prototypes untouched', () => {
    // Extras set by hand (no validation) can hold anything; the dump keeps `__proto__` as data, never as a prototype.
    const inst = PARSE.run(OpenAIBaseModel, { value: {} });
    expect(inst.ok).toBe(true);
    if (!inst.ok) return;
    const extra = JSON.parse(`{"a":{"__proto__":{${C}:1},"b":[{"__proto__":{${C}:1}}]}}`);
    (inst.inst as unknown as Record<string, unknown>).x = extra;
    for (const out of [inst.inst.toJSON(), inst.inst.dump(), inst.inst.copy(undefined, { deep: true }).toJSON()]) {
      const x = (out as Record<string, { a: Record<string, unknown> & { b: object[] } }>).x;
      expect(Object.keys(x.a)).toEqual(['__proto__', 'b']);
      expect(Object.keys(x.a.b[0])).toEqual(['__proto__']);
      expect(Object.getOwnPropertyDescriptor(x.a, '__proto__')?.value).toEqual({ [CANARY]: 1 });
      expect(Object.getPrototypeOf(x.a)).toBe(Object.prototype);
      expect(Object.getPrototypeOf(x.a.b[0])).toBe(Object.prototype);
      expect((x.a as Record<string, unknown>)[CANARY]).toBeUndefined();
    }
    expect(pollution()).toEqual([]);
  });
});
