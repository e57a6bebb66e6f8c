/**
 * The echo server under load on loopback (issue 5, guarantee 10): 200
 * concurrent streamed chats each get every chunk exactly once, one id, a
 * usage chunk and `[DONE]`; the server's heap returns near its start; and
 * clients that leave mid-stream stop their generators, leaving no timer,
 * socket or listener behind. The server runs with probes
 * (fixtures/load-serve.ts) that it answers over IPC. Counts, not latencies:
 * the only clocks here are an overall deadline and bounded waits for the
 * server to settle.
 */
import { setMaxListeners } from 'events';
import * as http from 'http';
import { startProbedEchoServer } from './fixtures/load-server';
import { httpRequest } from './http';
import { PLATFORMS } from './server';
import type { RawReply } from './http';
import type { ProbedEchoServer } from './fixtures/load-server';
import type { ListenerCounts, ProbeStats } from './fixtures/load-serve';

/** Streams at once. */
const CONCURRENT = 200;
/** Streams of the warm-up before memory is first measured. */
const WARM_UP = 20;
/** The load must be over by then, or every request is cut and the test fails. */
const DEADLINE_MS = 45_000;
/** How far the heap may stay above its start once the load is over and collected. */
const HEAP_SLACK = 20 * 1024 * 1024;
const MB = 1024 * 1024;

let server: ProbedEchoServer;

describe.each(PLATFORMS)('on %s', (platform) => {
  beforeAll(async () => {
    server = await startProbedEchoServer({ platform });
  }, 90_000);

  afterAll(async () => {
    await server?.close();
    agent.destroy();
  });

  /** One connection per request (`Connection: close`), up to 512 at once. */
  const agent = new http.Agent({ keepAlive: false, maxSockets: 512 });

  function post(body: object, signal?: AbortSignal): Promise<RawReply> {
    return httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: '/v1/chat/completions',
        headers: { 'content-type': 'application/json' },
        agent,
        signal,
      },
      JSON.stringify(body),
    );
  }

  const VOCABULARY = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliett', 'kilo', 'lima', 'mike'];
  const GAPS = [' ', ' ', ' ', '  ', '\n', '\t', ' \n '];

  /** A distinct user message of 20 to 200 words for request `i`, with varied whitespace (kept by echo). */
  function messageFor(i: number): string {
    const words = 20 + ((i * 37) % 181);
    let text = `request-${i}`;
    for (let k = 1; k < words; k++) text += GAPS[(i + k) % GAPS.length] + VOCABULARY[(i * 7 + k * k) % VOCABULARY.length];
    return i % 10 === 0 ? `  ${text} \n` : text;
  }

  function countWords(text: string): number {
    return text.match(/\S+/g)?.length ?? 0;
  }

  function streamBody(content: string, extra: object = {}): object {
    return {
      model: 'echo',
      messages: [{ role: 'user', content }],
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 100_000,
      ...extra,
    };
  }

  /**
   * What is wrong with one streamed reply to `message`, read straight off the
   * wire (not through the library's parser): `data: <json>` events, the
   * content deltas joining exactly to the message, one per word, one id and
   * one `created`, one finish chunk, a usage chunk, then `data: [DONE]` last.
   */
  function problemsOf(reply: RawReply, message: string): { problems: string[]; chunks: number } {
    const problems: string[] = [];
    if (reply.status !== 200) return { problems: [`status ${reply.status}: ${reply.text.slice(0, 200)}`], chunks: 0 };
    if (!reply.contentType?.startsWith('text/event-stream')) problems.push(`content type ${reply.contentType}`);
    const events = reply.text.split('\n\n');
    if (events.pop() !== '') problems.push('the stream does not end with a blank line');
    if (events.pop() !== 'data: [DONE]') problems.push('the last event is not data: [DONE]');
    const chunks = events.map((event) => {
      if (!event.startsWith('data: ') || event.includes('\n')) problems.push(`not a single data line: ${event.slice(0, 80)}`);
      return JSON.parse(event.slice('data: '.length));
    });
    const ids = new Set(chunks.map((c) => c.id));
    const created = new Set(chunks.map((c) => c.created));
    if (ids.size !== 1 || !/^chat-[0-9a-f]{32}$/.test(chunks[0]?.id)) problems.push(`ids ${[...ids].join(', ')}`);
    if (created.size !== 1 || !Number.isInteger(chunks[0]?.created)) problems.push(`created ${[...created].join(', ')}`);
    if (chunks.some((c) => c.object !== 'chat.completion.chunk' || c.model !== 'echo')) problems.push('a chunk of another kind');
    const words = countWords(message);
    const [role, ...rest] = chunks;
    if (role?.choices[0]?.delta?.role !== 'assistant' || role.choices[0].delta.content !== '') problems.push('no role chunk first');
    const usage = rest.pop();
    if (usage?.choices.length !== 0) problems.push('no usage chunk last');
    const expectedUsage = { prompt_tokens: words, completion_tokens: words, total_tokens: 2 * words };
    if (JSON.stringify(usage?.usage ?? null) !== JSON.stringify({ ...usage?.usage, ...expectedUsage })) {
      problems.push(`usage ${JSON.stringify(usage?.usage)}`);
    }
    const finish = rest.pop();
    if (finish?.choices[0]?.finish_reason !== 'stop' || finish.choices[0].delta.content != null) problems.push('no finish chunk');
    const deltas = rest.map((c) => c.choices[0]?.delta?.content);
    if (rest.some((c) => c.choices.length !== 1 || c.choices[0].index !== 0 || c.choices[0].finish_reason !== null)) {
      problems.push('a content chunk with another choice or a finish_reason');
    }
    if (deltas.length !== words) problems.push(`${deltas.length} content chunks for ${words} words`);
    const joined = deltas.join('');
    if (joined !== message) problems.push(`deltas join to ${JSON.stringify(joined.slice(0, 60))}…, not the message`);
    return { problems, chunks: chunks.length };
  }

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => (a[k] ?? 0) === (b[k] ?? 0));
  }

  /**
   * The server's stats once no connection, stream or generator is left and,
   * given a baseline, its active resources are back to the baseline's (or
   * after 10 s of waiting: the checks that follow then fail).
   */
  async function settled(baseline?: ProbeStats): Promise<ProbeStats> {
    const done = (s: ProbeStats): boolean =>
      s.connections === 0 &&
      s.responses.inFlight === 0 &&
      s.generators.open === 0 &&
      (!baseline || sameCounts(s.resources, baseline.resources));
    let stats = await server.stats();
    for (let i = 0; i < 200 && !done(stats); i++) {
      await sleep(50);
      stats = await server.stats();
    }
    return stats;
  }

  function delta(after: ProbeStats, before: ProbeStats): Omit<ProbeStats['generators'], 'open'> & { open: number } {
    const g = after.generators;
    const b = before.generators;
    return {
      created: g.created - b.created,
      open: g.open,
      finished: g.finished - b.finished,
      stopped: g.stopped - b.stopped,
      stoppedConfirmed: g.stoppedConfirmed - b.stoppedConfirmed,
      yielded: g.yielded - b.yielded,
    };
  }

  /**
   * The listeners a plain (not streamed) chat response is left with once
   * closed: what Node and Express leave, the baseline a streamed response
   * must not exceed.
   */
  async function plainLeftovers(): Promise<ListenerCounts> {
    await server.ask({ cmd: 'forget-responses' });
    const reply = await post({ model: 'echo', messages: [{ role: 'user', content: 'plain' }] });
    expect(reply.status).toBe(200);
    const stats = await settled();
    expect(stats.responses.closedListeners).toHaveLength(1);
    await server.ask({ cmd: 'forget-responses' });
    return stats.responses.closedListeners[0];
  }

  function mb(bytes: number): string {
    return `${(bytes / MB).toFixed(1)} MB`;
  }

  test(`${CONCURRENT} concurrent streamed chats lose and repeat no chunk, and the heap returns near its start`, async () => {
    // Warm up (JIT, pools), then measure the start.
    const warm = await Promise.all(Array.from({ length: WARM_UP }, (_, i) => post(streamBody(messageFor(10_000 + i)))));
    warm.forEach((reply, i) => expect(problemsOf(reply, messageFor(10_000 + i)).problems).toEqual([]));
    const plain = await plainLeftovers();
    const before = await server.gc();
    const start = await server.stats();
    await server.ask({ cmd: 'reset-max' });

    // Hold the requests until all have arrived, so all streams run at once.
    await server.ask({ cmd: 'barrier', count: CONCURRENT });
    const deadline = new AbortController();
    setMaxListeners(CONCURRENT + 10, deadline.signal);
    const timer = setTimeout(() => deadline.abort(), DEADLINE_MS);
    const messages = Array.from({ length: CONCURRENT }, (_, i) => messageFor(i));
    let replies: RawReply[];
    try {
      replies = await Promise.all(messages.map((m) => post(streamBody(m), deadline.signal)));
    } finally {
      clearTimeout(timer);
    }

    let chunks = 0;
    const problems: string[] = [];
    replies.forEach((reply, i) => {
      const result = problemsOf(reply, messages[i]);
      chunks += result.chunks;
      problems.push(...result.problems.map((p) => `request ${i}: ${p}`));
    });
    expect(problems.slice(0, 20)).toEqual([]);
    expect(new Set(replies.map((r) => /"id":"(chat-[0-9a-f]+)"/.exec(r.text)?.[1])).size).toBe(CONCURRENT);
    const words = messages.reduce((n, m) => n + countWords(m), 0);
    expect(chunks).toBe(words + 3 * CONCURRENT);

    const end = await settled(start);
    expect(end.responses.maxInFlight).toBe(CONCURRENT);
    expect(end.connections).toBe(0);
    expect(delta(end, start)).toEqual({
      created: CONCURRENT,
      open: 0,
      finished: CONCURRENT,
      stopped: 0,
      stoppedConfirmed: 0,
      yielded: chunks,
    });
    // No response kept a listener of the SSE writer's ('close', 'drain'): each is left as a plain JSON response is.
    const leftovers = end.responses.closedListeners;
    expect(leftovers).toHaveLength(CONCURRENT);
    for (const listeners of leftovers) expect(listeners).toEqual(plain);
    expect(end.resources).toEqual(start.resources);

    await server.ask({ cmd: 'forget-responses' });
    const after = await server.gc();
    console.log(
      `load (${platform}): ${CONCURRENT} concurrent streams (max ${end.responses.maxInFlight} in flight), ${chunks} chunks verified; ` +
        `server heapUsed ${mb(before.heapUsed)} before, ${mb(after.heapUsed)} after; rss ${mb(before.rss)} before, ${mb(after.rss)} after`,
    );
    expect(after.heapUsed).toBeLessThanOrEqual(before.heapUsed + HEAP_SLACK);
  }, 60_000);

  /** Opens a stream, reads until `events` events have arrived, then destroys the connection. */
  function readThenLeave(body: object, events: number): Promise<{ status: number; first: any; seen: number }> {
    return new Promise((resolve, reject) => {
      let status = 0;
      let text = '';
      const req = http.request(
        { host: '127.0.0.1', port: server.port, method: 'POST', path: '/v1/chat/completions', headers: { 'content-type': 'application/json' }, agent },
        (res) => {
          status = res.statusCode!;
          res.setEncoding('utf8').on('data', (d: string) => {
            text += d;
            if (text.split('\n\n').length > events) req.destroy();
          });
          res.on('error', () => undefined); // the abort itself
        },
      );
      req.on('error', (error) => (status ? undefined : reject(error)));
      req.on('close', () => {
        const all = text.split('\n\n');
        resolve({ status, first: all[0].startsWith('data: ') ? JSON.parse(all[0].slice(6)) : null, seen: all.length - 1 });
      });
      req.end(JSON.stringify(body));
    });
  }

  test('clients that leave mid-stream stop their generators, leaving no timer, socket or listener behind', async () => {
    const LEAVING = 10;
    const WORDS = 100_000;
    const message = Array.from({ length: WORDS }, (_, i) => `w${i}`).join(' ');
    const plain = await plainLeftovers();
    const start = await settled();

    const left = await Promise.all(Array.from({ length: LEAVING }, () => readThenLeave(streamBody(message), 3)));
    for (const { status, first, seen } of left) {
      expect(status).toBe(200);
      expect(first.choices[0].delta).toMatchObject({ role: 'assistant', content: '' });
      expect(seen).toBeGreaterThanOrEqual(3);
    }

    const end = await settled(start);
    const generators = delta(end, start);
    console.log(
      `disconnect (${platform}): ${LEAVING} clients left after 3+ events; their generators yielded ${generators.yielded} of ${LEAVING * WORDS} chunks before stopping`,
    );
    expect({ ...generators, yielded: undefined }).toEqual({
      created: LEAVING,
      open: 0,
      finished: 0,
      stopped: LEAVING,
      stoppedConfirmed: LEAVING,
      yielded: undefined,
    });
    expect(generators.yielded).toBeLessThan(LEAVING * WORDS);
    expect(end.connections).toBe(0);
    expect(end.resources).toEqual(start.resources);
    // Each abandoned response is left with the listeners of a plain JSON response, none of the SSE writer's
    // ('close', 'drain'). Fastify's own: a reply that never finished still has the 'finish' and 'error'
    // listener Fastify adds to every hijacked reply (it removes it on either event, and an abort fires neither).
    const abandoned = platform === 'fastify' ? { ...plain, finish: (plain.finish ?? 0) + 1, error: (plain.error ?? 0) + 1 } : plain;
    expect(end.responses.closedListeners).toHaveLength(LEAVING);
    for (const listeners of end.responses.closedListeners) expect(listeners).toEqual(abandoned);

    // And the server streams on.
    const reply = await post(streamBody('still streaming after they left'));
    expect(problemsOf(reply, 'still streaming after they left').problems).toEqual([]);
    expect((await settled(start)).resources).toEqual(start.resources);
  }, 60_000);
});
