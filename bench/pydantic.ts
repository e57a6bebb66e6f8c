/**
 * The optional Pydantic v2 peer, run in python3 when `import pydantic` gives a
 * v2. Python runs in its own process, so the comparison is interleaved at a
 * coarse grain: `slices` times, one Python measurement then one of ours, and
 * the ratio is the median of the per-slice ratios.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { median } from './harness';

/** Pydantic's medians in µs and the interleaved ratio ours/Pydantic, or why it was skipped. */
export type PydanticResult =
  | { version: string; benchUs: number; bigUs: number; ratio: number; slices: number }
  | { skipped: string };

/**
 * Runs bench/pydantic_bench.py on the two payloads `slices` times, calling
 * `timeOursNs()` (our per-op ns on the bench payload) after each. Never installs anything.
 */
export function pydanticPeer(benchText: string, bigText: string, slices: number, timeOursNs: () => number): PydanticResult {
  const probe = spawnSync('python3', ['-c', 'import pydantic; print(pydantic.VERSION)'], { encoding: 'utf8' });
  if (probe.error) return { skipped: `python3 not runnable (${probe.error.message})` };
  if (probe.status !== 0) return { skipped: `pydantic not importable: ${probe.stderr.trim().split('\n').pop()}` };
  const version = probe.stdout.trim();
  if (!version.startsWith('2.')) return { skipped: `pydantic ${version} is not v2` };
  const bench: number[] = [];
  const big: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < slices; i++) {
    const r = spawnSync('python3', [path.join(__dirname, 'pydantic_bench.py')], {
      input: JSON.stringify({ bench: benchText, big: bigText }),
      encoding: 'utf8',
    });
    if (r.status !== 0) return { skipped: `pydantic bench failed: ${r.stderr.trim().split('\n').pop()}` };
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { bench_us: number; big_us: number };
    bench.push(out.bench_us);
    big.push(out.big_us);
    ratios.push(timeOursNs() / (out.bench_us * 1000));
  }
  return { version, benchUs: median(bench), bigUs: median(big), ratio: median(ratios), slices };
}
