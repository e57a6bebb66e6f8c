/**
 * `npm pack` of a fresh checkout (the committed files) gives a package that installs and works: the
 * tarball (built by `prepack`) goes into a scratch project that already has
 * each supported class-validator, with no flags, and there
 * - `require` and `import` of both entry points work, and `instanceof` holds
 *   across CommonJS and ESM;
 * - the types resolve under moduleResolution node16, nodenext and bundler
 *   (with NestJS 11 as the peer, the CommonJS line).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const LOCK = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')).packages as Record<string, { version: string }>;
const locked = (name: string): string => LOCK[`node_modules/${name}`].version;
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 });
}

let work: string;
let tarball: string;
let files: string[];

/**
 * A checkout of the committed files (what a clone has, no dist/) with the
 * repo's node_modules linked in: `npm pack` runs `prepack` there, so the
 * build it makes never touches the dist/ that other suites are using.
 */
function freshCheckout(into: string): string {
  const dir = path.join(into, 'checkout');
  const tracked = run('git', ['ls-files', '-z'], ROOT).split('\0').filter(Boolean);
  for (const file of tracked) {
    if (!fs.existsSync(path.join(ROOT, file))) continue; // deleted in the work tree
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'oai-pack-'));
  const checkout = freshCheckout(work);
  const out = JSON.parse(run(NPM, ['pack', '--json', '--pack-destination', work], checkout)) as [{ filename: string; files: { path: string }[] }];
  tarball = path.join(work, out[0].filename);
  files = out[0].files.map((f) => f.path);
}, 240_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('the tarball holds the build, LICENSE and README, and no source map pointing at unshipped sources', () => {
  expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'dist/index.js', 'dist/index.d.ts', 'dist/nest/index.js', 'dist/esm/index.mjs', 'dist/esm/nest.mjs']));
  expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
  expect(files.filter((f) => !f.startsWith('dist/') && !['LICENSE', 'README.md', 'package.json'].includes(f))).toEqual([]);
});

const CJS_CHECK = `
require('reflect-metadata');
const lib = require('oai-protocols');
const nest = require('oai-protocols/nest');
const req = lib.ChatCompletionRequest.parse({ model: 'm', messages: [{ role: 'user', content: 'hi' }] });
if (!(req instanceof lib.OpenAIBaseModel) || req.max_tokens !== 128) throw new Error('parse');
if (typeof nest.OpenAIValidationPipe !== 'function') throw new Error('nest');
console.log(require('class-validator/package.json').version);
`;

const ESM_CHECK = `
import 'reflect-metadata';
import { createRequire } from 'node:module';
import * as esm from 'oai-protocols';
import * as esmNest from 'oai-protocols/nest';
const require = createRequire(import.meta.url);
const cjs = require('oai-protocols');
const cjsNest = require('oai-protocols/nest');
const body = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };
const a = esm.ChatCompletionRequest.parse(body);
const b = cjs.ChatCompletionRequest.parse(body);
const ok = a instanceof cjs.ChatCompletionRequest && b instanceof esm.ChatCompletionRequest
  && a.messages[0] instanceof cjs.ChatMessage && esmNest.OpenAIParsePipe === cjsNest.OpenAIParsePipe
  && esm.ChatCompletionRequest.safeParse({}).error instanceof cjs.ProtocolValidationError;
if (!ok) throw new Error('instanceof across CJS and ESM');
console.log('esm ok');
`;

const TYPES_CHECK = `
import 'reflect-metadata';
import { ChatCompletionRequest, ProtocolValidationError } from 'oai-protocols';
import { OpenAIParsePipe, OpenAIValidationPipe } from 'oai-protocols/nest';
const req: ChatCompletionRequest = ChatCompletionRequest.parse({ model: 'm', messages: [] });
const n: number = req.max_tokens;
const r = ChatCompletionRequest.safeParse({});
const e: ProtocolValidationError | undefined = r.success ? undefined : r.error;
export const used = [n, e, OpenAIParsePipe, OpenAIValidationPipe];
`;

const RESOLUTIONS: Record<string, { module: string; moduleResolution: string; file: string }> = {
  node16: { module: 'node16', moduleResolution: 'node16', file: 'check.mts' },
  nodenext: { module: 'nodenext', moduleResolution: 'nodenext', file: 'check.cts' },
  bundler: { module: 'esnext', moduleResolution: 'bundler', file: 'check.ts' },
};

describe.each(['0.14.4', '0.15.1'])('installed into a project with class-validator %s', (validator) => {
  let app: string;

  beforeAll(() => {
    app = fs.mkdtempSync(path.join(work, 'app-'));
    const deps: Record<string, string> = {
      'class-validator': validator,
      'class-transformer': locked('class-transformer'),
      'reflect-metadata': locked('reflect-metadata'),
      // NestJS 11, the CommonJS line: a CommonJS project cannot import NestJS 12
      // (ESM-only) under node16 resolution, its own code no more than ours.
      '@nestjs/common': '11.2.10',
      rxjs: locked('rxjs'),
      typescript: locked('typescript'),
      '@types/node': locked('@types/node'),
    };
    fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'scratch', private: true, dependencies: deps }));
    run(NPM, ['install', '--no-audit', '--no-fund', '--prefer-offline'], app);
    // The package last, into a project that already has its peers: no flags.
    run(NPM, ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], app);
  }, 240_000);

  test('require of both entry points', () => {
    fs.writeFileSync(path.join(app, 'check.cjs'), CJS_CHECK);
    expect(run(process.execPath, ['check.cjs'], app).trim()).toBe(validator);
  }, 60_000);

  test('import of both entry points, and instanceof across CommonJS and ESM', () => {
    fs.writeFileSync(path.join(app, 'check.mjs'), ESM_CHECK);
    expect(run(process.execPath, ['check.mjs'], app).trim()).toBe('esm ok');
  }, 60_000);

  test.each(Object.keys(RESOLUTIONS))('types under moduleResolution %s', (name) => {
    const { module, moduleResolution, file } = RESOLUTIONS[name];
    const dir = path.join(app, `types-${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, file), TYPES_CHECK);
    fs.writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module, moduleResolution, target: 'es2022', strict: true, noEmit: true, types: ['node'], experimentalDecorators: true }, files: [file] }),
    );
    const tsc = path.join(app, 'node_modules/typescript/bin/tsc');
    let output = '';
    try {
      run(process.execPath, [tsc, '-p', dir], app);
    } catch (e) {
      output = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(output).toBe('');
  }, 120_000);
});
