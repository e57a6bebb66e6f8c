/**
 * Every TypeScript snippet in README.md (each ```ts fence) compiles, as a
 * user would paste it into a CommonJS project that has the package installed:
 * `strict`, the package's built declarations (`npm test` builds first), and
 * the repo's own dependencies (NestJS, the official client) for the rest.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, '.scratch/readme-snippets');

/** The ```ts blocks of a Markdown text, with the line each starts on. */
export function tsSnippets(markdown: string): { line: number; code: string }[] {
  const out: { line: number; code: string }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '```ts') continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end].trim() !== '```') end++;
    out.push({ line: start + 1, code: lines.slice(start, end).join('\n') });
    i = end;
  }
  return out;
}

const snippets = tsSnippets(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'));

test('README has TypeScript snippets to check', () => {
  expect(snippets.length).toBeGreaterThanOrEqual(10);
});

test('every README TypeScript snippet type-checks under strict against the built package', () => {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const files = snippets.map(({ line, code }) => {
    const file = `readme-line-${line}.ts`;
    fs.writeFileSync(path.join(OUT, file), code + '\n');
    return file;
  });
  fs.writeFileSync(
    path.join(OUT, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'es2022',
        module: 'commonjs',
        moduleResolution: 'node',
        strict: true,
        noEmit: true,
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
        esModuleInterop: true,
        skipLibCheck: true,
        moduleDetection: 'force',
        types: ['node'],
        typeRoots: [path.join(ROOT, 'node_modules/@types')],
        baseUrl: '.',
        paths: {
          'oai-protocols': [path.join(ROOT, 'dist/index.d.ts')],
          'oai-protocols/nest': [path.join(ROOT, 'dist/nest/index.d.ts')],
          '*': [path.join(ROOT, 'node_modules/*')],
        },
      },
      files,
    }),
  );
  let output = '';
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', OUT], { encoding: 'utf8', timeout: 120_000 });
  } catch (e) {
    output = String((e as { stdout?: string }).stdout ?? e);
  }
  // Each error names the README line its snippet starts on.
  expect(output).toBe('');
}, 120_000);
