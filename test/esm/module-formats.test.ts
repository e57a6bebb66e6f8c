/**
 * The built package under both module systems, loaded by name as a user
 * would (self-reference through package.json "exports"). Needs dist/
 * (`npm test` builds it first; alone, run `npm run build`).
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { promisify } from 'util';

const ROOT = path.resolve(__dirname, '../..');
const run = promisify(execFile);

beforeAll(() => {
  for (const file of ['dist/index.js', 'dist/esm/index.mjs', 'dist/nest/index.js', 'dist/esm/nest.mjs']) {
    if (!fs.existsSync(path.join(ROOT, file))) throw new Error(`${file} is missing: run \`npm run build\` first`);
  }
});

test('package.json "exports" maps "." and "./nest" for import and require, with types', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  expect(pkg.exports['.']).toEqual({
    import: { types: './dist/esm/index.d.mts', default: './dist/esm/index.mjs' },
    require: { types: './dist/index.d.ts', default: './dist/index.js' },
  });
  expect(pkg.exports['./nest']).toEqual({
    import: { types: './dist/esm/nest.d.mts', default: './dist/esm/nest.mjs' },
    require: { types: './dist/nest/index.d.ts', default: './dist/nest/index.js' },
  });
  for (const entry of [pkg.exports['.'], pkg.exports['./nest']]) {
    for (const target of [entry.import.types, entry.import.default, entry.require.types, entry.require.default]) {
      expect(fs.existsSync(path.join(ROOT, target))).toBe(true);
    }
  }
});

test('an ESM file imports the package; instanceof holds across import and require', async () => {
  const { stdout } = await run(process.execPath, [path.join(__dirname, 'instanceof.mjs')], { cwd: ROOT });
  const report = JSON.parse(stdout);
  expect(report).toMatchObject({ side: 'esm', ok: true });
  expect(report.exports).toBeGreaterThan(50);
  expect(report.nestExports).toBeGreaterThan(5);
}, 30_000);

test('a CommonJS file requires the package; instanceof holds across require and import()', async () => {
  const { stdout } = await run(process.execPath, [path.join(__dirname, 'instanceof.cjs')], { cwd: ROOT });
  expect(JSON.parse(stdout)).toEqual({ side: 'cjs', ok: true });
}, 30_000);

test('TypeScript (node16 resolution) finds the types of every entry, for import and require', async () => {
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const args = [
    tsc,
    '--noEmit',
    '--module', 'node16',
    '--moduleResolution', 'node16',
    '--target', 'es2021',
    '--strict',
    '--skipLibCheck',
    '--experimentalDecorators',
    '--types', 'node',
    path.join(__dirname, '.types', 'import.mts'),
    path.join(__dirname, '.types', 'require.cts'),
  ];
  const result = await run(process.execPath, args, { cwd: ROOT }).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
  );
  expect(result).toEqual({ code: 0, out: '' });
}, 60_000);
