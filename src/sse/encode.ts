/** Server-Sent Event framing for OpenAI streams. */
import { stringify } from '../serialize';

/** The event that ends an OpenAI stream. */
export const SSE_DONE = 'data: [DONE]\n\n';

/** The response headers of an event stream (proxies are asked not to buffer it). */
export const SSE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache',
  Connection: 'keep-alive',
  'X-Accel-Buffering': 'no',
});

/**
 * One chunk as a Server-Sent Event: `data: <json>\n\n`, the JSON being exactly
 * `JSON.stringify(chunk)`'s (models are written by their compiled serialisers,
 * see `stringify`); JSON never holds a raw newline, so one `data:` line suffices.
 *
 * @example
 * res.write(sseEvent(chunk)); // "data: {\"id\":\"chat-…\",…}\n\n"
 */
export function sseEvent(chunk: unknown): string {
  const json = stringify(chunk);
  if (json === undefined) throw new TypeError(`Cannot send ${typeof chunk} as an event`);
  return `data: ${json}\n\n`;
}
