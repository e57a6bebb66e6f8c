/**
 * The conformance corpus, through both routes:
 * - `Model.safeParse` (the fast route), and
 * - `plainToInstance` + `validateSync(…, { forbidUnknownValues: false })`, what NestJS's ValidationPipe runs.
 * Every case must agree with the corpus on both. A failure names the case id.
 */
import { instanceToPlain, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { LocKey, issuesFromValidationErrors } from '../src';
import { Case, diffDump, loadCorpus, modelClass, startsWith } from './corpus';

const cases = loadCorpus();

function describeLocs(locs: readonly (readonly LocKey[])[]): string {
  return JSON.stringify(locs);
}

/** What the fast route did with a case: null when it matches the corpus. */
function checkParse(c: Case): string | null {
  const result = modelClass(c.model).safeParse(c.input);
  if (result.success !== c.ok) {
    return result.success ? 'accepted, corpus rejects' : `rejected, corpus accepts: ${result.error.message}`;
  }
  if (result.success) {
    const d = diffDump(c.dump, JSON.parse(JSON.stringify(result.data)));
    return d && `dump differs: ${d}`;
  }
  const got = result.error.issues.map((i) => i.loc);
  for (const want of c.locs ?? []) {
    if (!got.some((loc) => startsWith(loc, want))) return `no error at ${JSON.stringify(want)}; got ${describeLocs(got)}`;
  }
  return null;
}

/** What the decorator route did with a case: null when it matches the corpus. */
function checkDecorators(c: Case): string | null {
  const cls = modelClass(c.model);
  const inst: unknown = plainToInstance(cls, c.input as object);
  const isInstance = inst instanceof cls;
  const errors = isInstance ? validateSync(inst as object, { forbidUnknownValues: false }) : [];
  const accepted = isInstance && errors.length === 0;
  if (accepted !== c.ok) {
    const why = isInstance ? JSON.stringify(issuesFromValidationErrors(errors).map((i) => [i.loc, i.msg])) : 'not an instance';
    return accepted ? 'accepted, corpus rejects' : `rejected, corpus accepts: ${why}`;
  }
  if (accepted) {
    const d = diffDump(c.dump, JSON.parse(JSON.stringify(inst)));
    return d && `dump differs: ${d}`;
  }
  if (!isInstance) return (c.locs ?? []).every((l) => l.length === 0) ? null : `root not an object, corpus locs ${describeLocs(c.locs ?? [])}`;
  // The decorator route may stop at the field itself where class-validator
  // cannot point inside a list of scalars, a map or a union.
  const got = issuesFromValidationErrors(errors).map((i) => i.loc);
  for (const want of c.locs ?? []) {
    if (!got.some((loc) => startsWith(loc, want) || (loc.length > 0 && startsWith(want, loc)))) {
      return `no error at or above ${JSON.stringify(want)}; got ${describeLocs(got)}`;
    }
  }
  return null;
}

/** Data holding every member-named key, `__proto__` as an own data property (as JSON.parse gives it). */
const HOSTILE_TEXT = '{"constructor":{"prototype":{"x":1}},"__proto__":{"y":2},"prototype":3,"toString":"s","valueOf":[{"hasOwnProperty":4}]}';

/**
 * An accepted case with member-named keys added at model level (`toJSON`,
 * `constructor`: left out, SEMANTICS allows it and the check ignores exactly
 * these) and as an extra's data (kept intact): the expected dump is the
 * corpus's plus that extra, last.
 */
function withMemberKeys(c: Case): { input: Record<string, unknown>; dump: Record<string, unknown> } {
  const input = JSON.parse(JSON.stringify(c.input)) as Record<string, unknown>;
  input.toJSON = 1;
  const ctor: string = 'constructor'; // a plain key here: `input.constructor` would be typed as Object's
  input[ctor] = { prototype: { x: 1 } };
  input.oai_member_keys = JSON.parse(HOSTILE_TEXT);
  return { input, dump: { ...c.dump, oai_member_keys: JSON.parse(HOSTILE_TEXT) } };
}

describe(`conformance corpus (${cases.length} cases)`, () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it('Model.safeParse agrees with every case', () => {
    const failures = cases.map((c) => [c.id, checkParse(c)] as const).filter(([, f]) => f);
    expect(failures.map(([id, f]) => `case ${id}: ${f}`)).toEqual([]);
  });

  it('plainToInstance + validateSync agrees with every case', () => {
    const failures = cases.map((c) => [c.id, checkDecorators(c)] as const).filter(([, f]) => f);
    expect(failures.map(([id, f]) => `case ${id}: ${f}`)).toEqual([]);
  });

  it('instanceToPlain (NestJS ClassSerializerInterceptor) serialises every accepted case on both routes, as JSON.stringify does', () => {
    const failures: string[] = [];
    for (const c of cases.filter((k) => k.ok)) {
      const cls = modelClass(c.model);
      for (const [route, inst] of [['parse', cls.parse(c.input)], ['decorators', plainToInstance(cls, c.input as object)]] as const) {
        let plain: unknown;
        try {
          plain = instanceToPlain(inst);
        } catch (e) {
          failures.push(`case ${c.id} (${route}): instanceToPlain threw ${(e as Error).message}`);
          continue;
        }
        const d = diffDump(JSON.parse(JSON.stringify(inst)), JSON.parse(JSON.stringify(plain)));
        if (d) failures.push(`case ${c.id} (${route}): ${d}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("every accepted request round-trips through the gateway's forward form, dump({ excludeUnset: true })", () => {
    const requests = cases.filter((k) => k.ok && /Request$/.test(k.model));
    expect(requests.length).toBeGreaterThan(100);
    const failures: string[] = [];
    for (const c of requests) {
      const cls = modelClass(c.model);
      for (const [route, inst] of [['parse', cls.parse(c.input)], ['decorators', plainToInstance(cls, c.input as object)]] as const) {
        const forward = inst.dump({ excludeUnset: true });
        // What an upstream gets parses back to the very same request, and holds no key the client did not send.
        const again = cls.parse(JSON.parse(JSON.stringify(forward)));
        const d = diffDump(JSON.parse(JSON.stringify(cls.parse(c.input))), JSON.parse(JSON.stringify(again)));
        if (d) failures.push(`case ${c.id} (${route}): ${d}`);
        const input = c.input as Record<string, unknown>;
        const invented = Object.keys(forward).filter((k) => !(k in input) || input[k] === undefined);
        if (invented.length) failures.push(`case ${c.id} (${route}): forward form adds ${JSON.stringify(invented)}`);
        for (const k of ['max_tokens', 'temperature', 'top_k', 'min_p', 'repetition_penalty', 'suppress_tokens']) {
          if (k in forward && (input[k] === undefined || input[k] === null)) failures.push(`case ${c.id} (${route}): forward form has default ${k}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('both routes give the same dump for every accepted case', () => {
    const failures: string[] = [];
    for (const c of cases.filter((k) => k.ok)) {
      const cls = modelClass(c.model);
      const fast = JSON.parse(JSON.stringify(cls.parse(c.input)));
      const bare = JSON.parse(JSON.stringify(plainToInstance(cls, c.input as object)));
      for (const k of ['id', 'created']) {
        if (!(c.input as Record<string, unknown>)[k]) {
          delete fast[k];
          delete bare[k];
        }
      }
      const d = diffDump(fast, bare);
      if (d) failures.push(`case ${c.id}: ${d}`);
    }
    expect(failures).toEqual([]);
  });

  it('every route keeps member-named keys intact inside data, on every accepted case', () => {
    const failures: string[] = [];
    for (const c of cases.filter((k) => k.ok && k.input !== null && typeof k.input === 'object' && !Array.isArray(k.input))) {
      const { input, dump } = withMemberKeys(c);
      const cls = modelClass(c.model);
      const routes: Array<[string, () => unknown]> = [
        ['parse', () => cls.parse(input)],
        ['parseJson', () => cls.parseJson(JSON.stringify(input))],
        ['bare', () => {
          const inst = plainToInstance(cls, JSON.parse(JSON.stringify(input)) as object);
          const errors = validateSync(inst, { forbidUnknownValues: false });
          if (errors.length) throw new Error(JSON.stringify(issuesFromValidationErrors(errors).map((i) => i.loc)));
          return inst;
        }],
      ];
      for (const [name, run] of routes) {
        try {
          const d = diffDump(dump, JSON.parse(JSON.stringify(run())));
          if (d) failures.push(`case ${c.id} ${name}: ${d}`);
        } catch (e) {
          failures.push(`case ${c.id} ${name}: ${(e as Error).message}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
