/**
 * Real NestJS apps on majors 10, 11 and 12, each in a child process (NestJS 12
 * is ESM-only): 10 and 11 from the fixture folders in test/nest-majors (each
 * with its own lock file, installed here on first use), 12 from the repo's own
 * dependencies. A fixture gets the freshly built package (`npm test` builds first).
 */
import { ChildProcess, execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
/** The fixture folder of test/nest-majors. */
export const FIXTURES = path.join(ROOT, 'test/nest-majors');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** Each major's fixture folder ('' for the repo's own NestJS 12). */
export const MAJORS: Record<string, string> = { '10': path.join(FIXTURES, 'v10'), '11': path.join(FIXTURES, 'v11'), '12': '' };

/** Installs a fixture's locked dependencies (when one is missing) and puts the freshly built package into it. */
export function prepare(dir: string): void {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  if (Object.keys(manifest.dependencies).some((name) => !fs.existsSync(path.join(dir, 'node_modules', name, 'package.json')))) {
    execFileSync(NPM, ['ci', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'ignore', timeout: 300_000 });
  }
  const target = path.join(dir, 'node_modules/oai-protocols');
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  fs.cpSync(path.join(ROOT, 'dist'), path.join(target, 'dist'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(target, 'package.json'));
}

/** A running app: its origin, the rest of its `LISTENING` line, and its process. */
export interface App {
  origin: string;
  /** What the app printed after its port (such as a version). */
  info: string;
  child: ChildProcess;
}

/** Runs `script` (in test/nest-majors) with `args`; resolves once it prints `LISTENING <port> [info]`. */
export function start(script: string, args: string[]): Promise<App> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(FIXTURES, script), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /LISTENING (\d+) ?([^\n]*)\n/.exec(out);
      if (m) resolve({ origin: `http://127.0.0.1:${m[1]}`, info: m[2], child });
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`app exited with ${code}: ${err}`)));
  });
}
