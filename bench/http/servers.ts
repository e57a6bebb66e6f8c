/**
 * Starts the HTTP bench's servers in child processes (ts-node, like the e2e
 * fixtures: NestJS 12 is ESM-only, which Node's own `require` loads), each on
 * 127.0.0.1 at an ephemeral port, with a bounded start and a bounded stop;
 * `stopAll` (also run on the parent's exit) kills whatever is left.
 */
import { spawn } from 'child_process';
import type { ChildProcess } from 'child_process';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');

/** Longest wait for a server to listen (a NestJS app takes 1–3 s alone, much more on a loaded machine). */
const START_TIMEOUT_MS = Number(process.env.BENCH_HTTP_START_TIMEOUT_MS || 60_000);
/** Longest wait for a server to exit after SIGTERM before it gets SIGKILL. */
const STOP_TIMEOUT_MS = 3_000;

/** Which server a bench row measures. */
export interface ServerSpec {
  /** Short key (`stock`, `validate`, `parse`, `fastify`). */
  key: string;
  /** What the row says. */
  label: string;
  /** The child script, relative to bench/http. */
  script: string;
  /** Extra environment variables. */
  env?: Record<string, string>;
}

/** A running bench server. */
export interface BenchServer {
  /** Its spec. */
  spec: ServerSpec;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** What it wrote to stderr so far. */
  stderr(): string;
  /** Whether it is still running. */
  alive(): boolean;
  /** Stops it (SIGTERM, then SIGKILL after a few seconds) and waits for its exit. */
  close(): Promise<void>;
}

/** The servers of `npm run bench:http`: the demo with each pipe (on Express, and with the parse pipe on Fastify too), and plain Fastify. */
export const SERVERS: readonly ServerSpec[] = [
  { key: 'stock', label: 'demo + NestJS ValidationPipe({ transform: true })', script: 'echo-serve.ts', env: { ECHO_PIPE: 'stock', PLATFORM: 'express' } },
  { key: 'validate', label: 'demo + OpenAIValidationPipe', script: 'echo-serve.ts', env: { ECHO_PIPE: 'validate', PLATFORM: 'express' } },
  { key: 'parse', label: 'demo + OpenAIParsePipe', script: 'echo-serve.ts', env: { ECHO_PIPE: 'parse', PLATFORM: 'express' } },
  { key: 'parse-fastify', label: 'demo on NestJS Fastify + OpenAIParsePipe', script: 'echo-serve.ts', env: { ECHO_PIPE: 'parse', PLATFORM: 'fastify' } },
  { key: 'fastify', label: 'plain Fastify 5 + ajv (jsonSchema())', script: 'fastify-serve.ts' },
];

const running = new Set<ChildProcess>();

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function stop(child: ChildProcess): Promise<void> {
  const done = exited(child);
  child.stdin?.end();
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await done;
  clearTimeout(timer);
  running.delete(child);
}

/** Starts one server and waits until it listens (or fails, or times out: then it is killed and this throws). */
export async function startServer(spec: ServerSpec): Promise<BenchServer> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(__dirname, spec.script)], {
    cwd: ROOT,
    env: { ...process.env, ...spec.env, TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json') },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  let timer: NodeJS.Timeout | undefined;
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout!.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        const m = /LISTENING (\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.once('exit', (code, signal) => reject(new Error(`${spec.label}: exited (${code ?? signal}) before listening:\n${stderr}`)));
      timer = setTimeout(() => reject(new Error(`${spec.label}: did not listen within ${START_TIMEOUT_MS} ms:\n${stderr}`)), START_TIMEOUT_MS);
    });
    return {
      spec,
      origin: `http://127.0.0.1:${port}`,
      stderr: () => stderr,
      alive: () => child.exitCode === null && child.signalCode === null,
      close: () => stop(child),
    };
  } catch (error) {
    await stop(child);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** Stops every server still running. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((child) => stop(child)));
}

// Last resort: a parent that exits (an uncaught error, Ctrl-C) takes its servers with it.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});
