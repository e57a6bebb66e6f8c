/**
 * `npm run bench:http` (bench/http.ts): a quick run against one demo server
 * gives the table and the JSON a reader expects, every answer 2xx; and the
 * load functions fail loudly, not with a speed, when a server answers badly.
 * No timing is asserted.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import type { HttpBenchResult } from '../../bench/http';
import { loadRequests, loadStreams } from '../../bench/http/load';

const ROOT = path.resolve(__dirname, '../..');

function runBench(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'bench/http.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...env, TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 80_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A server on 127.0.0.1 answering every request with `status` and `body`. */
async function fixedServer(status: number, body: string, type = 'application/json'): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('npm run bench:http, quick', () => {
  it('measures the demo server with OpenAIParsePipe: one row, positive figures, all answers 2xx, table and JSON written', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-http-'));
    try {
      const run = await runBench({
        BENCH_HTTP_QUICK: '1',
        BENCH_HTTP_SERVERS: 'parse',
        BENCH_HTTP_DURATION_S: '0.5',
        BENCH_HTTP_WARMUP_S: '0.3',
        BENCH_HTTP_CONNECTIONS: '4',
        BENCH_HTTP_OUT: out,
      });
      expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
      expect(run.stdout).toMatch(/^\| server \| req\/s \| p50 ms \| p99 ms \|/m);
      expect(run.stdout).toMatch(/^\| demo \+ OpenAIParsePipe \| [\d,]+ \|/m);

      const files = fs.readdirSync(out).sort();
      expect(files).toEqual([expect.stringMatching(/^http-.*\.json$/), 'http-latest.md']);
      const result = JSON.parse(fs.readFileSync(path.join(out, files[0]), 'utf8')) as HttpBenchResult;
      expect(result.settings).toMatchObject({ rounds: 1, durationS: 0.5, connections: 4, servers: ['parse'] });
      expect(result.rows.map((r) => r.key)).toEqual(['parse']);
      const [row] = result.rows;
      for (const figure of [row.rps, row.p99Ms, row.chunksPerS, row.streamsPerS, row.requests, row.streams, row.responseBytes]) {
        expect(figure).toBeGreaterThan(0);
      }
      // The bench request's echo: a role chunk, one chunk per word of the last user message (8), a finish chunk.
      expect(row.chunksPerStream).toBe(10);
      expect(fs.readFileSync(path.join(out, 'http-latest.md'), 'utf8')).toContain('| demo + OpenAIParsePipe |');
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 90_000);
});

describe('the HTTP bench load, on a bad server', () => {
  const load = { connections: 2, durationS: 0.3 };

  it('fails a non-streamed run that got 400s, naming the status codes', async () => {
    const server = await fixedServer(400, '{"error":{"message":"bad"}}');
    try {
      await expect(loadRequests(server.origin, '/v1/chat/completions', '{}', load, () => true)).rejects.toThrow(/0 2xx, \d+ non-2xx.*"400"/);
    } finally {
      await server.close();
    }
  });

  it('fails a non-streamed run whose 200 answers are not the expected body', async () => {
    const server = await fixedServer(200, '{"object":"something else"}');
    try {
      await expect(
        loadRequests(server.origin, '/v1/chat/completions', '{}', load, (body) => body.includes('chat.completion')),
      ).rejects.toThrow(/[1-9]\d* bodies not the expected answer/);
    } finally {
      await server.close();
    }
  });

  it('fails a streamed run answered with a JSON error instead of events', async () => {
    const server = await fixedServer(400, '{"error":{"message":"bad"}}');
    try {
      await expect(loadStreams(server.origin, '/v1/chat/completions', '{}', load)).rejects.toThrow(/streamed request got 400/);
    } finally {
      await server.close();
    }
  });

  it('fails a streamed run whose stream does not end with [DONE]', async () => {
    const server = await fixedServer(200, 'data: {"a":1}\n\n', 'text/event-stream');
    try {
      await expect(loadStreams(server.origin, '/v1/chat/completions', '{}', load)).rejects.toThrow(/did not end with "data: \[DONE\]"/);
    } finally {
      await server.close();
    }
  });
});
