/** Runs the echo server (test/e2e/fixtures/serve.ts) in a child process for a test file. */
import { spawn } from 'child_process';
import type { ChildProcess } from 'child_process';
import * as path from 'path';

/** A running echo server. */
export interface EchoServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** `http://127.0.0.1:<port>/v1`, the client's baseURL. */
  baseURL: string;
  /** Stops the server and waits for its process to exit. */
  close(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '../..');
const FIXTURE = path.join(__dirname, 'fixtures', 'serve.ts');
/** Longest wait for the server to listen (it usually takes 1–3 s). */
const START_TIMEOUT_MS = 25_000;

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts the server with extra environment variables (`ECHO_PIPE=parse`, `BODY_LIMIT=…`). */
export async function startEchoServer(env: Record<string, string> = {}): Promise<EchoServer> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', FIXTURE], {
    cwd: ROOT,
    env: { ...process.env, ...env, TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json') },
    stdio: ['pipe', 'pipe', 'pipe'],
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
    child.once('exit', (code) => reject(new Error(`echo server exited (${code}) before listening:\n${stderr}`)));
    timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`echo server did not start within ${START_TIMEOUT_MS} ms:\n${stderr}`));
    }, START_TIMEOUT_MS);
  }).finally(() => clearTimeout(timer));
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseURL: `${origin}/v1`,
    async close() {
      const done = exited(child);
      child.stdin!.end();
      child.kill('SIGTERM');
      await done;
    },
  };
}
