/** Streams chunks to a Node HTTP response as Server-Sent Events. */
import type { ServerResponse } from 'http';
import { SSE_DONE, SSE_HEADERS, sseEvent } from './encode';

/** Options of `writeSSE`. */
export interface WriteSSEOptions {
  /** End with `data: [DONE]` (default true). */
  done?: boolean;
  /** The status sent with the headers (default 200). */
  status?: number;
  /** Headers added to (or replacing) `SSE_HEADERS`. */
  headers?: Record<string, string>;
  /**
   * The payload of the event sent when the source fails after the stream has
   * started; default `{"error": {"message": "Internal server error", "type": "server_error", …}}`,
   * which official clients raise as an `APIError`.
   */
  errorEvent?: (error: unknown) => unknown;
}

/** How a `writeSSE` call ended. */
export interface WriteSSEResult {
  /** `completed`: all sent; `disconnected`: the client left first; `failed`: the source threw after the stream started. */
  outcome: 'completed' | 'disconnected' | 'failed';
  /** How many chunks were written. */
  chunks: number;
  /** The source's error, when `failed`. */
  error?: unknown;
}

const CLOSED = Symbol('closed');

function defaultErrorEvent(): unknown {
  return { error: { message: 'Internal server error', type: 'server_error', param: null, code: null } };
}

function iteratorOf<T>(source: AsyncIterable<T> | Iterable<T>): AsyncIterator<T> | Iterator<T> {
  const asyncIt = (source as AsyncIterable<T>)[Symbol.asyncIterator];
  return typeof asyncIt === 'function' ? asyncIt.call(source) : (source as Iterable<T>)[Symbol.iterator]();
}

function ignore(): void {
  /* the outcome of stopping a source that has gone: nothing to report */
}

/**
 * What `writeSSE` streams: an async or sync iterable of chunks, or a function
 * that makes one from an `AbortSignal`. The signal aborts as soon as the
 * client disconnects, so a source can cancel work that is under way (a model
 * call, an upstream fetch) instead of finishing it for nobody.
 */
export type ChunkSource<T> = AsyncIterable<T> | Iterable<T> | ((signal: AbortSignal) => AsyncIterable<T> | Iterable<T>);

/**
 * Writes each chunk of `source` to `res` as `data: <json>\n\n`, then
 * `data: [DONE]\n\n`, and ends the response. It honours back-pressure.
 *
 * When the client disconnects it aborts the source's signal, stops reading,
 * and calls the iterator's `return()`, so an async generator's `finally`
 * runs; the promise resolves once the source has stopped (a step that was
 * under way is let settle first, and its chunk is dropped), leaving no
 * listener behind. Headers (`SSE_HEADERS`) go out with the first chunk: if the
 * source throws before that, the returned promise rejects and the caller can
 * still answer with an error status.
 *
 * @example
 * async function* chunks(signal: AbortSignal) { yield new ChatCompletionStreamResponse({ … }); }
 * await writeSSE(res, (signal) => chunks(signal));
 */
export async function writeSSE<T>(res: ServerResponse, source: ChunkSource<T>, options: WriteSSEOptions = {}): Promise<WriteSSEResult> {
  const abort = new AbortController();
  const iterator = iteratorOf(typeof source === 'function' ? source(abort.signal) : source);
  let closed = res.destroyed || res.writableEnded;
  let wake: (() => void) | undefined;
  const closedSignal = new Promise<typeof CLOSED>((resolve) => {
    wake = () => resolve(CLOSED);
    if (closed) wake();
  });
  const onClose = (): void => {
    closed = true;
    abort.abort();
    wake?.();
  };
  if (closed) abort.abort();
  res.on('close', onClose);
  let chunks = 0;
  const start = (): void => {
    if (!res.headersSent) res.writeHead(options.status ?? 200, { ...SSE_HEADERS, ...options.headers });
  };
  const waitForDrain = async (): Promise<void> => {
    let onDrain: (() => void) | undefined;
    const drained = new Promise<void>((resolve) => {
      onDrain = resolve;
      res.once('drain', resolve);
    });
    await Promise.race([drained, closedSignal]);
    res.off('drain', onDrain!);
  };
  try {
    let pending: Promise<IteratorResult<T>> | undefined;
    while (!closed) {
      let step: IteratorResult<T> | typeof CLOSED;
      try {
        const next = Promise.resolve(iterator.next());
        pending = next;
        step = await Promise.race([next, closedSignal]);
      } catch (error) {
        pending = undefined;
        if (!res.headersSent) throw error;
        if (!closed) res.end(sseEvent((options.errorEvent ?? defaultErrorEvent)(error)) + (options.done === false ? '' : SSE_DONE));
        return { outcome: 'failed', chunks, error };
      }
      if (step === CLOSED) break;
      pending = undefined;
      if (step.done) {
        start();
        res.end(options.done === false ? undefined : SSE_DONE);
        return { outcome: 'completed', chunks };
      }
      start();
      chunks++;
      if (!res.write(sseEvent(step.value))) await waitForDrain();
    }
    // The client went away (the signal is aborted). A step under way cannot be
    // interrupted: let it settle and drop its chunk. If it ended the source
    // (done, or threw) there is nothing to stop; else stop it now, so an
    // async generator runs its `finally` before we resolve.
    if (pending) {
      const last = await pending.then(
        (r) => r.done === true,
        () => true,
      );
      if (last) return { outcome: 'disconnected', chunks };
    }
    await Promise.resolve(iterator.return?.()).then(ignore, ignore);
    return { outcome: 'disconnected', chunks };
  } finally {
    res.off('close', onClose);
    wake = undefined;
  }
}
