type V4 = () => string;
let v4: V4 | undefined;

/** A response id: `prefix` + 32 hex digits (a v4 UUID without dashes), as `chat-…` or `cmpl-…`. */
export function randomId(prefix: string): string {
  // uuid is loaded on first use: a server that never generates an id (or not at
  // start-up) does not pay for it in `require` time.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  v4 ??= (require('uuid') as { v4: V4 }).v4;
  return prefix + v4().replace(/-/g, '');
}

/** The current time in whole Unix seconds, as OpenAI's `created`. */
export function unixNow(): number {
  return Math.floor(Date.now() / 1000);
}
