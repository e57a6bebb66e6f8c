/**
 * The protocol checks through both pipes: `new OpenAIValidationPipe({ checks })`
 * and `new OpenAIParsePipe({ checks })` accept and refuse exactly the bodies
 * `parse` does (test/checks/cases.ts), with a 400 in the OpenAI form whose
 * `param` is the offending field. A child process runs the pipes
 * (fixtures/checks-pipes.ts): NestJS 12 is ESM-only, which Jest cannot load.
 */
import { execFile } from 'child_process';
import * as path from 'path';
import { promisify } from 'util';
import { dottedLoc } from '../../src';
import type { LocKey } from '../../src';

type Outcome = { ok: true; ctor: string } | { ok: false; status: number; body: any; issueTypes: string[] };
interface Result {
  row: string;
  name: string;
  loc?: LocKey[];
  validate: Outcome;
  parse: Outcome;
  validateOff: Outcome;
  parseOff: Outcome;
}

let results: Result[];

beforeAll(async () => {
  const root = path.resolve(__dirname, '../..');
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'fixtures', 'checks-pipes.ts')],
    { cwd: root, maxBuffer: 16 * 1024 * 1024 },
  );
  results = JSON.parse(stdout) as Result[];
}, 60_000);

test('every case went through the pipes, the custom rule too', () => {
  expect(results.length).toBeGreaterThan(70);
  expect(results.filter((r) => r.loc).length).toBeGreaterThan(30);
  expect(results.some((r) => r.row === 'custom rule')).toBe(true);
});

describe.each(['validate', 'parse'] as const)('the %s pipe with checks on', (pipe) => {
  test('accepts each passing body, as its model', () => {
    const wrong = results.filter((r) => !r.loc && !(r[pipe].ok && /Request$/.test(r[pipe].ctor)));
    expect(wrong.map((r) => [r.row, r.name, r[pipe]])).toEqual([]);
  });

  test('refuses each failing body with a 400 in the OpenAI form, param at the offending field', () => {
    for (const r of results.filter((x) => x.loc)) {
      const got = r[pipe];
      const want = { status: 400, param: dottedLoc(r.loc!), type: 'invalid_request_error', code: null };
      const seen = got.ok
        ? { accepted: true }
        : { status: got.status, param: got.body.error.param, type: got.body.error.type, code: got.body.error.code };
      expect([r.row, r.name, seen]).toEqual([r.row, r.name, want]);
      if (got.ok) continue;
      expect(Object.keys(got.body.error)).toEqual(['message', 'type', 'param', 'code']);
      expect(got.body.error.message).toMatch(new RegExp(`^${dottedLoc(r.loc!)!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
      expect(got.issueTypes.every((t) => t === 'value_error')).toBe(true);
    }
  });
});

test('both pipes give the same 400 body for every failing case', () => {
  const differ = results.filter((r) => JSON.stringify(r.validate) !== JSON.stringify(r.parse));
  expect(differ.map((r) => [r.row, r.name, r.validate, r.parse])).toEqual([]);
});

test('without the checks option, both pipes accept every one of these bodies', () => {
  const refused = results.filter((r) => !r.validateOff.ok || !r.parseOff.ok);
  expect(refused.map((r) => [r.row, r.name])).toEqual([]);
});
