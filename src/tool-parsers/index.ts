/**
 * Tool calls from a model's raw text: one file per format behind the
 * `ToolCallFormat` interface, registered by name.
 */
import { registerToolCallFormat } from './format';
import { gorilla } from './gorilla';
import { hermes, nous } from './hermes';
import { jsonSchema } from './json-schema';
import { llama3Json } from './llama3-json';
import { mistral } from './mistral';
import { openai } from './openai';
import { pythonic } from './pythonic';
import { qwen } from './qwen';

for (const f of [openai, jsonSchema, hermes, gorilla, qwen, nous, llama3Json, mistral, pythonic]) registerToolCallFormat(f);

export { extractToolCalls, ToolCallStream, formatToolsForPrompt, toolCallId } from './extract';
export type { ToolCallFormatName, ToolCallOptions } from './extract';
export { registerToolCallFormat, toolCallFormat, toolCallFormatNames } from './format';
export type { ToolCallFormat, WholeReplySink } from './format';
