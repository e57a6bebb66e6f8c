/**
 * Bodies that class-transformer 0.5.1 (the decorator route) cannot take safely:
 * - nesting deeper than MAX_DEPTH: it copies recursively, so very deep bodies
 *   overflow the stack (a 500), and depths `parse` refuses would be accepted;
 * - an own `constructor` key in a nested object, only when the library's
 *   bare-route guard is off (its startup self-test failed, see
 *   fields/transformer-metadata.ts): class-transformer then treats the value as
 *   the object's class and throws a TypeError (typestack/class-transformer#1462);
 * - an object with very many keys: it removes duplicate keys in quadratic time.
 * `OpenAIValidationPipe` hands such bodies to `Model.parse`, which gives the
 * answer `OpenAIParsePipe` would.
 */
import { MAX_DEPTH } from '../fields/context';
import { bareRouteGuarded } from '../fields/transformer-metadata';

/** Keys in one object beyond which class-transformer's key handling turns slow. */
export const MANY_KEYS = 1000;

/** Whether `value` is a body the decorator route should not be given (see above). Iterative: any depth is safe. */
export function isBareRouteHazard(value: unknown): boolean {
  const constructorKeys = !bareRouteGuarded();
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > MAX_DEPTH) return true;
    const items = Array.isArray(v) ? v : Object.values(v);
    if (!Array.isArray(v) && ((constructorKeys && Object.prototype.hasOwnProperty.call(v, 'constructor')) || items.length > MANY_KEYS)) return true;
    for (const item of items) if (item !== null && typeof item === 'object') stack.push([item, depth + 1]);
  }
  return false;
}
