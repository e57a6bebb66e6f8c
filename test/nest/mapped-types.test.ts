/**
 * NestJS's own mapped types over a protocol model keep working on the bare
 * route (NestJS's stock `ValidationPipe`) and leak nothing of this library's
 * bookkeeping. @nestjs/mapped-types and @nestjs/swagger 12 are ESM-only, so a
 * child process runs them (fixtures/mapped-types.ts) and reports back.
 */
import { execFile } from 'child_process';
import * as path from 'path';
import { promisify } from 'util';

type Outcome =
  | { ok: true; json: string; ownKeys: string[]; ownSymbols: number; spreadKeys: string[] }
  | { ok: false; status: number; param: unknown; message: string };

let report: Record<string, Record<string, Outcome>>;

beforeAll(async () => {
  const root = path.resolve(__dirname, '../..');
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'fixtures', 'mapped-types.ts')],
    { cwd: root, maxBuffer: 16 * 1024 * 1024 },
  );
  report = JSON.parse(stdout) as typeof report;
}, 60_000);

const cases = ['mapped-types', 'swagger'].flatMap((lib) =>
  ['PickType', 'OmitType', 'PartialType', 'IntersectionType'].map((helper) => [lib, helper] as const),
);

describe.each(cases)('%s %s(ChatCompletionRequest, …)', (lib, helper) => {
  const outcome = (body: string): Outcome => report[`${lib} ${helper}`][body];

  test('accepts a good body, and its instance has no own symbol, no hidden key, nothing extra when spread', () => {
    const got = outcome('good');
    if (!got.ok) throw new Error(`rejected: ${got.message}`);
    expect(got.ownSymbols).toBe(0);
    expect(got.spreadKeys).toEqual(got.ownKeys);
    expect(got.json).not.toMatch(/__oai|oai-protocols/);
    const dump = JSON.parse(got.json) as Record<string, unknown>;
    expect(Object.keys(dump).sort()).toEqual([...got.ownKeys].sort());
    expect(dump).toMatchObject({ model: 'm', custom: 1, messages: [{ role: 'user', content: 'hi', name: null }] });
  });

  test("rejects a bad body with a 400 naming the protocol model's errors", () => {
    const got = outcome('bad');
    if (got.ok) throw new Error(`accepted: ${got.json}`);
    expect(got.status).toBe(400);
    expect(got.param).toBe('model');
    expect(got.message).toContain('model: Input should be a valid string');
    expect(got.message).toContain('max_tokens: Input should be a valid integer');
  });

  test(helper === 'PartialType' ? 'accepts an empty body' : 'rejects an empty body: model and messages are required', () => {
    const got = outcome('empty');
    if (helper === 'PartialType') {
      expect(got.ok).toBe(true);
    } else {
      if (got.ok) throw new Error(`accepted: ${got.json}`);
      expect(got.message).toBe('model: Field required; messages: Field required');
    }
  });
});
