/** The event-stream framing reader, on every kind of source and every way of splitting it. */
import { Readable } from 'stream';
import { readSSEEvents } from '../../src/sse/events';
import type { SSEEvent, SSESource } from '../../src/sse/events';

async function collect(source: SSESource): Promise<SSEEvent[]> {
  const out: SSEEvent[] = [];
  for await (const e of readSSEEvents(source)) out.push(e);
  return out;
}

const TEXT = [
  ': a comment, ignored',
  'retry: 1000',
  'data: {"a":"ünïcödé ☀️ 𝄞"}',
  '',
  'event: update',
  'id: 7',
  'data: first line',
  'data:second line',
  '',
  'data',
  '',
  'event: no data, not dispatched',
  '',
  'data: [DONE]',
  '',
  '',
].join('\n');

const EXPECTED: SSEEvent[] = [
  { event: 'message', data: '{"a":"ünïcödé ☀️ 𝄞"}' },
  { event: 'update', data: 'first line\nsecond line', id: '7' },
  { event: 'message', data: '', id: '7' },
  { event: 'message', data: '[DONE]', id: '7' },
];

test('fields, comments, multi-line data and ids are read as the SSE spec says', async () => {
  expect(await collect(TEXT)).toEqual(EXPECTED);
});

test.each([
  ['\\r\\n', '\r\n'],
  ['\\r', '\r'],
])('lines may end in %s', async (_name, eol) => {
  expect(await collect(TEXT.split('\n').join(eol))).toEqual(EXPECTED);
});

test('any split of the bytes gives the same events, multi-byte characters and CRLF included', async () => {
  const bytes = new TextEncoder().encode(TEXT.split('\n').join('\r\n'));
  for (let cut = 1; cut < bytes.length; cut++) {
    const events = await collect([bytes.slice(0, cut), bytes.slice(cut)]);
    if (JSON.stringify(events) !== JSON.stringify(EXPECTED)) throw new Error(`split at byte ${cut}: ${JSON.stringify(events)}`);
  }
  const oneByOne = Array.from(bytes, (b) => Uint8Array.of(b));
  expect(await collect(oneByOne)).toEqual(EXPECTED);
});

test('a web ReadableStream, a Node Readable and a Uint8Array are read alike', async () => {
  const bytes = new TextEncoder().encode(TEXT);
  const web = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 5) controller.enqueue(bytes.slice(i, i + 5));
      controller.close();
    },
  });
  expect(await collect(web)).toEqual(EXPECTED);
  expect(await collect(Readable.from([Buffer.from(bytes.slice(0, 9)), Buffer.from(bytes.slice(9))]))).toEqual(EXPECTED);
  expect(await collect(bytes)).toEqual(EXPECTED);
});

test('a leading byte-order mark is dropped', async () => {
  expect(await collect(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('data: x\n\n')]))).toEqual([
    { event: 'message', data: 'x' },
  ]);
});

test('a last event without its blank line is still dispatched', async () => {
  expect(await collect('data: {"cut": true}')).toEqual([{ event: 'message', data: '{"cut": true}' }]);
  expect(await collect('data: a\r')).toEqual([{ event: 'message', data: 'a' }]);
});
