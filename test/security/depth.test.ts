/**
 * Guarantee 5: depth and size.
 * - A body with extras nested 20,000 deep parses with nothing lost, or fails
 *   with a clear `ProtocolValidationError` (`too_deep`); never a crash.
 * - Free-form JSON is followed to MAX_DEPTH (512) levels: an extra holding
 *   512 nested containers is kept whole, 513 are a `too_deep` error (inside a
 *   `dict` field the dict itself is the first level).
 * - A body nested deeper than JSON.parse could follow is a
 *   `ProtocolValidationError` from `parseJson`. (V8's JSON.parse is iterative
 *   and follows millions of levels, so the test uses 1,000,000.)
 * - `JSON.stringify` (and `dump`) of any instance parse returns does not throw.
 */
import { ChatCompletionRequest, MAX_DEPTH, OpenAIBaseModel, ProtocolValidationError } from '../../src';
import { describeThrown, thrown } from './helpers';

/**
 * Where a deep value goes: a template with `@@` for the value, and how many
 * free-form levels sit above it (an extra's value starts at level 0; a value
 * inside a `dict` field starts at level 1, the dict itself being level 0).
 */
const PLACES: ReadonlyArray<[string, string, number]> = [
  ['a top-level extra', '{"model":"m","messages":[],"deep":@@}', 0],
  ['an extra of messages[0]', '{"model":"m","messages":[{"role":"user","deep":@@}]}', 0],
  ['a content part extra', '{"model":"m","messages":[{"role":"user","content":[{"type":"t","deep":@@}]}]}', 0],
  ['parameters', '{"model":"m","messages":[],"tools":[{"function":{"name":"f","parameters":{"deep":@@}}}]}', 1],
  ['a message function_call (dict)', '{"model":"m","messages":[{"role":"assistant","function_call":{"deep":@@}}]}', 1],
  ['tool_choice (str | dict)', '{"model":"m","messages":[],"tool_choice":{"deep":@@}}', 1],
  ['the request function_call (str | dict)', '{"model":"m","messages":[],"function_call":{"deep":@@}}', 1],
];

/** `levels` nested objects (`{"d":{"d":…1}}`) or arrays (`[[…]]`), as JSON text, built without recursion. */
function nested(levels: number, kind: 'object' | 'array'): string {
  return kind === 'object' ? '{"d":'.repeat(levels) + '1' + '}'.repeat(levels) : '['.repeat(levels) + ']'.repeat(levels);
}

/** The same value as a JS object, built bottom-up (no recursion). */
function nestedValue(levels: number, kind: 'object' | 'array'): unknown {
  let v: unknown = kind === 'object' ? 1 : [];
  for (let i = 1; i < levels; i++) v = kind === 'object' ? { d: v } : [v];
  return kind === 'object' ? { d: v } : [v];
}

/** How many containers deep `v` goes, following `d` or index 0 (iteratively). */
function depthOf(v: unknown): number {
  let n = 0;
  while (v !== null && typeof v === 'object') {
    v = Array.isArray(v) ? v[0] : (v as { d: unknown }).d;
    n++;
  }
  return n;
}

/** The deep value inside a parsed instance, at `deep` of the place. */
function deepIn(inst: OpenAIBaseModel, place: string): unknown {
  const o = JSON.parse(JSON.stringify(inst));
  const candidates = [o, o.messages?.[0], o.messages?.[0]?.content?.[0], o.tools?.[0]?.function?.parameters, o.messages?.[0]?.function_call, o.tool_choice, o.function_call];
  for (const c of candidates) if (c && typeof c === 'object' && 'deep' in c) return c.deep;
  throw new Error(`no deep value found for ${place}`);
}

/**
 * The outcome the guarantee allows: a `ProtocolValidationError` whose issues
 * are all `too_deep`, or an instance that keeps every level and that
 * `JSON.stringify` and `dump` handle. Returns a short verdict for `toBe`.
 */
function verdict(run: () => OpenAIBaseModel, levels: number, place: string): string {
  let inst: OpenAIBaseModel;
  try {
    inst = run();
  } catch (e) {
    if (!(e instanceof ProtocolValidationError)) return `threw ${describeThrown(e)}`;
    const types = [...new Set(e.issues.map((i) => i.type))];
    return types.every((t) => t === 'too_deep' || t === 'union_type') ? 'rejected: too_deep' : `rejected: ${types.join(',')}`;
  }
  const s = thrown(() => JSON.stringify(inst));
  if (s) return `accepted, but JSON.stringify throws ${describeThrown(s)}`;
  const d = thrown(() => inst.dump());
  if (d) return `accepted, but dump throws ${describeThrown(d)}`;
  const kept = depthOf(deepIn(inst, place));
  return kept === levels ? 'accepted whole' : `accepted, but ${levels - kept} of ${levels} levels silently dropped`;
}

const OK_DEEP = ['rejected: too_deep', 'accepted whole'];

describe.each(PLACES)('a deep value in %s', (place, template, above) => {
  for (const kind of ['object', 'array'] as const) {
    it(`20,000 nested ${kind}s: parseJson rejects it clearly or keeps it whole`, () => {
      const text = template.replace('@@', nested(20_000, kind));
      expect(OK_DEEP).toContain(verdict(() => ChatCompletionRequest.parseJson(text), 20_000, place));
    });

    it(`20,000 nested ${kind}s: parse (a JS object) rejects it clearly or keeps it whole`, () => {
      const body = JSON.parse(template.replace('@@', '0'));
      const value = nestedValue(20_000, kind);
      const holder = [body, body.messages?.[0], body.messages?.[0]?.content?.[0], body.tools?.[0]?.function?.parameters, body.messages?.[0]?.function_call, body.tool_choice, body.function_call].find(
        (c) => c && typeof c === 'object' && 'deep' in c,
      );
      holder.deep = value;
      expect(OK_DEEP).toContain(verdict(() => ChatCompletionRequest.parse(body), 20_000, place));
    });
  }

  const fits = MAX_DEPTH - above;

  it(`the deepest value MAX_DEPTH (${MAX_DEPTH}) allows there is kept whole on both routes`, () => {
    const text = template.replace('@@', nested(fits, 'object'));
    expect(verdict(() => ChatCompletionRequest.parseJson(text), fits, place)).toBe('accepted whole');
    expect(verdict(() => ChatCompletionRequest.parse(JSON.parse(text)), fits, place)).toBe('accepted whole');
  });

  it('one level more is a too_deep error on both routes', () => {
    const text = template.replace('@@', nested(fits + 1, 'array'));
    expect(verdict(() => ChatCompletionRequest.parseJson(text), fits + 1, place)).toBe('rejected: too_deep');
    expect(verdict(() => ChatCompletionRequest.parse(JSON.parse(text)), fits + 1, place)).toBe('rejected: too_deep');
  });
});

describe('deeper than anything a server should follow', () => {
  it('JSON text nested 1,000,000 deep is a ProtocolValidationError from parseJson (objects and arrays)', () => {
    for (const kind of ['object', 'array'] as const) {
      const text = `{"model":"m","messages":[],"deep":${nested(1_000_000, kind)}}`;
      const e = thrown(() => ChatCompletionRequest.parseJson(text));
      expect(e instanceof ProtocolValidationError ? 'ProtocolValidationError' : describeThrown(e)).toBe('ProtocolValidationError');
      const text2 = `{"model":"m","messages":[],"tool_choice":{"deep":${nested(1_000_000, kind)}}}`;
      expect(verdict(() => ChatCompletionRequest.parseJson(text2), 1_000_000, 'tool_choice')).toBe('rejected: too_deep');
    }
  });

  it('unbalanced JSON a million levels deep is a json_invalid ProtocolValidationError', () => {
    const e = thrown(() => ChatCompletionRequest.parseJson('{"x":' + '['.repeat(1_000_000)));
    expect(e).toBeInstanceOf(ProtocolValidationError);
    expect((e as ProtocolValidationError).issues[0]).toMatchObject({ loc: [], type: 'json_invalid' });
  });

  it('the too_deep error names the place and stays readable', () => {
    const e = thrown(() => ChatCompletionRequest.parseJson(`{"model":"m","messages":[],"deep":${nested(20_000, 'object')}}`));
    expect(e).toBeInstanceOf(ProtocolValidationError);
    const issue = (e as ProtocolValidationError).issues[0];
    expect(issue.type).toBe('too_deep');
    expect(issue.loc[0]).toBe('deep');
    expect(issue.msg).toMatch(String(MAX_DEPTH));
  });
});

describe('size', () => {
  it('a body with 100,000 extra keys and a 1,000,000-item extra array parses, dumps and stringifies', () => {
    const body: Record<string, unknown> = { model: 'm', messages: [] };
    for (let i = 0; i < 100_000; i++) body[`k${i}`] = i;
    body.big = Array.from({ length: 1_000_000 }, (_, i) => i % 7);
    const inst = ChatCompletionRequest.parse(body);
    expect(OpenAIBaseModel.extraKeys(inst)).toHaveLength(100_001);
    const again = ChatCompletionRequest.parseJson(JSON.stringify(inst));
    expect(JSON.stringify(again.dump()).length).toBe(JSON.stringify(inst).length);
  });
});
