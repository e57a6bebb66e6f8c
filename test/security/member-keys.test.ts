/**
 * Guarantee 2: keys named like members of the class never stop the library's
 * methods from working. The rule, the same on every route (it is
 * class-transformer's): on a model, `__proto__`, `constructor` and any key
 * that names a method on the instance's prototype chain (`toJSON`, `dump`,
 * `copy`, `toString`, `valueOf`, `hasOwnProperty`, …) is dropped; statics such
 * as `parse` name no instance member and are kept as data. In a free-form
 * object, `__proto__`, `constructor` and the methods of `Object.prototype` are
 * dropped; `toJSON`, `dump`, `copy`, `parse` are kept as data.
 */
import { ChatCompletionRequest, ChatMessage, OpenAIBaseModel } from '../../src';
import { DECORATORS, Model, ROUTES, Route, at, wire } from './helpers';
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
  '__oai_fields_set__',
];
/** Kept as data on a model instance: statics and harmless names. */
const KEPT_ON_MODELS = ['parse', 'safeParse', 'parseJson', 'fieldNames', 'extraKeys', 'onExtraKeys', 'prototype', 'then'];

/** Dropped in free-form objects: `__proto__`, `constructor` and `Object.prototype`'s methods. */
const DROPPED_IN_FREE_FORM = DROPPED_ON_MODELS.filter((k) => !['toJSON', 'dump', 'copy', '__oai_fields_set__'].includes(k));
const KEPT_IN_FREE_FORM = ['toJSON', 'dump', 'copy', '__oai_fields_set__', ...KEPT_ON_MODELS];

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
  for (const k of own) expect((target as Record<string, unknown>)[k]).toBe(valueOf(k));
  return { own, wired };
}

// `constructor` in a free-form object crashes class-transformer (see bare-route-limits.test.ts), so the
// decorator route's free-form check leaves it out; every other name is compared on all routes.
const namesFor = (route: Route, spot: Spot): string[] =>
  spot.kind !== 'model' && route === DECORATORS ? ALL.filter((k) => k !== 'constructor') : ALL;

describe.each(ROUTES.map((r) => [r.name, r] as const))('route %s', (_name, route) => {
  it.each(SPOTS.filter((s) => s.kind === 'model').map((s) => [s.name, s] as const))(
    'on the model at %s: drops method names and __proto__/constructor, keeps statics as data',
    (_s, spot) => {
      const { own, wired } = keptAt(route, spot, namesFor(route, spot));
      expect(own).toEqual(KEPT_ON_MODELS);
      expect(wired).toEqual(KEPT_ON_MODELS);
    },
  );

  it.each(SPOTS.filter((s) => s.kind !== 'model').map((s) => [s.name, s] as const))(
    'in the free-form object at %s: drops Object.prototype names, keeps the rest as data',
    (_s, spot) => {
      const names = namesFor(route, spot);
      const { own, wired } = keptAt(route, spot, names);
      const kept = KEPT_IN_FREE_FORM.filter((k) => names.includes(k));
      expect(own.sort()).toEqual([...kept].sort());
      expect(wired.sort()).toEqual([...kept].sort());
      expect(names.filter((k) => !own.includes(k)).sort()).toEqual(DROPPED_IN_FREE_FORM.filter((k) => names.includes(k)).sort());
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
