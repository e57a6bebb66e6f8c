/**
 * The load the HTTP bench puts on a server: autocannon for non-streamed
 * requests, and a small keep-alive client for streamed ones that counts the
 * Server-Sent Events it receives. Both are bounded in time, and both fail
 * loudly on anything but a well-formed 2xx answer.
 */
import autocannon from 'autocannon';
import * as http from 'http';

/** The load's shape. */
export interface LoadOptions {
  /** Concurrent connections. */
  connections: number;
  /** Seconds of load. */
  durationS: number;
}

/** A non-streamed run's figures. */
export interface RequestFigures {
  /** 2xx answers per second (their count over the run's duration). */
  rps: number;
  /** Latency percentiles, in ms. */
  p50Ms: number;
  p99Ms: number;
  /** Answers received, all 2xx (a run with anything else throws). */
  requests: number;
}

/** A streamed run's figures. */
export interface StreamFigures {
  /** Chunk events (`data: {…}`, not `data: [DONE]`) received per second, across connections. */
  chunksPerS: number;
  /** Whole streams per second. */
  streamsPerS: number;
  /** Chunk events per stream (the same in every stream, or the run throws). */
  chunksPerStream: number;
  /** The 99th percentile of a whole stream's time, request to last byte, in ms. */
  p99StreamMs: number;
  /** Streams completed. */
  streams: number;
}

/** Per-request timeout, in seconds: a request that takes longer fails the run. */
const REQUEST_TIMEOUT_S = 10;
/** Slack over the run's duration before a run is abandoned as hung. */
const HANG_SLACK_MS = 20_000;

/** Runs autocannon against `POST <origin><path>` with `body`; throws unless every answer was a 2xx passing `verify`. */
export function loadRequests(
  origin: string,
  path: string,
  body: string,
  options: LoadOptions,
  verify: (body: string) => boolean,
): Promise<RequestFigures> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const instance = autocannon(
      {
        url: origin + path,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        connections: options.connections,
        duration: options.durationS,
        timeout: REQUEST_TIMEOUT_S,
        verifyBody: verify,
      },
      (error, result) => {
        clearTimeout(hang);
        if (settled) return;
        settled = true;
        if (error) return reject(error);
        const bad = result.non2xx + result.errors + result.timeouts + result.mismatches;
        if (bad || result['2xx'] === 0) {
          return reject(
            new Error(
              `${origin}${path}: ${result['2xx']} 2xx, ${result.non2xx} non-2xx, ${result.errors} errors, ` +
                `${result.timeouts} timeouts, ${result.mismatches} bodies not the expected answer; status codes ${JSON.stringify(result.statusCodeStats)}`,
            ),
          );
        }
        resolve({ rps: result['2xx'] / result.duration, p50Ms: result.latency.p50, p99Ms: result.latency.p99, requests: result['2xx'] });
      },
    );
    const hang = setTimeout(() => {
      if (settled) return;
      settled = true;
      instance.stop();
      reject(new Error(`${origin}${path}: autocannon did not finish within ${options.durationS} s + ${HANG_SLACK_MS} ms`));
    }, options.durationS * 1000 + HANG_SLACK_MS);
  });
}

/** One streamed answer: its chunk events, checked to be `data: {…}` events ending with `data: [DONE]`. */
function oneStream(agent: http.Agent, url: URL, body: string): Promise<{ chunks: string[]; ms: number }> {
  const t0 = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.setEncoding('utf8');
        let text = '';
        res.on('data', (d: string) => (text += d));
        res.on('error', reject);
        res.on('end', () => {
          const type = String(res.headers['content-type'] ?? '');
          if (res.statusCode !== 200 || !type.startsWith('text/event-stream')) {
            return reject(new Error(`${url}: streamed request got ${res.statusCode} ${type}: ${text.slice(0, 300)}`));
          }
          const events = text.split('\n\n');
          if (events.pop() !== '' || events.pop() !== 'data: [DONE]') {
            return reject(new Error(`${url}: the stream did not end with "data: [DONE]": …${text.slice(-200)}`));
          }
          const bad = events.find((e) => !e.startsWith('data: {'));
          if (bad !== undefined) return reject(new Error(`${url}: an event is not a JSON chunk: ${bad.slice(0, 200)}`));
          resolve({ chunks: events, ms: Number(process.hrtime.bigint() - t0) / 1e6 });
        });
      },
    );
    req.setTimeout(REQUEST_TIMEOUT_S * 1000, () => req.destroy(new Error(`${url}: no answer within ${REQUEST_TIMEOUT_S} s`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Fetches one streamed answer (for the bench's check of what a server says): the chunk events' JSON. */
export async function streamOnce(origin: string, path: string, body: string): Promise<unknown[]> {
  const agent = new http.Agent({ keepAlive: false });
  try {
    const { chunks } = await oneStream(agent, new URL(origin + path), body);
    return chunks.map((e) => JSON.parse(e.slice('data: '.length)) as unknown);
  } finally {
    agent.destroy();
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Streams `body` (a `stream: true` request) over `connections` keep-alive
 * connections, each starting a new stream when the last one ended, for
 * `durationS`; counts the chunk events received. Throws on any bad answer.
 */
export async function loadStreams(origin: string, path: string, body: string, options: LoadOptions): Promise<StreamFigures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const url = new URL(origin + path);
  const times: number[] = [];
  let chunks = 0;
  let perStream: number | null = null;
  const t0 = Date.now();
  const end = t0 + options.durationS * 1000;
  let failed: unknown = null;
  const worker = async (): Promise<void> => {
    while (Date.now() < end && failed === null) {
      const s = await oneStream(agent, url, body);
      if (perStream !== null && s.chunks.length !== perStream) {
        throw new Error(`${url}: ${s.chunks.length} chunks in one stream, ${perStream} in another`);
      }
      perStream = s.chunks.length;
      chunks += s.chunks.length;
      times.push(s.ms);
    }
  };
  let hang: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      Promise.all(
        Array.from({ length: options.connections }, () =>
          worker().catch((error: unknown) => {
            failed ??= error;
            throw error;
          }),
        ),
      ),
      new Promise<never>((_, reject) => {
        hang = setTimeout(() => {
          failed ??= new Error('hung');
          reject(new Error(`${url}: streams did not finish within ${options.durationS} s + ${HANG_SLACK_MS} ms`));
        }, options.durationS * 1000 + HANG_SLACK_MS);
      }),
    ]);
  } finally {
    clearTimeout(hang);
    agent.destroy();
  }
  const elapsedS = (Date.now() - t0) / 1000;
  if (!times.length || perStream === null) throw new Error(`${url}: no stream completed`);
  times.sort((a, b) => a - b);
  return {
    chunksPerS: chunks / elapsedS,
    streamsPerS: times.length / elapsedS,
    chunksPerStream: perStream,
    p99StreamMs: percentile(times, 99),
    streams: times.length,
  };
}
