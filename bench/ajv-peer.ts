/**
 * The ajv 8 peer: a validator compiled once from the package's own
 * `ChatCompletionRequest.jsonSchema()` (draft 2020-12), with `useDefaults` and
 * `coerceTypes`, as Fastify runs it on a body. Timed as `JSON.parse` + validate.
 */
import Ajv2020 from 'ajv/dist/2020';
import { lib } from './lib';

const ajv = new Ajv2020({ useDefaults: true, coerceTypes: true, strict: false });

/** The compiled validator of the request schema. */
export const validateRequest = ajv.compile(lib.ChatCompletionRequest.jsonSchema());

/** `JSON.parse` + ajv validation of a request body; throws when ajv rejects it. */
export function ajvParse(text: string): unknown {
  const value: unknown = JSON.parse(text);
  if (!validateRequest(value)) throw new Error(`ajv rejected the payload: ${ajv.errorsText(validateRequest.errors)}`);
  return value;
}
