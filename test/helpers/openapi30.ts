/**
 * Reads an OpenAPI 3.0 schema object as JSON Schema (draft-07, what Ajv's
 * default class takes), written independently of the library's own converter:
 * `nullable: true` lets null through (the schema or null),
 * `example` is dropped. Everything else in a 3.0 schema object is JSON Schema already.
 */
type Schema = Record<string, unknown>;

export function fromOpenApi30(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromOpenApi30);
  if (value === null || typeof value !== 'object') return value;
  const out: Schema = {};
  for (const [k, v] of Object.entries(value as Schema)) {
    if (k === 'nullable' || k === 'example') continue;
    if (k === 'properties') out[k] = Object.fromEntries(Object.entries(v as Schema).map(([name, s]) => [name, fromOpenApi30(s)]));
    // Keyword values that are data, not schemas.
    else out[k] = k === 'enum' || k === 'default' || k === 'required' ? v : fromOpenApi30(v);
  }
  // As Swagger UI and NestJS read it (NestJS writes `{nullable, type: 'object', allOf: [{$ref}]}` for a nullable model): null is accepted.
  return (value as Schema).nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}
