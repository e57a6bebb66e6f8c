/**
 * Field defaults for JSON Schema, read from fresh instances: a property
 * initialiser is the default. Initialisers that give a different value each
 * time (a random id, the clock) are "generated" and get no fixed `default`.
 */
import type { ModelClass } from '../fields/field';

/** Marks a default that differs between fresh instances, such as `id` or `created` on a response. */
export const GENERATED: unique symbol = Symbol('oai-protocols.generatedDefault');

// Far enough to change any clock-derived value (seconds, days) between the two instances.
const CLOCK_SHIFT_MS = 400 * 24 * 3600 * 1000;

function construct(cls: ModelClass): Record<string, unknown> | undefined {
  try {
    return new cls() as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** A value as JSON would carry it (`toJSON` applied at every depth), or undefined when JSON has no form for it. */
function asJson(value: unknown): unknown {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  const text = JSON.stringify(value);
  return text === undefined ? undefined : JSON.parse(text);
}

/**
 * The defaults of `cls`'s properties, by property name: the JSON form of each
 * initialiser value of a fresh `new cls()`, or `GENERATED` when a second fresh
 * instance, built with `Date.now` moved on, gives a different value. Properties
 * a fresh instance leaves `undefined` have no default (they are required).
 * A constructor that throws without arguments gives no defaults at all.
 */
export function fieldDefaults(cls: ModelClass): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const first = construct(cls);
  if (!first) return out;
  const realNow = Date.now;
  let second: Record<string, unknown> | undefined;
  Date.now = () => realNow.call(Date) + CLOCK_SHIFT_MS;
  try {
    second = construct(cls);
  } finally {
    Date.now = realNow;
  }
  for (const key of Object.keys(first)) {
    const value = asJson(first[key]);
    if (value === undefined) continue;
    const again = second ? asJson(second[key]) : undefined;
    out.set(key, JSON.stringify(again) === JSON.stringify(value) ? value : GENERATED);
  }
  return out;
}
