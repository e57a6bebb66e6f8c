/**
 * A small timing harness: every peer of a group is warmed up, calibrated to a
 * batch of about `batchMs`, then timed for `rounds` rounds. Peers are
 * interleaved within each round (the starting peer rotates), so drift, GC and
 * frequency changes hit all of them alike. Results are per-operation medians.
 */

/** One contender of a group: a label and the operation to time. */
export interface Peer {
  /** Short stable key, used in the JSON line. */
  readonly key: string;
  /** Human label for the table. */
  readonly label: string;
  /** The operation; its result is kept in a sink so it cannot be optimised away. */
  readonly run: () => unknown;
}

/** The per-operation times of one peer, in nanoseconds. */
export interface Timing {
  readonly key: string;
  readonly label: string;
  readonly medianNs: number;
  readonly minNs: number;
  readonly maxNs: number;
  readonly iterations: number;
  readonly roundsNs: readonly number[];
}

/** Harness settings. */
export interface HarnessOptions {
  rounds: number;
  batchMs: number;
  warmupMs: number;
}

/** Defaults, overridable with BENCH_ROUNDS / BENCH_BATCH_MS / BENCH_WARMUP_MS. */
export const DEFAULT_OPTIONS: HarnessOptions = {
  rounds: Number(process.env.BENCH_ROUNDS ?? 9),
  batchMs: Number(process.env.BENCH_BATCH_MS ?? 60),
  warmupMs: Number(process.env.BENCH_WARMUP_MS ?? 300),
};

/** Results are stored here so V8 cannot drop the timed calls. */
export let sink: unknown = undefined;

const now = (): number => Number(process.hrtime.bigint());

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function runBatch(peer: Peer, n: number): number {
  const run = peer.run;
  let last: unknown;
  const t0 = now();
  for (let i = 0; i < n; i++) last = run();
  const t1 = now();
  sink = last;
  return (t1 - t0) / n;
}

/** Collects garbage when node runs with --expose-gc, so one group's garbage does not bill the next. */
export function settle(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

/** Times a group of peers, interleaved; returns their timings in the order given. */
export function timeGroup(peers: readonly Peer[], options: HarnessOptions = DEFAULT_OPTIONS): Timing[] {
  settle();
  // Warm-up and calibration: run each peer for warmupMs, twice, interleaved.
  const iterations = peers.map(() => 1);
  for (let pass = 0; pass < 2; pass++) {
    peers.forEach((peer, i) => {
      let n = 0;
      const t0 = now();
      const deadline = t0 + (options.warmupMs / 2) * 1e6;
      let t = t0;
      while (t < deadline) {
        sink = peer.run();
        n++;
        if ((n & 15) === 0 || n < 16) t = now();
      }
      const perOp = (t - t0) / n;
      iterations[i] = Math.max(1, Math.round((options.batchMs * 1e6) / perOp));
    });
  }
  const samples: number[][] = peers.map(() => []);
  for (let r = 0; r < options.rounds; r++) {
    for (let j = 0; j < peers.length; j++) {
      const i = (r + j) % peers.length;
      samples[i].push(runBatch(peers[i], iterations[i]));
    }
  }
  return peers.map((p, i) => ({
    key: p.key,
    label: p.label,
    medianNs: median(samples[i]),
    minNs: Math.min(...samples[i]),
    maxNs: Math.max(...samples[i]),
    iterations: iterations[i],
    roundsNs: samples[i],
  }));
}

/** Formats nanoseconds as microseconds with sensible precision. */
export function us(ns: number): string {
  const v = ns / 1000;
  return v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
}
