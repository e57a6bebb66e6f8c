/**
 * JSON-schema calls: the whole reply, optionally fenced, is
 * `{"function": {"name", "arguments"}}`, `{"name", "arguments" | "parameters"}`,
 * or an array of them (the shape a JSON-schema-constrained decoder produces).
 * https://platform.openai.com/docs/guides/structured-outputs
 */
import type { ToolDefinition } from '../models/tools';
import { callsValue } from './calls';
import type { ToolCallFormat, WholeReplySink } from './format';
import { End, Lit, Parser, Pick, Seq, Ws } from './grammar';
import { fencedCalls } from './openai';

function schemaPrompt(tools: readonly ToolDefinition[]): string {
  const schema = {
    type: 'object',
    properties: {
      function: {
        oneOf: tools.map((t) => ({
          type: 'object',
          properties: { name: { const: t.function.name }, arguments: t.function.parameters },
          required: ['name', 'arguments'],
        })),
      },
    },
    required: ['function'],
  };
  return [
    'To call a function, reply with only a JSON object matching this JSON Schema, and nothing else:',
    JSON.stringify(schema),
    ...tools.map((t) => `- ${t.function.name}: ${t.function.description ?? ''}`),
  ].join('\n');
}

/** The `json_schema` format. */
export const jsonSchema: ToolCallFormat = {
  name: 'json_schema',
  markers: [],
  whole(sink: WholeReplySink): Parser {
    return new Seq([
      () => new Ws(),
      () => new Pick((c) => (c === 96 ? new Seq([() => new Lit('```'), () => fencedCalls(sink)]) : c === 123 || c === 91 ? callsValue(sink) : undefined)),
      () => new Ws(),
      () => new End(),
    ]);
  },
  formatTools: schemaPrompt,
};
