import { v4 as uuidv4 } from 'uuid';

/** A response id: `prefix` + 32 hex digits (a v4 UUID without dashes), as `chat-…` or `cmpl-…`. */
export function randomId(prefix: string): string {
  return prefix + uuidv4().replace(/-/g, '');
}

/** The current time in whole Unix seconds, as OpenAI's `created`. */
export function unixNow(): number {
  return Math.floor(Date.now() / 1000);
}
