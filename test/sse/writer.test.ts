/** `writeSSE` against a real Node HTTP server and client. */
import * as http from 'http';
import type { AddressInfo } from 'net';
import { writeSSE } from '../../src/sse/writer';
import type { ChunkSource, WriteSSEOptions, WriteSSEResult } from '../../src/sse/writer';

type Handler = (res: http.ServerResponse) => Promise<void>;

let server: http.Server;
let handler: Handler;
let origin: string;

beforeAll(async () => {
  server = http.createServer((_req, res) => {
    handler(res).catch(() => {
      res.statusCode = 500;
      res.end('failed before streaming');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Serves `source` with writeSSE for one request; resolves with the writer's result and the listener counts after it. */
function serve<T>(source: ChunkSource<T>, options?: WriteSSEOptions) {
  return new Promise<{ result: WriteSSEResult; listeners: { close: number; drain: number; closeBefore: number } }>((resolve, reject) => {
    handler = async (res) => {
      const closeBefore = res.listenerCount('close');
      try {
        const result = await writeSSE(res, source, options);
        resolve({ result, listeners: { close: res.listenerCount('close'), drain: res.listenerCount('drain'), closeBefore } });
      } catch (e) {
        reject(e);
        throw e;
      }
    };
  });
}

test('chunks go out as data events, then [DONE], with the event-stream headers', async () => {
  const served = serve(
    (async function* () {
      yield { n: 1 };
      yield { n: 2 };
    })(),
  );
  const res = await fetch(origin);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  expect(res.headers.get('cache-control')).toBe('no-cache');
  expect(res.headers.get('x-accel-buffering')).toBe('no');
  expect(await res.text()).toBe('data: {"n":1}\n\ndata: {"n":2}\n\ndata: [DONE]\n\n');
  const { result, listeners } = await served;
  expect(result).toEqual({ outcome: 'completed', chunks: 2 });
  expect(listeners.close).toBe(listeners.closeBefore);
  expect(listeners.drain).toBe(0);
});

test('a plain array works, and done: false leaves out [DONE]; extra headers are added', async () => {
  const served = serve([{ a: 1 }], { done: false, headers: { 'X-Request-Id': 'r1' } });
  const res = await fetch(origin);
  expect(res.headers.get('x-request-id')).toBe('r1');
  expect(await res.text()).toBe('data: {"a":1}\n\n');
  expect((await served).result.outcome).toBe('completed');
});

test('an empty source still sends the headers and [DONE]', async () => {
  const served = serve([]);
  const res = await fetch(origin);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  expect(await res.text()).toBe('data: [DONE]\n\n');
  expect((await served).result).toEqual({ outcome: 'completed', chunks: 0 });
});

test('when the client disconnects, the source is stopped (its finally runs) and no listener is left', async () => {
  let produced = 0;
  let finalized = false;
  const served = serve(
    (async function* () {
      try {
        for (;;) {
          produced++;
          yield { n: produced };
          await new Promise((r) => setImmediate(r));
        }
      } finally {
        finalized = true;
      }
    })(),
  );
  const controller = new AbortController();
  const res = await fetch(origin, { signal: controller.signal });
  const reader = res.body!.getReader();
  await reader.read();
  controller.abort();
  const { result, listeners } = await served;
  expect(result.outcome).toBe('disconnected');
  expect(finalized).toBe(true);
  expect(listeners.close).toBe(listeners.closeBefore);
  expect(listeners.drain).toBe(0);
  const after = produced;
  await new Promise((r) => setImmediate(r));
  expect(produced).toBe(after);
});

test('a disconnect aborts the signal given to a source function, so a step under way stops at once and its finally runs', async () => {
  let finalized = false;
  let seen: AbortSignal | undefined;
  const served = serve((signal) => {
    seen = signal;
    return (async function* () {
      try {
        yield { first: true };
        // e.g. a model call that takes long for its next token, cancelled by the signal
        await new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('cancelled')), { once: true }));
        yield { never: 'sent' };
      } finally {
        finalized = true;
      }
    })();
  });
  const controller = new AbortController();
  const res = await fetch(origin, { signal: controller.signal });
  await res.body!.getReader().read();
  expect(seen?.aborted).toBe(false);
  controller.abort();
  const { result, listeners } = await served;
  expect(result).toEqual({ outcome: 'disconnected', chunks: 1 });
  expect(seen?.aborted).toBe(true);
  expect(finalized).toBe(true);
  expect(listeners.close).toBe(listeners.closeBefore);
});

test('a source that ignores the signal: the writer waits for its step, drops that chunk, then return() runs its finally', async () => {
  let release!: () => void;
  const stuck = new Promise<void>((r) => (release = r));
  let finalized = false;
  let resumedToYield = false;
  let afterYield = false;
  const served = serve(
    (async function* () {
      try {
        yield { first: true };
        await stuck; // a step that does not listen to the signal
        resumedToYield = true;
        yield { dropped: true };
        afterYield = true;
      } finally {
        finalized = true;
      }
    })(),
  );
  let resolved = false;
  void served.then(() => (resolved = true));
  const controller = new AbortController();
  const res = await fetch(origin, { signal: controller.signal });
  await res.body!.getReader().read();
  controller.abort();
  await new Promise((r) => setTimeout(r, 50));
  expect([resolved, finalized]).toEqual([false, false]);
  release();
  const { result } = await served;
  expect(result).toEqual({ outcome: 'disconnected', chunks: 1 });
  expect([resumedToYield, finalized, afterYield]).toEqual([true, true, false]);
});

test('a source that fails before its first chunk rejects, so the caller can still answer with a status', async () => {
  const failure = serve(
    { [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('no model')) }) } as AsyncIterable<object>,
  ).then(
    () => null,
    (e: Error) => e,
  );
  const res = await fetch(origin);
  expect(res.status).toBe(500);
  expect(await res.text()).toBe('failed before streaming');
  expect((await failure)?.message).toBe('no model');
});

test('a source that fails mid-stream ends it with an error event (which OpenAI clients raise) and [DONE]', async () => {
  const served = serve(
    (async function* () {
      yield { n: 1 };
      throw new Error('secret detail');
    })(),
  );
  const text = await (await fetch(origin)).text();
  expect(text).toBe(
    'data: {"n":1}\n\ndata: {"error":{"message":"Internal server error","type":"server_error","param":null,"code":null}}\n\ndata: [DONE]\n\n',
  );
  const { result } = await served;
  expect(result.outcome).toBe('failed');
  expect((result.error as Error).message).toBe('secret detail');
});

test('back-pressure: the writer waits for drain, and a large stream arrives whole and in order', async () => {
  const piece = 'x'.repeat(64 * 1024);
  const count = 200; // ~13 MB, well past the socket's buffers
  let full = 0;
  const served = new Promise<WriteSSEResult>((resolve) => {
    handler = async (res) => {
      const write = res.write.bind(res) as (chunk: string) => boolean;
      (res as any).write = (chunk: string) => {
        const ok = write(chunk);
        if (!ok) full++;
        return ok;
      };
      resolve(
        await writeSSE(
          res,
          (function* () {
            for (let i = 0; i < count; i++) yield { i, piece };
          })(),
        ),
      );
    };
  });
  const res = await fetch(origin);
  const text = await res.text();
  const events = text.split('\n\n').filter(Boolean);
  expect(events).toHaveLength(count + 1);
  expect(events.slice(0, count).map((e) => JSON.parse(e.slice(6)).i)).toEqual(Array.from({ length: count }, (_, i) => i));
  expect(await served).toEqual({ outcome: 'completed', chunks: count });
  expect(full).toBeGreaterThan(0);
});
