/**
 * Tool-call extraction payloads: hermes replies of about 4 KB and 40 KB, each
 * with 3 and with 30 `<tool_call>` blocks, prose between them, arguments that
 * nest and hold braces, quotes and unicode in strings.
 */
import { lib } from './lib';
import type { Peer } from './harness';

const { extractToolCalls, ToolCallStream } = lib;

/** A hermes reply of about `bytes` characters holding `calls` calls. */
export function hermesReply(bytes: number, calls: number): string {
  const prose = 'See {x} 天気 ☀️ "q". ';
  const perCall = Math.floor(bytes / calls);
  const parts: string[] = [];
  for (let k = 0; k < calls; k++) {
    const head = `${prose}<tool_call>{"name": "s${k}", "arguments": {"q": "`;
    const tail = `", "f": {"t": ["b}"], "d": [1, null]}, "n": "مر👍"}}</tool_call>\n`;
    const fill = Math.max(0, perCall - head.length - tail.length);
    const words = 'lorem ipsum {dolor} [sit] amet \\"consectetur\\" ';
    parts.push(head + words.repeat(Math.ceil(fill / words.length)).slice(0, fill).replace(/\\$/, ' ') + tail);
  }
  const text = parts.join('');
  return text + 'Done.'.padEnd(Math.max(5, bytes - text.length), '.');
}

/** The reply cut into `size`-character pieces. */
export function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** One payload and its timed operations. */
export interface ToolPayload {
  key: string;
  label: string;
  text: string;
  calls: number;
  peers: Peer[];
}

function streamAll(parts: readonly string[]): number {
  const s = new ToolCallStream('hermes');
  let n = 0;
  for (const p of parts) n += s.push(p).length;
  return n + s.end().length;
}

/** The four payloads (4 KB and 40 KB, 3 and 30 calls), each timed whole and streamed in 4-character pieces. */
export function toolPayloads(): ToolPayload[] {
  const out: ToolPayload[] = [];
  for (const kb of [4, 40]) {
    for (const calls of [3, 30]) {
      const text = hermesReply(kb * 1024, calls);
      const parts = pieces(text, 4);
      const key = `${kb}k_${calls}`;
      out.push({
        key,
        label: `${kb} KB, ${calls} calls`,
        text,
        calls,
        peers: [
          { key: `whole_${key}`, label: `extractToolCalls, ${kb} KB, ${calls} calls`, run: () => extractToolCalls(text, 'hermes') },
          { key: `stream_${key}`, label: `ToolCallStream, 4-char pieces, ${kb} KB, ${calls} calls`, run: () => streamAll(parts) },
        ],
      });
    }
  }
  return out;
}

/** Checks that each payload extracts all its calls, whole and streamed. */
export function toolPayloadWarnings(payloads: readonly ToolPayload[]): string[] {
  const warnings: string[] = [];
  for (const p of payloads) {
    const info = extractToolCalls(p.text, 'hermes');
    if (info.tool_calls.length !== p.calls) warnings.push(`${p.label}: extracted ${info.tool_calls.length} calls, want ${p.calls}`);
    const s = new ToolCallStream('hermes');
    let started = 0;
    for (const part of [...pieces(p.text, 4)].map((x) => s.push(x)).flat().concat(s.end())) {
      for (const t of part.tool_calls ?? []) if (t.id) started++;
    }
    if (started !== p.calls) warnings.push(`${p.label}: streamed ${started} calls, want ${p.calls}`);
  }
  return warnings;
}
