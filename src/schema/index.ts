/** JSON Schema for model classes, generated from the decorators that validate them. */
export { jsonSchema, modelSchemas, JSONSchema, JSON_SCHEMA_DRAFT } from './json-schema';
export type { ModelSchemasOptions } from './json-schema';
