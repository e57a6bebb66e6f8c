/** The echo model's "tokens": whitespace-separated words. */

/** How many words `text` has (a word is a run of non-whitespace). */
export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

/**
 * `text` cut into one piece per word, each with the whitespace before it, the
 * last with the whitespace after it too, so the pieces join back to `text`.
 * Text with no word at all is one piece (or none when empty).
 */
export function wordPieces(text: string): string[] {
  const pieces: string[] = [...(text.match(/\s*\S+/g) ?? [])];
  const used = pieces.reduce((n, p) => n + p.length, 0);
  if (used < text.length) {
    if (pieces.length) pieces[pieces.length - 1] += text.slice(used);
    else pieces.push(text);
  }
  return pieces;
}

/**
 * The reply cut at the first of the `stops` sequences (which is not sent, as
 * OpenAI does), then to at most `limit` words: its pieces, and `length` when
 * words were dropped.
 */
export function cutToWords(text: string, limit: number, stops: readonly string[] = []): { pieces: string[]; finish: 'stop' | 'length' } {
  const at = Math.min(...stops.map((s) => text.indexOf(s)).filter((i) => i >= 0), text.length);
  text = text.slice(0, at);
  const pieces = wordPieces(text);
  const words = countWords(text);
  if (words <= limit) return { pieces, finish: 'stop' };
  return { pieces: pieces.slice(0, limit), finish: 'length' };
}
