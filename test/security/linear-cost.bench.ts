/**
 * Timing companion of linear-cost.test.ts (not a jest test: the project keeps
 * clocks out of unit tests). Prints the median per-message cost of parse,
 * parseJson and the decorator route at 500 and 50,000 messages, and how the
 * decorator route scales with the number of keys in one object.
 *
 *   node --expose-gc -r ts-node/register/transpile-only test/security/linear-cost.bench.ts
 *
 * Exits with status 1 when parse or parseJson at 50,000 costs more than 2× per
 * message what it costs at 500 (the bound).
 */
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ChatCompletionRequest } from '../../src';
import { body as chatOf } from './linear-cost-body';

const RUNS = 7;

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Median CPU time (user + system) of `f` in ms over RUNS runs, after one
 * warm-up, with a full GC before each run when `--expose-gc` is given. CPU
 * time is used rather than wall time so other processes on a shared box
 * disturb the figure less; it still includes this process's GC.
 */
function median(f: () => void): number {
  f();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    gc?.();
    const t = process.cpuUsage();
    f();
    const d = process.cpuUsage(t);
    times.push((d.user + d.system) / 1000);
  }
  return times.sort((a, b) => a - b)[RUNS >> 1];
}

const routes: Record<string, (body: object, text: string) => void> = {
  parse: (body) => void ChatCompletionRequest.parse(body),
  parseJson: (_body, text) => void ChatCompletionRequest.parseJson(text),
  decorators: (body) => void validateSync(plainToInstance(ChatCompletionRequest, body), { forbidUnknownValues: false }),
};

let failed = false;
for (const [name, run] of Object.entries(routes)) {
  const per: number[] = [];
  for (const n of [500, 50_000]) {
    const body = chatOf(n);
    const text = JSON.stringify(body);
    per.push((median(() => run(body, text)) * 1000) / n);
  }
  const ratio = per[1] / per[0];
  console.log(`${name.padEnd(10)} µs/message: ${per[0].toFixed(2)} at 500, ${per[1].toFixed(2)} at 50,000 → ratio ${ratio.toFixed(2)}`);
  if (name !== 'decorators' && ratio > 2) failed = true;
}

for (const n of [10_000, 20_000, 40_000]) {
  const extras = Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 1]));
  const body = { model: 'm', messages: [], ...extras };
  const p = median(() => void ChatCompletionRequest.parse(body));
  const d = median(() => void plainToInstance(ChatCompletionRequest, body));
  console.log(`${String(n).padStart(6)} extra keys: parse ${p.toFixed(1)} ms, plainToInstance ${d.toFixed(1)} ms`);
}
process.exitCode = failed ? 1 : 0;
