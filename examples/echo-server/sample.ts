/**
 * Values that satisfy a JSON Schema, for the echo model's tool-call arguments
 * and `response_format: json_schema` replies: `openapi-sampler` makes one,
 * ajv checks it against the schema, and a schema the sampler cannot satisfy
 * is a 400 rather than a reply that breaks the client's parser.
 */
import Ajv from 'ajv';
import { sample } from 'openapi-sampler';
import { EchoError } from './echo';

const ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false });

/** A value valid under `schema` (an object schema gives an object); `param` names the field a failure is blamed on. */
export function sampleFor(schema: Record<string, unknown>, param: string): unknown {
  let value: unknown;
  let valid = false;
  try {
    value = sample(schema as Parameters<typeof sample>[0], { skipReadOnly: true, quiet: true });
    valid = ajv.validate(schema, value) as boolean;
  } catch {
    valid = false;
  }
  if (!valid) throw new EchoError(400, `The echo model cannot produce a value for this JSON Schema`, param);
  return value;
}
