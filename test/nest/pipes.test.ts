/**
 * `OpenAIValidationPipe` and `OpenAIParsePipe` over the whole conformance
 * corpus, as NestJS applies them to a body parameter. NestJS 12 is ESM-only,
 * which Jest's CommonJS runtime cannot load, so a child Node process runs
 * the pipes (fixtures/pipes-agree.ts) and reports back.
 */
import { execFile } from 'child_process';
import * as path from 'path';
import { promisify } from 'util';

interface Report {
  corpus: number;
  total: number;
  agree: number;
  accepted: number;
  rejected: number;
  corpusMismatch: unknown[];
  disagreements: unknown[];
}

let report: Report;

beforeAll(async () => {
  const root = path.resolve(__dirname, '../..');
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'fixtures', 'pipes-agree.ts')],
    { cwd: root, maxBuffer: 64 * 1024 * 1024 },
  );
  report = JSON.parse(stdout) as Report;
}, 60_000);

test('the whole corpus went through both pipes', () => {
  expect(report.corpus).toBeGreaterThan(2000);
  expect(report.accepted).toBeGreaterThan(0);
  expect(report.rejected).toBeGreaterThan(0);
});

test('both pipes give the same result for every body: the same dump, or the same 400 body', () => {
  expect(report.disagreements).toEqual([]);
  expect(report.agree).toBe(report.total);
});

test("the pipes accept exactly what the corpus accepts, and name a param at one of its error locations", () => {
  expect(report.corpusMismatch).toEqual([]);
});
