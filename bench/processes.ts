/**
 * Measurements that need fresh processes: cold `require` time and retained
 * heap per parsed request. Each child is plain `node -e` (no ts-node), run from
 * the repo root so `require` resolves like a user's app does.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { median } from './harness';
import { DIST_ENTRY } from './lib';
import { BENCH_PAYLOAD_PATH } from './payloads';

const ROOT = path.resolve(__dirname, '..');

function runChild(script: string, env: Record<string, string>, nodeArgs: string[] = []): Record<string, number> {
  const r = spawnSync(process.execPath, [...nodeArgs, '-e', script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`child failed (${r.status}): ${r.stderr}`);
  const lines = r.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as Record<string, number>;
}

const REQUIRE_SCRIPT = `
const ns = () => Number(process.hrtime.bigint());
const t0 = ns();
if (process.env.BENCH_WHAT === 'package') {
  require(process.env.BENCH_ENTRY);
} else {
  require('reflect-metadata'); require('class-validator'); require('class-transformer');
}
const t1 = ns();
let firstParseMs = 0;
if (process.env.BENCH_WHAT === 'package') {
  const text = require('fs').readFileSync(process.env.BENCH_PAYLOAD, 'utf8');
  const t2 = ns();
  require(process.env.BENCH_ENTRY).ChatCompletionRequest.parseJson(text);
  firstParseMs = (ns() - t2) / 1e6;
}
console.log(JSON.stringify({ requireMs: (t1 - t0) / 1e6, firstParseMs }));
`;

/** Cold-require medians, in ms: the package vs class-validator + class-transformer + reflect-metadata alone. */
export function coldRequire(rounds: number): { packageMs: number; peersMs: number; firstParseMs: number } {
  const pkg: number[] = [];
  const peers: number[] = [];
  const first: number[] = [];
  const env = { BENCH_ENTRY: DIST_ENTRY, BENCH_PAYLOAD: BENCH_PAYLOAD_PATH };
  runChild(REQUIRE_SCRIPT, { ...env, BENCH_WHAT: 'package' }); // warm the file cache
  runChild(REQUIRE_SCRIPT, { ...env, BENCH_WHAT: 'peers' });
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 ? ['peers', 'package'] : ['package', 'peers'];
    for (const what of order) {
      const out = runChild(REQUIRE_SCRIPT, { ...env, BENCH_WHAT: what });
      if (what === 'package') {
        pkg.push(out.requireMs);
        first.push(out.firstParseMs);
      } else {
        peers.push(out.requireMs);
      }
    }
  }
  return { packageMs: median(pkg), peersMs: median(peers), firstParseMs: median(first) };
}

const HEAP_SCRIPT = `
const fs = require('fs');
const text = fs.readFileSync(process.env.BENCH_PAYLOAD, 'utf8');
const N = Number(process.env.BENCH_N);
const lib = require(process.env.BENCH_ENTRY);
const make = process.env.BENCH_WHAT === 'model'
  ? () => lib.ChatCompletionRequest.parseJson(text)
  : () => JSON.parse(text);
for (let i = 0; i < 500; i++) make();
const keep = new Array(N).fill(null);
gc(); gc();
const before = process.memoryUsage().heapUsed;
for (let i = 0; i < N; i++) keep[i] = make();
gc(); gc();
const after = process.memoryUsage().heapUsed;
if (keep.length !== N || !keep[N - 1]) throw new Error('lost');
console.log(JSON.stringify({ bytesPerRequest: (after - before) / N }));
`;

/** Retained heap per request, in bytes: `count` parsed requests kept alive vs the same as `JSON.parse` objects. */
export function heapPerRequest(count: number, rounds: number): { modelBytes: number; plainBytes: number } {
  const model: number[] = [];
  const plain: number[] = [];
  const env = { BENCH_ENTRY: DIST_ENTRY, BENCH_PAYLOAD: BENCH_PAYLOAD_PATH, BENCH_N: String(count) };
  for (let r = 0; r < rounds; r++) {
    model.push(runChild(HEAP_SCRIPT, { ...env, BENCH_WHAT: 'model' }, ['--expose-gc']).bytesPerRequest);
    plain.push(runChild(HEAP_SCRIPT, { ...env, BENCH_WHAT: 'plain' }, ['--expose-gc']).bytesPerRequest);
  }
  return { modelBytes: median(model), plainBytes: median(plain) };
}
