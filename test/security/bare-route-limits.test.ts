/**
 * Where the bare decorator route (`plainToInstance` + `validateSync`, what
 * NestJS's ValidationPipe runs) falls short of guarantees 1–5 because of
 * class-transformer 0.5.1 itself, which this library cannot change. Every
 * guarantee that fails there is written as the guarantee and marked
 * `it.failing`: the suite stays green while the limit exists, and turns red
 * the day class-transformer (or a sanitising step in front of it) fixes it,
 * so the marker can go. `Model.parse`/`parseJson` meet all of these.
 */
import { ChatCompletionRequest } from '../../src';
import { DECORATORS, MODELS, Model, PARSE, PARSE_JSON, at, pollution, thrown } from './helpers';
import { SPOTS, fill } from './spots';

const REQ = ChatCompletionRequest as unknown as Model;

describe('an own "constructor" key in a plain (non-model) object', () => {
  // class-transformer guesses a nested plain object's class from `value.constructor`, which JSON can
  // make an own data property: `new targetType()` then throws a TypeError ("targetType is not a
  // constructor" / "Cannot read properties of undefined"), typestack/class-transformer#1462. The
  // library's bare-route guard (fields/transformer-metadata.ts) keeps class-transformer from walking
  // protocol models' data, so the limit is gone: every route accepts it and keeps the key.
  const plainSpots = SPOTS.filter((s) => s.kind !== 'model');

  it.each(plainSpots.map((s) => [s.name, s] as const))('every route accepts it at %s and keeps the key', (_n, spot) => {
    for (const route of [PARSE, PARSE_JSON, DECORATORS]) {
      const out = route.run(spot.model, { text: fill(spot, '"constructor":1') });
      expect(out.ok ? 'accepted' : JSON.stringify(out.issues)).toBe('accepted');
      if (out.ok) expect(Object.getOwnPropertyDescriptor(at(JSON.parse(JSON.stringify(out.inst)), spot.path), 'constructor')?.value).toBe(1);
    }
  });

  it('a constructor.prototype object in an extra throws nothing and pollutes nothing', () => {
    const out = DECORATORS.run(REQ, { text: '{"model":"m","messages":[],"x":{"constructor":{"prototype":{"oaiSecurityCanary":1}}}}' });
    expect(out.ok).toBe(true);
    expect(pollution()).toEqual([]);
  });
});

describe('extras nested 20,000 deep (reachable from JSON)', () => {
  // class-transformer recurses once per level with no limit: a RangeError (stack overflow) instead of a
  // clear validation error. parse/parseJson stop at MAX_DEPTH with `too_deep` (depth.test.ts).
  const text = `{"model":"m","messages":[],"deep":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;

  it('parseJson rejects it with too_deep', () => {
    const out = PARSE_JSON.run(REQ, { text });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.issues[0].type).toBe('too_deep');
  });

  it.failing('KNOWN UPSTREAM LIMIT: the decorator route rejects it without throwing', () => {
    const out = DECORATORS.run(REQ, { text });
    expect(out.ok).toBe(false);
  });
});

describe('a Map as the root', () => {
  // class-transformer turns a Map into an instance (ignoring its entries), so models whose fields all have
  // defaults validate. JSON cannot produce a Map, so NestJS never sees one; parse rejects it (odd-roots).
  const allDefaults = MODELS.filter((m) => DECORATORS.run(m, { value: {} }).ok);

  it('parse rejects a Map for every model', () => {
    for (const m of MODELS) expect(PARSE.run(m, { value: new Map() }).ok).toBe(false);
  });

  it.failing.each(allDefaults.map((m) => [m.name, m] as const))('KNOWN UPSTREAM LIMIT: the decorator route rejects a Map root for %s', (_n, m) => {
    expect(DECORATORS.run(m, { value: new Map() }).ok).toBe(false);
  });
});

describe('inputs JSON cannot produce: the decorator route fails loudly, never hangs, never accepts', () => {
  it('a cycle in the extras is a RangeError (stack overflow), not a hang', () => {
    const body: Record<string, unknown> = { model: 'm', messages: [] };
    body.self = body;
    expect(thrown(() => DECORATORS.run(REQ, { value: body }))).toBeInstanceOf(RangeError);
  });

  it("a throwing getter's own error escapes", () => {
    const body = Object.defineProperty({ model: 'm', messages: [] }, 'x', {
      enumerable: true,
      get: () => {
        throw new SyntaxError('getter');
      },
    });
    expect(thrown(() => DECORATORS.run(REQ, { value: body }))).toBeInstanceOf(SyntaxError);
  });
});
