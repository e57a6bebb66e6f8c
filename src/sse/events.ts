/** Reads Server-Sent Events from a byte or text stream (the `text/event-stream` framing). */

/** An event stream as bytes or text: a web `ReadableStream`, a Node `Readable` (or any async iterable), or a whole string or buffer. */
export type SSESource =
  | string
  | Uint8Array
  | ReadableStream<Uint8Array | string>
  | AsyncIterable<Uint8Array | string>
  | Iterable<Uint8Array | string>;

/** One dispatched event. */
export interface SSEEvent {
  /** The `event:` field; `message` when absent. */
  event: string;
  /** The `data:` lines, joined with `\n`. */
  data: string;
  /** The last `id:` field seen, if any. */
  id?: string;
}

function isWebStream(source: unknown): source is ReadableStream<Uint8Array | string> {
  return typeof (source as { getReader?: unknown }).getReader === 'function';
}

async function* textOf(source: SSESource): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  const decode = (piece: Uint8Array | string): string =>
    typeof piece === 'string' ? piece : decoder.decode(piece, { stream: true });
  if (typeof source === 'string' || source instanceof Uint8Array) {
    yield decode(source);
  } else if (isWebStream(source)) {
    const reader = source.getReader();
    let finished = false;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          finished = true;
          break;
        }
        yield decode(value);
      }
    } finally {
      // The consumer stopped early: cancel the upstream (a proxied response, say).
      if (!finished) await reader.cancel().catch(() => undefined);
      reader.releaseLock();
    }
  } else {
    for await (const piece of source as AsyncIterable<Uint8Array | string>) yield decode(piece);
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/**
 * The events of an event stream, in order. Lines may end in `\n`, `\r\n` or
 * `\r`; comments (`:`) and `retry:` are skipped; an event without `data:` is not
 * dispatched. A last event not followed by a blank line is still dispatched,
 * so a stream cut after `data: […]` is reported rather than silently shortened.
 */
export async function* readSSEEvents(source: SSESource): AsyncGenerator<SSEEvent> {
  let buffer = '';
  let data: string[] = [];
  let event = '';
  let id: string | undefined;
  const dispatch = (): SSEEvent | undefined => {
    const out = data.length ? { event: event || 'message', data: data.join('\n'), ...(id !== undefined ? { id } : {}) } : undefined;
    data = [];
    event = '';
    return out;
  };
  const field = (line: string): SSEEvent | undefined => {
    if (line === '') return dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (name === 'data') data.push(value);
    else if (name === 'event') event = value;
    else if (name === 'id' && !value.includes('\0')) id = value;
    return undefined;
  };
  for await (const text of textOf(source)) {
    // What is left of the buffer holds no line end (but maybe a last `\r`): scan only the new text.
    const from = Math.max(0, buffer.length - 1);
    buffer += text;
    let start = 0;
    for (let i = from; i < buffer.length; i++) {
      const c = buffer.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      // A `\r` at the very end may be the first half of `\r\n`: wait for more.
      if (c === 13 && i === buffer.length - 1) break;
      const out = field(buffer.slice(start, i));
      if (c === 13 && buffer.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
      if (out) yield out;
    }
    buffer = buffer.slice(start);
  }
  if (buffer.endsWith('\r')) buffer = buffer.slice(0, -1);
  if (buffer) {
    const out = field(buffer);
    if (out) yield out;
  }
  const last = dispatch();
  if (last) yield last;
}
