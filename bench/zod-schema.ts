/**
 * The zod 4 peer: a schema of the same shape as `ChatCompletionRequest`, with
 * the same defaults and (approximately) the same lax coercions. Extras are kept
 * (`z.looseObject`), like the library keeps undeclared keys. Coercions use
 * `z.preprocess` with the same regular expressions as src/fields, so zod does
 * comparable work; it is not meant to reproduce every error message.
 */
import { z } from 'zod';

const INT_STRING = /^[+-]?\d+(?:\.0+)?$/;
const FLOAT_STRING = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const TRUE = new Set(['true', 'yes', 'on', '1', 't', 'y']);
const FALSE = new Set(['false', 'no', 'off', '0', 'f', 'n']);

function laxInt(v: unknown): unknown {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string' && INT_STRING.test(v)) {
    const dot = v.indexOf('.');
    return Number(dot < 0 ? v : v.slice(0, dot));
  }
  return v;
}

function laxFloat(v: unknown): unknown {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string' && FLOAT_STRING.test(v)) return Number(v);
  return v;
}

function laxBool(v: unknown): unknown {
  if (v === 0 || v === 1) return v === 1;
  if (typeof v === 'string') {
    const s = v.toLowerCase();
    if (TRUE.has(s)) return true;
    if (FALSE.has(s)) return false;
  }
  return v;
}

const int = z.preprocess(laxInt, z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER));
const float = z.preprocess(laxFloat, z.number()); // zod 4's z.number() rejects ±Infinity and NaN
const bool = z.preprocess(laxBool, z.boolean());
const str = z.string();
const dict = z.record(z.string(), z.unknown());

const ContentPart = z.looseObject({ type: str });

const FunctionCall = z.looseObject({ name: str, arguments: str });

const ToolCall = z.looseObject({
  id: str,
  type: str.default('function'),
  function: FunctionCall,
});

const ChatMessage = z.looseObject({
  role: str,
  content: z.union([str, z.array(ContentPart)]).nullable().default(null),
  name: str.nullable().default(null),
  function_call: dict.nullable().default(null),
  tool_calls: z.array(ToolCall).nullable().default(null),
  tool_call_id: str.nullable().default(null),
});

const FunctionDefinition = z.looseObject({
  name: str,
  description: str.nullable().default(null),
  parameters: dict.default(() => ({})),
});

const ToolDefinition = z.looseObject({
  type: str.default('function'),
  function: FunctionDefinition,
});

/** `ChatCompletionRequest` in zod 4: same fields, defaults and nullability. */
export const ChatCompletionRequestSchema = z.looseObject({
  model: str,
  messages: z.array(ChatMessage),
  max_tokens: int.default(128),
  presence_penalty: float.default(0),
  frequency_penalty: float.default(0),
  repetition_penalty: float.default(1),
  temperature: float.default(0.7),
  top_p: float.default(0.95),
  top_k: int.default(0),
  min_p: float.default(0),
  suppress_tokens: z.array(int).default(() => []),
  functions: z.array(FunctionDefinition).nullable().default(null),
  function_call: z.union([str, dict]).nullable().default(null),
  tools: z.array(ToolDefinition).nullable().default(null),
  tool_choice: z.union([str, dict]).nullable().default(null),
  n: int.nullable().default(1),
  stream: bool.nullable().default(false),
  stop: z.union([str, z.array(str)]).nullable().default(null),
  logit_bias: z.record(z.string(), float).nullable().default(null),
  user: str.nullable().default(null),
  chat_template_kwargs: z.record(z.string(), z.union([z.number(), str, z.boolean()])).nullable().default(null),
});
