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
  /**
   * Settles once the source has stopped, its `finally` run. At once when the
   * stream completed or failed, and when the client left while the source was
   * idle. When the client left while the source was still computing its next
   * chunk, that step is allowed to finish (its chunk is dropped), then
   * `return()` runs: the writer itself resolves without waiting, so a source
   * stuck on a slow model never holds the response open. Await it to know the
   * model has stopped generating.
   */
  stopped: Promise<void>;
}

const CLOSED = Symbol('closed');
/** The `stopped` of a source that has already stopped. */
const STOPPED: Promise<void> = Promise.resolve();

function defaultErrorEvent(): unknown {
  return { error: { message: 'Internal server error', type: 'server_error', param: null, code: null } };
}

function iteratorOf<T>(source: AsyncIterable<T> | Iterable<T>): AsyncIterator<T> | Iterator<T> {
  const asyncIt = (source as AsyncIterable<T>)[Symbol.asyncIterator];
  return typeof asyncIt === 'function' ? asyncIt.call(source) : (source as Iterable<T>)[Symbol.iterator]();
}

function ignore(): void {
  /* a late settlement of an abandoned step */
}

/**
 * Writes each chunk of `source` to `res` as `data: <json>\n\n`, then
 * `data: [DONE]\n\n`, and ends the response. It honours back-pressure, and
 * when the client disconnects it stops reading and calls the iterator's
 * `return()` (so an async generator's `finally` runs), leaving no listener
 * behind. Headers (`SSE_HEADERS`) go out with the first chunk: if the source
 * throws before that, the returned promise rejects and the caller can still
 * answer with an error status.
 *
 * @example
 * async function* chunks() { yield new ChatCompletionStreamResponse({ … }); }
 * await writeSSE(res, chunks());
 */
export async function writeSSE<T>(
  res: ServerResponse,
  source: AsyncIterable<T> | Iterable<T>,
  options: WriteSSEOptions = {},
): Promise<WriteSSEResult> {
  const iterator = iteratorOf(source);
  let closed = res.destroyed || res.writableEnded;
  let wake: (() => void) | undefined;
  const closedSignal = new Promise<typeof CLOSED>((resolve) => {
    wake = () => resolve(CLOSED);
    if (closed) wake();
  });
  const onClose = (): void => {
    closed = true;
    wake?.();
  };
  res.on('close', onClose);
  let chunks = 0;
  let pendingStep = false;
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
    while (!closed) {
      let next: Promise<IteratorResult<T>> | undefined;
      let step: IteratorResult<T> | typeof CLOSED;
      pendingStep = true;
      try {
        next = Promise.resolve(iterator.next());
        step = await Promise.race([next, closedSignal]);
      } catch (error) {
        pendingStep = false;
        if (!res.headersSent) throw error;
        if (!closed) res.end(sseEvent((options.errorEvent ?? defaultErrorEvent)(error)) + (options.done === false ? '' : SSE_DONE));
        return { outcome: 'failed', chunks, error, stopped: STOPPED };
      }
      if (step === CLOSED) {
        next?.catch(ignore);
        break;
      }
      pendingStep = false;
      if (step.done) {
        start();
        res.end(options.done === false ? undefined : SSE_DONE);
        return { outcome: 'completed', chunks, stopped: STOPPED };
      }
      start();
      chunks++;
      if (!res.write(sseEvent(step.value))) await waitForDrain();
    }
    // The client went away: stop the source. An idle async generator runs its
    // `finally` now. One still computing a step gets the `return()` queued: it
    // finishes that step, then stops (an async generator serves its requests
    // in order). Which of the two a disconnect meets depends on timing: Node 22
    // raised the default highWaterMark to 64 KiB, so writes stop waiting for
    // 'drain' and a disconnect there usually lands mid-step, where on Node 20
    // it landed in the drain wait with the source idle.
    const stopping = iterator.return?.();
    const stopped = stopping ? Promise.resolve(stopping).then(ignore, ignore) : STOPPED;
    if (!pendingStep) await stopped;
    return { outcome: 'disconnected', chunks, stopped };
  } finally {
    res.off('close', onClose);
    wake = undefined;
  }
}
