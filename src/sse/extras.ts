/** How the accumulators carry the keys a chunk has beyond its model's fields. */
import { optionalFieldsOf } from '../fields/field';
import { OpenAIBaseModel } from '../model';

/**
 * The keys of `instance` beyond the reference's fields, with their values: the
 * optional fields that are present (`reasoning_content`, `refusal`, `logprobs`,
 * `system_fingerprint`, …), then the extra keys; `undefined` ones left out.
 */
export function extrasOf(instance: OpenAIBaseModel): Array<[string, unknown]> {
  const self = instance as unknown as Record<string, unknown>;
  const keys = [
    ...optionalFieldsOf(instance.constructor).map((f) => f.name),
    ...(instance.constructor as typeof OpenAIBaseModel).extraKeys(instance),
  ];
  return keys.map((k): [string, unknown] => [k, self[k]]).filter(([, v]) => v !== undefined);
}

/** Later values replace earlier ones (`system_fingerprint`, `service_tier`, …). */
export function mergeLastWins(into: Map<string, unknown>, instance: OpenAIBaseModel): void {
  for (const [k, v] of extrasOf(instance)) into.set(k, v);
}

/**
 * Streamed pieces concatenate: strings append to strings (`reasoning_content`,
 * `refusal`), arrays to arrays (`logprobs.content`), objects merge key by key
 * the same way; anything else replaces, and null never erases a value.
 */
export function mergePiece(before: unknown, piece: unknown): unknown {
  if (piece === null || piece === undefined) return before ?? piece;
  if (typeof before === 'string' && typeof piece === 'string') return before + piece;
  if (Array.isArray(before) && Array.isArray(piece)) return [...before, ...piece];
  if (isRecord(before) && isRecord(piece)) {
    const out: Record<string, unknown> = { ...before };
    for (const k of Object.keys(piece)) if (k !== '__proto__') out[k] = mergePiece(before[k], piece[k]);
    return out;
  }
  return piece;
}

/** Merges the extras of a streamed piece into `into` with `mergePiece`. */
export function mergePieces(into: Map<string, unknown>, instance: OpenAIBaseModel): void {
  for (const [k, v] of extrasOf(instance)) into.set(k, mergePiece(into.get(k), v));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** `Object.fromEntries` for a map of extras. */
export function entriesOf(map: Map<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(map);
}
