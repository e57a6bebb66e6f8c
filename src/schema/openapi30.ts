/**
 * JSON Schema (draft 2020-12, which OpenAPI 3.1 uses) to OpenAPI 3.0 schema
 * objects, for documents that say `"openapi": "3.0.x"` (what NestJS's
 * `SwaggerModule` makes): `null` becomes `nullable: true`, type lists become
 * `anyOf`, `const` an `enum`, `examples` an `example`, and a `$ref` with
 * sibling keywords an `allOf` (3.0 ignores a `$ref`'s siblings).
 */
import type { JsonSchema } from '../fields/field';

const isSchema = (v: unknown): v is JsonSchema => v !== null && typeof v === 'object' && !Array.isArray(v);
const isNull = (s: unknown): boolean => isSchema(s) && s.type === 'null' && Object.keys(s).length === 1;

/** Keywords whose value is one schema. */
const ONE = ['items', 'not', 'additionalProperties', 'propertyNames', 'contains', 'if', 'then', 'else'];
/** Keywords whose value is a list of schemas. */
const MANY = ['allOf', 'anyOf', 'oneOf'];
/** Keywords whose value maps names to schemas. */
const MAPS = ['properties', 'patternProperties'];
/** 2020-12 keywords OpenAPI 3.0 does not have, and that no schema here needs (dropped). */
const DROPPED = ['$schema', '$id', '$defs', '$comment', 'if', 'then', 'else', 'propertyNames', 'contains', 'patternProperties'];

/** Makes `schema` (already converted) also accept null, the 3.0 way. */
function nullable(schema: JsonSchema): JsonSchema {
  if (schema.nullable === true) return schema;
  if (typeof schema.$ref === 'string') {
    const { $ref, ...rest } = schema;
    return { ...rest, nullable: true, allOf: [{ $ref }] };
  }
  const out: JsonSchema = { ...schema, nullable: true };
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  return out;
}

/**
 * The OpenAPI 3.0 form of a JSON Schema (2020-12): the same values accepted,
 * with no `"type": "null"`, no type lists and no 2020-12-only keywords. A
 * fresh object; the input is not changed.
 */
export function toOpenApi30(schema: JsonSchema): JsonSchema {
  let out: JsonSchema = {};
  let acceptsNull = false;
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.includes(key)) continue;
    if (ONE.includes(key) && isSchema(value)) out[key] = toOpenApi30(value);
    else if (MANY.includes(key) && Array.isArray(value)) {
      const members = (value as unknown[]).filter((m) => !(key !== 'allOf' && isNull(m)));
      if (members.length < value.length) acceptsNull = true;
      out[key] = members.map((m) => (isSchema(m) ? toOpenApi30(m) : m));
    } else if (MAPS.includes(key) && isSchema(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isSchema(v) ? toOpenApi30(v) : v]));
    } else if (key === 'const') out.enum = [value];
    else if (key === 'examples' && Array.isArray(value)) {
      if (value.length) out.example = value[0];
    } else out[key] = value;
  }
  if (Array.isArray(out.type)) {
    const types = (out.type as string[]).filter((t) => t !== 'null');
    if (types.length < out.type.length) acceptsNull = true;
    if (types.length === 1) out.type = types[0];
    else {
      delete out.type;
      const anyOf = types.map((t) => ({ type: t }));
      out = Array.isArray(out.anyOf) ? { ...out, allOf: [...((out.allOf as unknown[]) ?? []), { anyOf }] } : { ...out, anyOf };
    }
  } else if (out.type === 'null') {
    delete out.type;
    acceptsNull = true;
    if (!('enum' in out)) out.enum = [null];
  }
  // A union left with one member (its other member was null) is that member.
  for (const key of ['anyOf', 'oneOf']) {
    const members = out[key];
    if (acceptsNull && Array.isArray(members) && members.length === 1 && isSchema(members[0])) {
      const only = members[0];
      delete out[key];
      const clash = Object.keys(only).some((k) => k in out);
      out = clash ? { ...out, allOf: [...((out.allOf as unknown[]) ?? []), only] } : { ...out, ...only };
    }
  }
  if (typeof out.$ref === 'string' && Object.keys(out).length > 1) {
    const { $ref, ...rest } = out;
    out = { ...rest, allOf: [{ $ref }, ...((rest.allOf as unknown[]) ?? [])] };
  }
  return acceptsNull ? nullable(out) : out;
}
