/**
 * `npm run bench`: times the built package (dist/) against its peers in one
 * process and prints a table, the targets with pass/fail marks, and one JSON
 * line. Never fails on a missed target. Add a row by adding a Peer to a
 * section below (e.g. a NestJS pipe that calls `parse`).
 *
 * Environment: BENCH_ROUNDS (9), BENCH_CHECKS_ROUNDS (41), BENCH_BATCH_MS (60), BENCH_WARMUP_MS (300),
 * BENCH_REQUIRE_ROUNDS (15), BENCH_HEAP_ROUNDS (3), BENCH_PYDANTIC_SLICES (3),
 * BENCH_REQUEST_ROUNDS (61, the two request sections, ~10 ms rounds),
 * BENCH_QUICK=1 (fewer of everything). Run with --expose-gc (as `npm run bench`
 * does) so the harness collects garbage between groups.
 */
import * as os from 'os';
import * as path from 'path';
import { plainToInstance } from 'class-transformer';
import fastJson from 'fast-json-stringify';
import { validateSync } from 'class-validator';
import { ajvParse } from './ajv-peer';
import { DEFAULT_OPTIONS, median, timeGroup, us } from './harness';
import type { HarnessOptions, Peer, Timing } from './harness';
import { lib } from './lib';
import {
  benchText,
  buildChunk,
  buildResponse,
  manyMessages,
  messageCount,
  plainChunk,
  plainResponse,
} from './payloads';
import { coldRequire, heapPerRequest } from './processes';
import { pydanticPeer } from './pydantic';
import { toolPayloadWarnings, toolPayloads } from './tool-calls';
import type { PydanticResult } from './pydantic';
import { ChatCompletionRequestSchema } from './zod-schema';

const QUICK = process.env.BENCH_QUICK === '1';
const OPTIONS: HarnessOptions = QUICK ? { rounds: 5, batchMs: 20, warmupMs: 100 } : DEFAULT_OPTIONS;
const REQUIRE_ROUNDS = Number(process.env.BENCH_REQUIRE_ROUNDS ?? (QUICK ? 5 : 15));
const HEAP_ROUNDS = Number(process.env.BENCH_HEAP_ROUNDS ?? (QUICK ? 1 : 3));
const PYDANTIC_SLICES = Number(process.env.BENCH_PYDANTIC_SLICES ?? (QUICK ? 1 : 3));
/** The checks row compares two near-equal times, so it takes more rounds (its target is a median of per-round ratios). */
const CHECKS_ROUNDS = Number(process.env.BENCH_CHECKS_ROUNDS ?? (QUICK ? 9 : 41));
const HEAP_REQUESTS = 10_000;
const BIG_MESSAGES = 200;

const { ChatCompletionRequest, ChatCompletionResponse, ChatCompletionStreamResponse, sseEvent, stringify } = lib;
/**
 * The chunk rows take their token from 64 different ones in turn, as a stream's
 * chunks differ in content (while sharing id, model and created).
 */
const TOKENS = Array.from({ length: 64 }, (_, i) => [' the', ' Paris', ',', ' 18°C', ' and', ' "cloudy"', '.\n', ' Tokyo'][i % 8] + (i >= 8 ? String(i) : ''));
let tokenAt = 0;
const nextToken = (): string => TOKENS[(tokenAt = (tokenAt + 1) & 63)];
/** fast-json-stringify compiled from the chunk's and the response's own JSON Schemas (`jsonSchema()`). */
const chunkFjs = fastJson(ChatCompletionStreamResponse.jsonSchema() as unknown as Parameters<typeof fastJson>[0]);
const responseFjs = fastJson(ChatCompletionResponse.jsonSchema() as unknown as Parameters<typeof fastJson>[0]);
const bigText = manyMessages(BIG_MESSAGES);
const benchMessages = messageCount(benchText);
/** The bench payload as a value, for `parse` (which neither mutates nor keeps its input). */
const benchValue: unknown = JSON.parse(benchText);

/** The bare decorator route, as NestJS's ValidationPipe runs it (transform + validate). */
function bareDecorators(text: string): object {
  const inst = plainToInstance(ChatCompletionRequest, JSON.parse(text) as object);
  const errors = validateSync(inst, { forbidUnknownValues: false });
  if (errors.length) throw new Error(`bare route rejected the payload: ${errors}`);
  return inst;
}

/**
 * Optional: the package's NestJS pipe that calls `safeParse` (dist/nest), timed
 * as `JSON.parse` + `pipe.transform` the way NestJS runs it after body-parser.
 * Skipped when dist/nest or the pipe is absent or does not accept the payload.
 */
function nestParsePipePeer(text: string): Peer | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const nest = require(path.resolve(__dirname, '../dist/nest')) as Record<string, unknown>;
    const Pipe = nest.OpenAIParsePipe as (new () => { transform(v: unknown, m: object): unknown }) | undefined;
    if (typeof Pipe !== 'function') return undefined;
    const pipe = new Pipe();
    const metadata = { type: 'body', metatype: ChatCompletionRequest, data: undefined };
    const run = (): unknown => pipe.transform(JSON.parse(text), metadata);
    if (!(run() instanceof ChatCompletionRequest)) return undefined;
    return { key: 'nestParsePipe', label: 'NestJS OpenAIParsePipe (JSON.parse + transform)', run };
  } catch {
    return undefined;
  }
}

function parsePeers(text: string): Peer[] {
  const peers: Peer[] = [
    { key: 'parseJson', label: 'ChatCompletionRequest.parseJson', run: () => ChatCompletionRequest.parseJson(text) },
    { key: 'jsonParse', label: 'JSON.parse alone', run: () => JSON.parse(text) },
    { key: 'ajv', label: 'ajv 8 (JSON.parse + compiled jsonSchema())', run: () => ajvParse(text) },
    { key: 'zod', label: 'zod 4 (JSON.parse + schema.parse)', run: () => ChatCompletionRequestSchema.parse(JSON.parse(text)) },
    { key: 'bare', label: 'plainToInstance + validateSync (NestJS)', run: () => bareDecorators(text) },
  ];
  const pipe = nestParsePipePeer(text);
  if (pipe) peers.push(pipe);
  return peers;
}

interface Section {
  key: string;
  title: string;
  /** The row every other row's ratio is taken against. */
  baseline: string;
  peers: Peer[];
  /** Harness settings for this section, when not the defaults. */
  options?: HarnessOptions;
}

/**
 * The request sections take many short rounds (at least 61 of ~10 ms): on a
 * shared machine a short batch is less often cut by another process, and the
 * parseJson/ajv target is the median of per-round ratios, which many rounds steady.
 */
const REQUEST_OPTIONS: HarnessOptions = QUICK
  ? OPTIONS
  : { ...OPTIONS, rounds: Math.max(OPTIONS.rounds, Number(process.env.BENCH_REQUEST_ROUNDS ?? 61)), batchMs: Math.min(OPTIONS.batchMs, 10) };

const SECTIONS: Section[] = [
  {
    key: 'parse',
    title: `parse, bench payload (${(benchText.length / 1024).toFixed(1)} KB, ${benchMessages} messages)`,
    baseline: 'jsonParse',
    peers: parsePeers(benchText),
    options: REQUEST_OPTIONS,
  },
  {
    key: 'parseBig',
    title: `parse, ${BIG_MESSAGES}-message request (${(bigText.length / 1024).toFixed(1)} KB)`,
    baseline: 'jsonParse',
    peers: parsePeers(bigText),
    options: REQUEST_OPTIONS,
  },
  {
    key: 'checks',
    title: `parse of the bench payload (a value), protocol checks off vs on (${CHECKS_ROUNDS} rounds)`,
    baseline: 'off',
    options: { ...OPTIONS, rounds: CHECKS_ROUNDS },
    peers: [
      { key: 'off', label: 'ChatCompletionRequest.parse(value)', run: () => ChatCompletionRequest.parse(benchValue) },
      { key: 'on', label: 'ChatCompletionRequest.parse(value, { checks: true })', run: () => ChatCompletionRequest.parse(benchValue, { checks: true }) },
    ],
  },
  {
    key: 'chunk',
    title: 'stream chunk: build + SSE-encode, vs fast-json-stringify / JSON.stringify of the plain object',
    baseline: 'fjs',
    peers: [
      { key: 'sse', label: 'new ChatCompletionStreamResponse(…) + sseEvent', run: () => sseEvent(buildChunk(nextToken())) },
      { key: 'fjs', label: 'plain literal + fast-json-stringify, framed', run: () => `data: ${chunkFjs(plainChunk(nextToken()))}\n\n` },
      { key: 'plainSse', label: 'plain literal + JSON.stringify, framed', run: () => `data: ${JSON.stringify(plainChunk(nextToken()))}\n\n` },
      { key: 'model', label: 'new ChatCompletionStreamResponse(…) + JSON.stringify', run: () => JSON.stringify(buildChunk(nextToken())) },
      { key: 'plain', label: 'plain object literal + JSON.stringify', run: () => JSON.stringify(plainChunk(nextToken())) },
      { key: 'buildOnly', label: '  (build only, no stringify)', run: () => buildChunk(nextToken()) },
      { key: 'stringifyOnly', label: '  (JSON.stringify of a prebuilt instance)', run: (() => { const c = buildChunk(nextToken()); return () => JSON.stringify(c); })() },
      { key: 'compiledOnly', label: '  (stringify() of a prebuilt instance)', run: (() => { const c = buildChunk(nextToken()); return () => stringify(c); })() },
    ],
  },
  {
    key: 'response',
    title: 'ChatCompletionResponse: stringify, vs fast-json-stringify / JSON.stringify of the plain object',
    baseline: 'fjs',
    peers: [
      { key: 'compiledOnly', label: 'stringify(response), prebuilt', run: (() => { const c = buildResponse(); return () => stringify(c); })() },
      { key: 'stringifyOnly', label: 'JSON.stringify(response), prebuilt', run: (() => { const c = buildResponse(); return () => JSON.stringify(c); })() },
      { key: 'fjs', label: 'fast-json-stringify(plain), prebuilt', run: (() => { const c = plainResponse(); return () => responseFjs(c); })() },
      { key: 'plainOnly', label: 'JSON.stringify(plain), prebuilt', run: (() => { const c = plainResponse(); return () => JSON.stringify(c); })() },
      { key: 'compiled', label: 'new ChatCompletionResponse(…) + stringify()', run: () => stringify(buildResponse()) },
      { key: 'model', label: 'new ChatCompletionResponse(…) + JSON.stringify', run: () => JSON.stringify(buildResponse()) },
      { key: 'plain', label: 'plain object literal + JSON.stringify', run: () => JSON.stringify(plainResponse()) },
      { key: 'buildOnly', label: '  (build only, no stringify)', run: () => buildResponse() },
    ],
  },
];

/** JSON with object keys sorted, to compare outputs regardless of key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
      : v,
  );
}

/** Checks that the peers compute the same thing, so the ratios compare like with like. */
function sanityChecks(): string[] {
  const warnings: string[] = [];
  for (const [name, text] of [['bench', benchText], ['200-message', bigText]] as const) {
    const ours = JSON.stringify(ChatCompletionRequest.parseJson(text));
    if (JSON.stringify(bareDecorators(text)) !== ours) warnings.push(`${name}: bare route dump differs from parseJson's`);
    if (canonical(ChatCompletionRequestSchema.parse(JSON.parse(text))) !== canonical(JSON.parse(ours))) {
      warnings.push(`${name}: zod output differs from parseJson's dump (key order ignored)`);
    }
    if (canonical(ajvParse(text)) !== canonical(JSON.parse(ours))) {
      warnings.push(`${name}: ajv's defaults-filled body differs from parseJson's dump (key order ignored)`);
    }
  }
  if (JSON.stringify(ChatCompletionRequest.parse(benchValue, { checks: true })) !== JSON.stringify(ChatCompletionRequest.parse(benchValue))) {
    warnings.push('checks: parse with checks on gives another instance than without');
  }
  // One token for both sides of each comparison (nextToken rotates).
  const token = nextToken();
  if (JSON.stringify(buildChunk(token)) !== JSON.stringify(plainChunk(token))) warnings.push('chunk: model and plain JSON differ');
  if (JSON.stringify(buildResponse()) !== JSON.stringify(plainResponse())) warnings.push('response: model and plain JSON differ');
  if (sseEvent(buildChunk(token)) !== `data: ${JSON.stringify(buildChunk(token))}\n\n`) warnings.push('chunk: sseEvent differs from JSON.stringify');
  if (stringify(buildResponse()) !== JSON.stringify(buildResponse())) warnings.push('response: stringify differs from JSON.stringify');
  // fast-json-stringify writes required fields first: the same JSON value, in another key order.
  if (canonical(JSON.parse(chunkFjs(plainChunk(token)))) !== canonical(buildChunk(token))) warnings.push('chunk: fast-json-stringify output differs (key order ignored)');
  if (canonical(JSON.parse(responseFjs(plainResponse()))) !== canonical(buildResponse())) warnings.push('response: fast-json-stringify output differs (key order ignored)');
  return warnings;
}

interface Target {
  key: string;
  label: string;
  value: number | undefined;
  limit: number;
  note?: string;
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}
function lpad(s: string, n: number): string {
  return s.length >= n ? s : ' '.repeat(n - s.length) + s;
}

/** The median of the per-round ratios of `a` to `b` (the two take turns within each round). */
function perRound(a: Timing, b: Timing): number {
  return median(a.roundsNs.map((ns, i) => ns / b.roundsNs[i]));
}

/** The request peers side by side: for each payload, each peer's median and parseJson's time over it. */
function printRequestPeers(results: Record<string, Record<string, Timing>>): void {
  const peers: Array<[string, string]> = [
    ['jsonParse', 'JSON.parse'],
    ['ajv', 'ajv 8, useDefaults + coerceTypes'],
    ['zod', 'zod 4'],
    ['bare', 'bare route (plainToInstance + validateSync)'],
  ];
  const W = 50;
  console.log(`parseJson vs each request peer (median of per-round ratios)${lpad('parseJson', 12)}${lpad('peer', 10)}${lpad('ratio', 10)}`);
  for (const [key, name] of [['parse', 'bench payload'], ['parseBig', `${BIG_MESSAGES} messages`]] as const) {
    const group = results[key];
    for (const [peer, label] of peers) {
      if (!group[peer]) continue;
      const mark = peer === 'ajv' ? `   target ≤ 0.90× ${perRound(group.parseJson, group.ajv) <= 0.9 ? 'PASS' : 'FAIL'}` : '';
      console.log(
        `  ${pad(`${name}: / ${label}`, W + 10)}${lpad(us(group.parseJson.medianNs), 12)}${lpad(us(group[peer].medianNs), 10)}` +
          `${lpad(`${perRound(group.parseJson, group[peer]).toFixed(2)}×`, 10)}${mark}`,
      );
    }
  }
}

function main(): void {
  const cpu = os.cpus()[0]?.model?.trim() ?? 'unknown CPU';
  const machine = `node ${process.version}, ${os.platform()} ${os.arch()}, ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB`;
  console.log(`oai-protocols bench — ${machine}`);
  console.log(`medians of ${OPTIONS.rounds} interleaved rounds (~${OPTIONS.batchMs} ms each per row), after ${OPTIONS.warmupMs} ms warm-up; the request sections ${REQUEST_OPTIONS.rounds} rounds of ~${REQUEST_OPTIONS.batchMs} ms\n`);

  const warnings = sanityChecks();
  for (const w of warnings) console.log(`WARNING: ${w}`);

  const results: Record<string, Record<string, Timing>> = {};
  const W = 50;
  console.log(`${pad('', W)}${lpad('µs/op', 10)}${lpad('min–max', 16)}${lpad('ratio', 10)}`);
  for (const section of SECTIONS) {
    const timings = timeGroup(section.peers, section.options ?? OPTIONS);
    results[section.key] = Object.fromEntries(timings.map((t) => [t.key, t]));
    const base = results[section.key][section.baseline].medianNs;
    console.log(section.title);
    for (const t of timings) {
      const ratio = `${(t.medianNs / base).toFixed(2)}×`;
      console.log(`  ${pad(t.label, W - 2)}${lpad(us(t.medianNs), 10)}${lpad(`${us(t.minNs)}–${us(t.maxNs)}`, 16)}${lpad(ratio, 10)}`);
    }
  }

  printRequestPeers(results);

  const tools = toolPayloads();
  for (const w of toolPayloadWarnings(tools)) console.log(`WARNING: ${w}`);
  const toolUs: Record<string, number> = {};
  const toolMBps: Record<string, number> = {};
  console.log(`tool-call extraction, hermes (MB/s = reply bytes / time)${lpad('MB/s', 10)}`);
  for (const payload of tools) {
    const timings = timeGroup(payload.peers, OPTIONS);
    for (const t of timings) {
      const mbps = payload.text.length / 2 ** 20 / (t.medianNs / 1e9);
      toolUs[t.key] = +(t.medianNs / 1000).toFixed(3);
      toolMBps[t.key] = +mbps.toFixed(1);
      console.log(`  ${pad(t.label, W - 2)}${lpad(us(t.medianNs), 10)}${lpad(`${us(t.minNs)}–${us(t.maxNs)}`, 16)}${lpad(mbps.toFixed(1), 10)}`);
    }
  }
  const sizeRatio = (k: string, calls: number): number => {
    const small = tools.find((p) => p.key === `4k_${calls}`)!;
    const big = tools.find((p) => p.key === `40k_${calls}`)!;
    return toolUs[`${k}_40k_${calls}`] / toolUs[`${k}_4k_${calls}`] / (big.text.length / small.text.length);
  };

  const oursNow = (): number =>
    timeGroup(parsePeers(benchText).slice(0, 1), { ...OPTIONS, rounds: 5, warmupMs: 100 })[0].medianNs;
  const py: PydanticResult = pydanticPeer(benchText, bigText, PYDANTIC_SLICES, oursNow);
  console.log(`Pydantic v2 model_validate_json (python3; ${PYDANTIC_SLICES} slices interleaved with parseJson)`);
  if ('skipped' in py) console.log(`  skipped: ${py.skipped}`);
  else {
    const base = results.parse.jsonParse.medianNs;
    console.log(`  ${pad(`bench payload (pydantic ${py.version})`, W - 2)}${lpad(us(py.benchUs * 1000), 10)}${lpad('', 16)}${lpad(`${((py.benchUs * 1000) / base).toFixed(2)}×`, 10)}`);
    console.log(`  ${pad(`${BIG_MESSAGES}-message request`, W - 2)}${lpad(us(py.bigUs * 1000), 10)}`);
  }

  const req = coldRequire(REQUIRE_ROUNDS);
  console.log(`cold require, fresh node process, median of ${REQUIRE_ROUNDS} (ms)`);
  console.log(`  ${pad("require('oai-protocols') (dist/index.js)", W - 2)}${lpad(req.packageMs.toFixed(1), 10)}`);
  console.log(`  ${pad('reflect-metadata + class-validator + class-transformer', W - 2)}${lpad(req.peersMs.toFixed(1), 10)}`);
  console.log(`  ${pad('  (first parseJson after require)', W - 2)}${lpad(req.firstParseMs.toFixed(2), 10)}`);

  const heap = heapPerRequest(HEAP_REQUESTS, HEAP_ROUNDS);
  console.log(`retained heap per request, ${HEAP_REQUESTS} kept alive, median of ${HEAP_ROUNDS} (bytes)`);
  console.log(`  ${pad('ChatCompletionRequest.parseJson', W - 2)}${lpad(heap.modelBytes.toFixed(0), 10)}`);
  console.log(`  ${pad('JSON.parse', W - 2)}${lpad(heap.plainBytes.toFixed(0), 10)}`);

  const p = results.parse;
  // Per-round ratios (the two rows take turns within each round), then their median.
  const checksRatio = median(results.checks.on.roundsNs.map((on, i) => on / results.checks.off.roundsNs[i]));
  const sectionRatio = (section: string, a: string, b: string): number => perRound(results[section][a], results[section][b]);
  const b = results.parseBig;
  const perMessage = (b.parseJson.medianNs / BIG_MESSAGES) / (p.parseJson.medianNs / benchMessages);
  const extraMessages = BIG_MESSAGES - benchMessages;
  const marginal = (g: 'parseJson' | 'jsonParse' | 'zod'): number => (b[g].medianNs - p[g].medianNs) / extraMessages;
  const targets: Target[] = [
    { key: 'parse_vs_zod', label: 'parse vs zod 4', value: p.parseJson.medianNs / p.zod.medianNs, limit: 1.0 },
    { key: 'parse_vs_json', label: 'parse vs JSON.parse alone', value: p.parseJson.medianNs / p.jsonParse.medianNs, limit: 2.0 },
    { key: 'parse_vs_ajv', label: 'parse vs ajv 8, bench payload', value: perRound(p.parseJson, p.ajv), limit: 0.9, note: 'median of per-round ratios' },
    { key: 'parse_vs_ajv_big', label: `parse vs ajv 8, ${BIG_MESSAGES} messages`, value: perRound(b.parseJson, b.ajv), limit: 0.9, note: 'median of per-round ratios' },
    {
      key: 'parse_vs_pydantic',
      label: 'parse vs Pydantic model_validate_json',
      value: 'skipped' in py ? undefined : py.ratio,
      limit: 0.5,
      note: 'skipped' in py ? py.skipped : 'cross-process, median of per-slice ratios',
    },
    { key: 'checks_on_vs_off', label: 'parse with checks vs without', value: checksRatio, limit: 1.05, note: `median of ${CHECKS_ROUNDS} per-round ratios` },
    { key: 'chunk_vs_plain', label: 'stream chunk vs plain stringify', value: results.chunk.model.medianNs / results.chunk.plain.medianNs, limit: 1.5 },
    { key: 'response_vs_plain', label: 'ChatCompletionResponse vs plain stringify', value: results.response.model.medianNs / results.response.plain.medianNs, limit: 1.5 },
    { key: 'chunk_sse_vs_fjs', label: 'chunk built + sseEvent vs fast-json-stringify', value: sectionRatio('chunk', 'sse', 'fjs'), limit: 1.1, note: 'median of per-round ratios' },
    { key: 'response_stringify_vs_fjs', label: 'stringify(response) vs fast-json-stringify', value: sectionRatio('response', 'compiledOnly', 'fjs'), limit: 1.1, note: 'median of per-round ratios' },
    {
      key: 'response_json_stringify_vs_fjs',
      label: 'JSON.stringify(response) vs fast-json-stringify',
      value: sectionRatio('response', 'stringifyOnly', 'fjs'),
      limit: 1.1,
      note: `V8 writes it; JSON.stringify(plain) alone is ${sectionRatio('response', 'plainOnly', 'fjs').toFixed(2)}×`,
    },
    { key: 'per_message_200_vs_bench', label: `per-message cost, ${BIG_MESSAGES} msgs vs ${benchMessages}`, value: perMessage, limit: 1.2 },
    ...(['whole', 'stream'] as const).flatMap((k) =>
      [3, 30].map((calls) => ({
        key: `tool_${k}_linear_${calls}`,
        label: `tool calls ${k}, 40 KB vs 4 KB time per byte (${calls} calls)`,
        value: sizeRatio(k, calls),
        limit: 1.2,
      })),
    ),
    { key: 'require_vs_peers', label: 'require vs cv + ct + reflect-metadata', value: req.packageMs / req.peersMs, limit: 1.3 },
    { key: 'heap_vs_plain', label: 'heap per retained request vs JSON.parse', value: heap.modelBytes / heap.plainBytes, limit: 1.5 },
  ];
  console.log('\ntargets');
  for (const t of targets) {
    const mark = t.value === undefined ? 'SKIP' : t.value <= t.limit ? 'PASS' : 'FAIL';
    const value = t.value === undefined ? '—' : `${t.value.toFixed(2)}×`;
    console.log(`  ${pad(t.label, W - 2)}${lpad(value, 10)}   target ≤ ${t.limit.toFixed(Number.isInteger(t.limit * 10) ? 1 : 2)}×   ${mark}${t.note ? `  (${t.note})` : ''}`);
  }
  console.log(
    `\nmarginal cost per extra message (200-msg minus bench payload, /${extraMessages}): parseJson ${us(marginal('parseJson'))} µs, ` +
      `JSON.parse ${us(marginal('jsonParse'))} µs, zod ${us(marginal('zod'))} µs`,
  );
  console.log(
    `NestJS bare path (plainToInstance + validateSync): ${us(p.bare.medianNs)} µs on the bench payload, ` +
      `${(p.bare.medianNs / p.parseJson.medianNs).toFixed(1)}× parseJson` +
      (p.nestParsePipe ? `; OpenAIParsePipe: ${us(p.nestParsePipe.medianNs)} µs (${(p.bare.medianNs / p.nestParsePipe.medianNs).toFixed(1)}× faster).` : '.'),
  );

  const json = {
    machine,
    options: { ...OPTIONS, requestRounds: REQUEST_OPTIONS.rounds, requestBatchMs: REQUEST_OPTIONS.batchMs, checksRounds: CHECKS_ROUNDS, requireRounds: REQUIRE_ROUNDS, heapRounds: HEAP_ROUNDS },
    payloads: { benchBytes: benchText.length, benchMessages, bigBytes: bigText.length, bigMessages: BIG_MESSAGES },
    us: Object.fromEntries(
      Object.entries(results).map(([k, group]) => [k, Object.fromEntries(Object.entries(group).map(([pk, t]) => [pk, +(t.medianNs / 1000).toFixed(3)]))]),
    ),
    pydantic: 'skipped' in py ? py : { version: py.version, benchUs: +py.benchUs.toFixed(3), bigUs: +py.bigUs.toFixed(3), ratio: +py.ratio.toFixed(3) },
    requireMs: { package: +req.packageMs.toFixed(2), peers: +req.peersMs.toFixed(2), firstParse: +req.firstParseMs.toFixed(3) },
    marginalUsPerMessage: { parseJson: +(marginal('parseJson') / 1000).toFixed(3), jsonParse: +(marginal('jsonParse') / 1000).toFixed(3), zod: +(marginal('zod') / 1000).toFixed(3) },
    toolCalls: { us: toolUs, MBps: toolMBps, bytes: Object.fromEntries(tools.map((p) => [p.key, p.text.length])) },
    heapBytesPerRequest: { model: Math.round(heap.modelBytes), plain: Math.round(heap.plainBytes) },
    targets: Object.fromEntries(
      targets.map((t) => [t.key, { value: t.value === undefined ? null : +t.value.toFixed(3), limit: t.limit, pass: t.value === undefined ? null : t.value <= t.limit }]),
    ),
    warnings,
  };
  console.log(`\n${JSON.stringify(json)}`);
}

main();
