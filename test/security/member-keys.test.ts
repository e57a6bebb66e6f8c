/**
 * Guarantee 2: keys named like members of the class never stop the library's
 * methods from working, and nothing inside data is lost. The rule, the same on
 * every route (SEMANTICS, "Keys, extras and data"): on a model, `__proto__`,
 * `constructor` and any key that names a method on the instance's prototype
 * chain (`toJSON`, `dump`, `copy`, `toString`, `valueOf`, `hasOwnProperty`, …)
 * is left out; statics such as `parse` name no instance member and are kept as
 * data. In a free-form object or a map every key is kept, as an own data property.
 */
import { ChatCompletionRequest, ChatMessage, OpenAIBaseModel } from '../../src';
import { Model, ROUTES, Route, at, wire } from './helpers';
import { SPOTS, Spot, fill } from './spots';

/** Dropped on a model instance: prototype-unsafe, or the name of an instance method. */
const DROPPED_ON_MODELS = [
  '__proto__',
  'constructor',
  'toJSON',
  'dump',
  'copy',
  'hasOwnProperty',
  'valueOf',
  'toString',
  'toLocaleString',
  'isPrototypeOf',
  'propertyIsEnumerable',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
];
/** Kept as data on a model instance: statics, harmless names, and the library's former internal key (no name is reserved). */
const KEPT_ON_MODELS = ['parse', 'safeParse', 'parseJson', 'fieldNames', 'extraKeys', 'onExtraKeys', 'prototype', 'then', '__oai_fields_set__'];

const ALL = [...DROPPED_ON_MODELS, ...KEPT_ON_MODELS];

/** The distinct number each name carries (a number passes every free-form, scalar and float-map rule). */
const valueOf = (k: string): number => 1000 + ALL.indexOf(k);

/** JSON object members giving each name its number. */
function members(names: readonly string[]): string {
  return names.map((k) => `${JSON.stringify(k)}:${valueOf(k)}`).join(',');
}

/** The names of `ALL` that the object at the spot kept, on the instance and on the wire. */
function keptAt(route: Route, spot: Spot, names: readonly string[]): { own: string[]; wired: string[] } {
  const out = route.run(spot.model, { text: fill(spot, members(names)) });
  if (!out.ok) throw new Error(`${route.name} rejected ${spot.name}: ${JSON.stringify(out.issues)}`);
  const target = at(out.inst, spot.path) as object;
  const sent = at(JSON.parse(wire(out.inst)), spot.path) as object;
  const own = names.filter((k) => Object.prototype.hasOwnProperty.call(target, k));
  const wired = names.filter((k) => Object.prototype.hasOwnProperty.call(sent, k));
  for (const k of own) expect(Object.getOwnPropertyDescriptor(target, k)?.value).toBe(valueOf(k));
  return { own, wired };
}



function out(route: Route, spot: Spot): unknown {
  const o = route.run(spot.model, { text: fill(spot, members(ALL)) });
  if (!o.ok) throw new Error(`${route.name} rejected ${spot.name}`);
  return o.inst;
}

describe.each(ROUTES.map((r) => [r.name, r] as const))('route %s', (_name, route) => {
  it.each(SPOTS.filter((s) => s.kind === 'model').map((s) => [s.name, s] as const))(
    'on the model at %s: drops method names and __proto__/constructor, keeps statics as data',
    (_s, spot) => {
      const { own, wired } = keptAt(route, spot, ALL);
      expect(own).toEqual(KEPT_ON_MODELS);
      expect(wired).toEqual(KEPT_ON_MODELS);
    },
  );

  it.each(SPOTS.filter((s) => s.kind !== 'model').map((s) => [s.name, s] as const))(
    'in the free-form object or map at %s: keeps every name as own data, in input order',
    (_s, spot) => {
      const { own, wired } = keptAt(route, spot, ALL);
      expect(own).toEqual(ALL);
      expect(wired).toEqual(ALL);
      expect(Object.getPrototypeOf(at(out(route, spot), spot.path))).toBe(Object.prototype);
    },
  );

  it('every method still works on an instance that was sent all those keys, top level and nested', () => {
    const text = `{"model":"m",${members(ALL)},"messages":[{"role":"user","content":"hi",${members(ALL)}}]}`;
    const out = route.run(ChatCompletionRequest as unknown as Model, { text });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const inst = out.inst as ChatCompletionRequest;
    for (const [o, cls] of [
      [inst, ChatCompletionRequest],
      [inst.messages[0], ChatMessage],
    ] as const) {
      expect(o.constructor).toBe(cls);
      expect(o).toBeInstanceOf(cls);
      expect(typeof o.toJSON).toBe('function');
      // The point is calling the inherited method on the instance itself, which a data key could shadow.
      // eslint-disable-next-line no-prototype-builtins
      expect(o.hasOwnProperty('role') || o.hasOwnProperty('model')).toBe(true);
      // eslint-disable-next-line no-prototype-builtins
      expect(o.hasOwnProperty('toJSON')).toBe(false);
      expect(Object.prototype.hasOwnProperty.call(o, 'parse')).toBe(true);
      expect(String(o)).toBe('[object Object]');
      expect(o.valueOf()).toBe(o);
      expect(o.toJSON()).toEqual(JSON.parse(wire(o)));
      expect(o.dump()).toEqual(o.toJSON());
      expect(o.dump({ excludeUnset: true })).toMatchObject({ parse: valueOf('parse'), prototype: valueOf('prototype') });
      const copy = o.copy({ parse: 'changed' } as never);
      expect(copy).toBeInstanceOf(cls);
      expect((copy as unknown as Record<string, unknown>).parse).toBe('changed');
      expect(typeof copy.dump).toBe('function');
    }
    // The class's statics are untouched, and the dump parses back to the same wire form.
    expect(typeof ChatCompletionRequest.parse).toBe('function');
    expect(wire(ChatCompletionRequest.parse(JSON.parse(wire(inst))))).toBe(wire(inst));
    expect(OpenAIBaseModel.extraKeys(inst)).toEqual(KEPT_ON_MODELS);
  });
});

it('the constructor and copy drop the same member names as parse', () => {
  const init = JSON.parse(`{"model":"m","messages":[],${members(ALL)}}`);
  const made = new ChatCompletionRequest(init);
  expect(ALL.filter((k) => Object.prototype.hasOwnProperty.call(made, k))).toEqual(KEPT_ON_MODELS);
  const copy = ChatCompletionRequest.parse({ model: 'm', messages: [] }).copy(init);
  expect(ALL.filter((k) => Object.prototype.hasOwnProperty.call(copy, k))).toEqual(KEPT_ON_MODELS);
  expect(typeof copy.toJSON).toBe('function');
  expect(JSON.parse(wire(copy))).toMatchObject({ parse: valueOf('parse'), model: 'm' });
});
