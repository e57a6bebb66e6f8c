/** Runs an echo server fixture (test/e2e/fixtures/serve.ts by default) in a child process for a test file. */
import { spawn } from 'child_process';
import type { ChildProcess } from 'child_process';
import * as path from 'path';

/** A running echo server. */
export interface EchoServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** `http://127.0.0.1:<port>/v1`, the client's baseURL. */
  baseURL: string;
  /** The port it listens on. */
  port: number;
  /** The server's process (its IPC channel, when started with `ipc: true`). */
  child: ChildProcess;
  /** What the server has written to stderr so far, for failure messages. */
  stderr(): string;
  /** Stops the server and waits for its process to exit. */
  close(): Promise<void>;
}

/** The HTTP platforms the e2e suite runs the echo server on, each test file once per platform. */
export const PLATFORMS = ['express', 'fastify'] as const;

/** One of `PLATFORMS`. */
export type Platform = (typeof PLATFORMS)[number];

/** Options of `startEchoServer`. */
export interface EchoServerOptions {
  /** The platform (`PLATFORM` for the child); default `PLATFORM` from this process's environment, else Express. */
  platform?: Platform;
  /** Extra environment variables (`ECHO_PIPE=parse`, `BODY_LIMIT=…`). */
  env?: Record<string, string>;
  /** The fixture script, a path relative to test/e2e/fixtures (default `serve.ts`); it prints `LISTENING <port>`. */
  fixture?: string;
  /** Node arguments before the script, such as `--expose-gc`. */
  nodeArgs?: string[];
  /** Opens an IPC channel to the child (`child.send`, `child.on('message')`). */
  ipc?: boolean;
}

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.join(__dirname, 'fixtures');
/** Longest wait for the server to listen (1–3 s on an idle machine, over 10 s on a loaded one). */
const START_TIMEOUT_MS = 60_000;

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts a fixture (default: serve.ts, the echo app with a spy controller) and waits until it listens. */
export async function startEchoServer(options: EchoServerOptions = {}): Promise<EchoServer> {
  const fixture = options.fixture ?? 'serve.ts';
  const platform = options.platform ?? process.env.PLATFORM ?? 'express';
  const name = `echo server (${fixture}, ${platform})`;
  const args = [...(options.nodeArgs ?? []), '-r', 'ts-node/register/transpile-only', path.join(FIXTURES, fixture)];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...options.env, PLATFORM: platform, TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json') },
    stdio: options.ipc ? ['pipe', 'pipe', 'pipe', 'ipc'] : ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  let timer: NodeJS.Timeout | undefined;
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /LISTENING (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before listening:\n${stderr}`)));
    timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within ${START_TIMEOUT_MS} ms:\n${stderr}`));
    }, START_TIMEOUT_MS);
  }).finally(() => clearTimeout(timer));
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseURL: `${origin}/v1`,
    port,
    child,
    stderr: () => stderr,
    async close() {
      const done = exited(child);
      child.stdin!.end();
      child.kill('SIGTERM');
      await done;
    },
  };
}
