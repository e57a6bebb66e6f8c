/**
 * `npm run bench:http`: the demo echo server under load, over HTTP on the
 * loopback interface, with NestJS's stock `ValidationPipe`,
 * `OpenAIValidationPipe` and `OpenAIParsePipe`, beside a plain Fastify route
 * validating with ajv (bench/http/fastify-serve.ts says what it does and
 * does not do).
 *
 * Each server runs in its own child process on 127.0.0.1 at an ephemeral
 * port. The load generator (this process) gives every server a warm-up, then
 * the servers take turns, round by round, each round in a rotated order:
 * - non-streamed: autocannon, the bench request (bench/data/chat_request.json
 *   with `model: "echo"`, `stream: false`), CONNECTIONS connections for
 *   DURATION seconds: 2xx answers per second and p99 latency;
 * - streamed: the same request with `stream: true`, CONNECTIONS keep-alive
 *   connections each streaming one answer after another for DURATION
 *   seconds: chunk events (`data: {…}`) received per second.
 * Figures are medians over the rounds. Any answer but a 2xx with the expected
 * echo (checked on every non-streamed answer and every stream) fails the run.
 * Everything is bounded in time; the servers are stopped at the end, on
 * failure too. Results: a table on stdout, `bench/results/http-<time>.json`
 * and `bench/results/http-latest.md`.
 *
 * Defaults: 7 rounds of 2 s after 2 s of warm-up, 10 connections (about
 * 3 min with the four servers). Ratios between servers are medians of the
 * per-round ratios, which a loaded machine moves less than the figures. Environment: `BENCH_HTTP_QUICK=1` (one round of 1 s after 0.5 s of
 * warm-up), `BENCH_HTTP_SERVERS=stock,validate,parse,fastify` (a subset),
 * `BENCH_HTTP_ROUNDS`, `BENCH_HTTP_DURATION_S`, `BENCH_HTTP_WARMUP_S`,
 * `BENCH_HTTP_CONNECTIONS`, `BENCH_HTTP_OUT` (the results folder).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { median } from './harness';
import { loadRequests, loadStreams, streamOnce } from './http/load';
import type { LoadOptions, RequestFigures, StreamFigures } from './http/load';
import { SERVERS, startServer, stopAll } from './http/servers';
import type { BenchServer, ServerSpec } from './http/servers';

const ROUTE = '/v1/chat/completions';
const QUICK = process.env.BENCH_HTTP_QUICK === '1';

function numberEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, not ${JSON.stringify(raw)}`);
  return n;
}

/** The run's settings. */
export interface HttpBenchSettings {
  rounds: number;
  durationS: number;
  warmupS: number;
  connections: number;
  servers: string[];
}

function settingsFromEnv(): HttpBenchSettings {
  const keys = (process.env.BENCH_HTTP_SERVERS ?? SERVERS.map((s) => s.key).join(',')).split(',').filter(Boolean);
  for (const k of keys) if (!SERVERS.some((s) => s.key === k)) throw new Error(`BENCH_HTTP_SERVERS: unknown server ${JSON.stringify(k)}`);
  return {
    rounds: Math.round(numberEnv('BENCH_HTTP_ROUNDS', QUICK ? 1 : 7)),
    durationS: numberEnv('BENCH_HTTP_DURATION_S', QUICK ? 1 : 2),
    warmupS: numberEnv('BENCH_HTTP_WARMUP_S', QUICK ? 0.5 : 2),
    connections: Math.round(numberEnv('BENCH_HTTP_CONNECTIONS', 10)),
    servers: keys,
  };
}

/** One server's row of the results. */
export interface HttpBenchRow {
  key: string;
  label: string;
  /** Median 2xx answers per second, non-streamed. */
  rps: number;
  /** Median p99 latency, non-streamed, in ms. */
  p99Ms: number;
  /** Median p50 latency, non-streamed, in ms. */
  p50Ms: number;
  /** Median chunk events per second, streamed. */
  chunksPerS: number;
  /** Median whole streams per second. */
  streamsPerS: number;
  /** Median p99 of a whole stream's time, in ms. */
  p99StreamMs: number;
  /** Chunk events in one stream. */
  chunksPerStream: number;
  /** Bytes of one non-streamed answer's body. */
  responseBytes: number;
  /** Non-streamed answers and streams received over all rounds, every one 2xx and as expected. */
  requests: number;
  streams: number;
  /** Each round's figures, in order. */
  rounds: Array<{ rps: number; p99Ms: number; chunksPerS: number }>;
}

/** What a run writes to its JSON file. */
export interface HttpBenchResult {
  date: string;
  machine: { node: string; cpus: number; cpuModel: string; loadavg: number[] };
  settings: HttpBenchSettings & { route: string; requestBytes: number; streamedRequestBytes: number };
  rows: HttpBenchRow[];
  ratios: HttpBenchRatio[];
  notes: string[];
}

/** The bench request as sent: the shared chat request, for the `echo` model. */
function benchBodies(): { plain: string; streamed: string; expected: string } {
  const raw = JSON.parse(fs.readFileSync(path.join(__dirname, 'data/chat_request.json'), 'utf8')) as {
    messages: Array<{ role: string; content: unknown }>;
  };
  const plain = JSON.stringify({ ...raw, model: 'echo', stream: false });
  const streamed = JSON.stringify({ ...raw, model: 'echo', stream: true });
  // The echo: the last user message's text (its text parts joined with a space).
  const lastUser = [...raw.messages].reverse().find((m) => m.role === 'user');
  const content = lastUser?.content;
  const expected =
    typeof content === 'string'
      ? content
      : Array.isArray(content)
        ? (content as Array<{ type?: string; text?: unknown }>)
            .filter((p) => p.type === 'text' && typeof p.text === 'string')
            .map((p) => p.text as string)
            .join(' ')
        : '';
  if (!expected) throw new Error('the bench request has no user message with text');
  return { plain, streamed, expected };
}

/** Checks once that a server answers the bench request with the echo, plainly and streamed; returns the answer's size. */
async function checkServer(server: BenchServer, bodies: ReturnType<typeof benchBodies>): Promise<number> {
  const name = server.spec.label;
  const res = await fetch(server.origin + ROUTE, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: bodies.plain,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${name}: the bench request got ${res.status}: ${text.slice(0, 500)}`);
  const answer = JSON.parse(text) as { object?: string; choices?: Array<{ message?: { content?: unknown } }> };
  const content = answer.choices?.[0]?.message?.content;
  if (answer.object !== 'chat.completion' || content !== bodies.expected) {
    throw new Error(`${name}: not the echo answer: ${text.slice(0, 500)}`);
  }
  const chunks = (await streamOnce(server.origin, ROUTE, bodies.streamed)) as Array<{ choices?: Array<{ delta?: { content?: string } }> }>;
  const streamedText = chunks.map((c) => c.choices?.[0]?.delta?.content ?? '').join('');
  if (streamedText !== bodies.expected) throw new Error(`${name}: the streamed echo is ${JSON.stringify(streamedText)}`);
  return Buffer.byteLength(text);
}

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** The results as a markdown table, with the notes under it. */
export function markdown(result: HttpBenchResult): string {
  const s = result.settings;
  const lines = [
    `# bench:http, ${result.date}`,
    '',
    `Median of ${s.rounds} round${s.rounds > 1 ? 's' : ''} of ${s.durationS} s per figure, ${s.connections} connections, ` +
      `after ${s.warmupS} s of warm-up; ${result.machine.cpus} × ${result.machine.cpuModel}, Node ${result.machine.node}, ` +
      `load average ${result.machine.loadavg.map((l) => l.toFixed(1)).join(' ')} at the end.`,
    '',
    '| server | req/s | p50 ms | p99 ms | answer bytes | chunks/s (streamed) | streams/s | p99 stream ms | chunks per stream |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...result.rows.map(
      (r) =>
        `| ${r.label} | ${fmt(r.rps)} | ${fmt(r.p50Ms, 1)} | ${fmt(r.p99Ms, 1)} | ${r.responseBytes} | ${fmt(r.chunksPerS)} | ${fmt(r.streamsPerS)} | ${fmt(r.p99StreamMs, 1)} | ${r.chunksPerStream} |`,
    ),
    '',
    ...result.notes.map((n) => `- ${n}`),
    '',
  ];
  return lines.join('\n');
}

/** The median over rounds of `x`'s figure over `y`'s in the same round: steadier than a ratio of medians on a loaded machine. */
function roundRatio(x: HttpBenchRow, y: HttpBenchRow, figure: 'rps' | 'chunksPerS'): number {
  return median(x.rounds.map((r, i) => r[figure] / y.rounds[i][figure]));
}

/** One server's figures over another's: medians of the per-round ratios. */
export interface HttpBenchRatio {
  /** The servers' keys: `of` over `to`. */
  of: string;
  to: string;
  /** What the ratio says. */
  what: string;
  rps: number;
  chunksPerS: number;
}

function ratiosOf(rows: HttpBenchRow[]): HttpBenchRatio[] {
  const by = new Map(rows.map((r) => [r.key, r]));
  const ratios: HttpBenchRatio[] = [];
  const pair = (a: string, b: string, what: string): void => {
    const x = by.get(a);
    const y = by.get(b);
    if (x && y) ratios.push({ of: a, to: b, what, rps: roundRatio(x, y, 'rps'), chunksPerS: roundRatio(x, y, 'chunksPerS') });
  };
  pair('parse', 'stock', 'OpenAIParsePipe vs the stock ValidationPipe');
  pair('validate', 'stock', 'OpenAIValidationPipe vs the stock ValidationPipe');
  pair('validate', 'parse', 'OpenAIValidationPipe vs OpenAIParsePipe');
  pair('parse', 'fastify', 'OpenAIParsePipe (NestJS on Express) vs plain Fastify + ajv');
  pair('parse-fastify', 'parse', 'OpenAIParsePipe: NestJS on Fastify vs on Express');
  pair('parse-fastify', 'fastify', 'OpenAIParsePipe (NestJS on Fastify) vs plain Fastify + ajv');
  return ratios;
}

/** Runs the bench with `settings`, writes its files into `outDir`, and returns the results. */
export async function runHttpBench(settings: HttpBenchSettings, outDir: string, log: (line: string) => void): Promise<HttpBenchResult> {
  const bodies = benchBodies();
  const specs = settings.servers.map((k) => SERVERS.find((s) => s.key === k)!) as ServerSpec[];
  const load: LoadOptions = { connections: settings.connections, durationS: settings.durationS };
  const warm: LoadOptions = { connections: settings.connections, durationS: settings.warmupS };
  const echoed = `"content":${JSON.stringify(bodies.expected)}`;
  const verify = (body: string): boolean => body.includes('"object":"chat.completion"') && body.includes(echoed);
  const servers: BenchServer[] = [];
  try {
    for (const spec of specs) {
      const t0 = Date.now();
      servers.push(await startServer(spec));
      log(`started ${spec.label} in ${Date.now() - t0} ms`);
    }
    const sizes = new Map<string, number>();
    for (const s of servers) sizes.set(s.spec.key, await checkServer(s, bodies));
    for (const s of servers) {
      await loadRequests(s.origin, ROUTE, bodies.plain, warm, verify);
      await loadStreams(s.origin, ROUTE, bodies.streamed, warm);
    }
    log(`warmed up; ${settings.rounds} round(s) of ${settings.durationS} s per server and kind`);
    const plain = new Map<string, RequestFigures[]>(servers.map((s) => [s.spec.key, []]));
    const streamed = new Map<string, StreamFigures[]>(servers.map((s) => [s.spec.key, []]));
    for (let r = 0; r < settings.rounds; r++) {
      const order = servers.map((_, i) => servers[(i + r) % servers.length]);
      for (const s of order) {
        const f = await loadRequests(s.origin, ROUTE, bodies.plain, load, verify);
        plain.get(s.spec.key)!.push(f);
        log(`round ${r + 1}: ${s.spec.key} ${fmt(f.rps)} req/s, p99 ${fmt(f.p99Ms, 1)} ms`);
      }
      for (const s of order) {
        const f = await loadStreams(s.origin, ROUTE, bodies.streamed, load);
        streamed.get(s.spec.key)!.push(f);
        log(`round ${r + 1}: ${s.spec.key} ${fmt(f.chunksPerS)} chunks/s streamed`);
      }
    }
    for (const s of servers) if (!s.alive()) throw new Error(`${s.spec.label} died during the run:\n${s.stderr()}`);
    const rows: HttpBenchRow[] = servers.map((s) => {
      const p = plain.get(s.spec.key)!;
      const st = streamed.get(s.spec.key)!;
      return {
        key: s.spec.key,
        label: s.spec.label,
        rps: median(p.map((f) => f.rps)),
        p50Ms: median(p.map((f) => f.p50Ms)),
        p99Ms: median(p.map((f) => f.p99Ms)),
        chunksPerS: median(st.map((f) => f.chunksPerS)),
        streamsPerS: median(st.map((f) => f.streamsPerS)),
        p99StreamMs: median(st.map((f) => f.p99StreamMs)),
        chunksPerStream: st[0].chunksPerStream,
        responseBytes: sizes.get(s.spec.key)!,
        requests: p.reduce((n, f) => n + f.requests, 0),
        streams: st.reduce((n, f) => n + f.streams, 0),
        rounds: p.map((f, i) => ({ rps: f.rps, p99Ms: f.p99Ms, chunksPerS: st[i].chunksPerS })),
      };
    });
    const ratios = ratiosOf(rows);
    const cpus = os.cpus();
    const result: HttpBenchResult = {
      date: new Date().toISOString(),
      machine: { node: process.version, cpus: cpus.length, cpuModel: cpus[0]?.model.trim() ?? 'unknown', loadavg: os.loadavg() },
      settings: {
        ...settings,
        route: `POST ${ROUTE}`,
        requestBytes: Buffer.byteLength(bodies.plain),
        streamedRequestBytes: Buffer.byteLength(bodies.streamed),
      },
      rows,
      ratios,
      notes: [
        ...ratios.map(
          (r) => `${r.what}: ${r.rps.toFixed(2)}× the req/s, ${r.chunksPerS.toFixed(2)}× the chunks/s (medians of the per-round ratios).`,
        ),
        'The load generator runs on the same machine as the servers: figures are for comparing rows, not absolute capacity.',
        'The demo servers run NestJS 12 (on Express unless the row says Fastify) with the source through ts-node (transpile-only); the Fastify peer is a bare route (see bench/http/fastify-serve.ts).',
      ],
    };
    fs.mkdirSync(outDir, { recursive: true });
    const stamp = result.date.replace(/[:.]/g, '-');
    fs.writeFileSync(path.join(outDir, `http-${stamp}.json`), JSON.stringify(result, null, 2) + '\n');
    fs.writeFileSync(path.join(outDir, 'http-latest.md'), markdown(result));
    return result;
  } finally {
    await Promise.all(servers.map((s) => s.close()));
    await stopAll();
  }
}

async function main(): Promise<void> {
  const settings = settingsFromEnv();
  const outDir = process.env.BENCH_HTTP_OUT || path.join(__dirname, 'results');
  // The whole run's bound: startup, warm-up, rounds and a generous slack.
  const perServerS = settings.warmupS * 2 + settings.rounds * settings.durationS * 2;
  const limitMs = (settings.servers.length * (perServerS + 60) + 60) * 1000;
  const limit = setTimeout(() => {
    console.error(`bench:http: still running after ${Math.round(limitMs / 1000)} s, giving up`);
    void stopAll().finally(() => process.exit(1));
  }, limitMs);
  limit.unref();
  const result = await runHttpBench(settings, outDir, (line) => console.error(line));
  clearTimeout(limit);
  console.log(markdown(result));
  console.log(`Written to ${path.relative(process.cwd(), outDir) || '.'}/ (http-latest.md and a JSON file).`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    void stopAll().finally(() => process.exit(1));
  });
}
