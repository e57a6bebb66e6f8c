/**
 * The `echo` model: answers with the last user message (chat) or the prompt
 * (completions), counts whitespace-separated words as tokens, and calls the
 * tool that `tool_choice` names: it writes the call as raw text in the
 * request's `function_call_format` (hermes by default), which the server reads
 * back with `extractToolCalls` / `ToolCallStream`. Plain functions over the library's DTOs, no
 * NestJS, so the same logic could sit behind any server.
 */
import {
  ChatCompletionRequest,
  ChatCompletionResponse,
  ChatCompletionResponseChoice,
  ChatCompletionStreamResponse,
  ChatCompletionStreamResponseChoice,
  ChatLogprobs,
  ChatMessage,
  JsonSchemaResponseFormat,
  CompletionRequest,
  CompletionResponse,
  CompletionResponseChoice,
  CompletionStreamResponse,
  CompletionStreamResponseChoice,
  CountTokenRequest,
  DeltaMessage,
  ToolCallStream,
  UsageInfo,
  ToolDefinition,
  extractToolCalls,
  toolCallFormatNames,
} from '../../src';
import { randomId } from '../../src/ids';
import { sampleFor } from './sample';
import { countWords, cutToWords } from './words';

/** The one model this server runs. */
export const ECHO_MODEL = 'echo';
/** When the model "was created" (a fixed Unix time, for `GET /v1/models`). */
export const ECHO_CREATED = 1_700_000_000;
/** The arguments of a tool call `echo` makes to a tool without parameters. */
export const ECHO_TOOL_ARGUMENTS = '{}';
/** Most choices one request may ask for (`n`). */
const MAX_CHOICES = 16;

/** A request `echo` refuses: the status, message and `param` of the OpenAI error to send. */
export class EchoError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly param: string | null,
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = 'EchoError';
  }
}

/** The `GET /v1/models` body. */
export function modelList(): { object: 'list'; data: Array<Record<string, unknown>> } {
  return { object: 'list', data: [{ id: ECHO_MODEL, object: 'model', created: ECHO_CREATED, owned_by: 'oai-protocols' }] };
}

function checkModel(model: string): void {
  if (model !== ECHO_MODEL) {
    throw new EchoError(404, `The model \`${model}\` does not exist; this server only runs \`${ECHO_MODEL}\``, 'model', 'model_not_found');
  }
}

/** A message's text: its string content, or its text parts joined by a space (other parts ignored). */
export function messageText(message: ChatMessage): string {
  const content = message.content;
  if (typeof content === 'string') return content;
  if (!content) return '';
  return content
    .filter((p) => p.type === 'text' && typeof p.text === 'string')
    .map((p) => p.text as string)
    .join(' ');
}

function choiceCount(n: number | null): number {
  const count = n ?? 1;
  if (count < 1 || count > MAX_CHOICES) throw new EchoError(400, `n must be between 1 and ${MAX_CHOICES}`, 'n');
  return count;
}

/** The word limit: `max_completion_tokens` (an extra, newer clients send it) or else `max_tokens`. */
function wordLimit(req: ChatCompletionRequest | CompletionRequest): number {
  const extra = (req as { max_completion_tokens?: unknown }).max_completion_tokens;
  if (extra !== undefined && extra !== null) {
    if (typeof extra !== 'number' || !Number.isSafeInteger(extra) || extra < 1) {
      throw new EchoError(400, 'max_completion_tokens must be an integer of at least 1', 'max_completion_tokens');
    }
    return extra;
  }
  if (req.max_tokens < 1) throw new EchoError(400, 'max_tokens must be at least 1', 'max_tokens');
  return req.max_tokens;
}

/** Whether the stream ends with a usage chunk (`stream_options.include_usage`, an extra here). */
export function includeUsage(req: ChatCompletionRequest | CompletionRequest): boolean {
  const options = (req as { stream_options?: unknown }).stream_options;
  if (options === undefined || options === null) return false;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new EchoError(400, 'stream_options must be an object', 'stream_options');
  }
  const flag = (options as { include_usage?: unknown }).include_usage;
  if (flag !== undefined && flag !== null && typeof flag !== 'boolean') {
    throw new EchoError(400, 'stream_options.include_usage must be a boolean', 'stream_options.include_usage');
  }
  return flag === true;
}

/**
 * The function `tool_choice` makes `echo` call, or null for a text reply. Once
 * the conversation ends with a tool's result, `echo` answers with text (it
 * echoes the result), as a model does after its call: so `runTools` loops end.
 */
export function toolToCall(req: ChatCompletionRequest): string | null {
  const choice = req.tool_choice;
  if (req.messages[req.messages.length - 1]?.role === 'tool') return null;
  const names = (req.tools ?? []).map((t) => (t instanceof ToolDefinition ? t.function.name : t.custom.name));
  if (choice === null || choice === 'auto' || choice === 'none') return null;
  if (choice === 'required') {
    if (!names.length) throw new EchoError(400, 'tool_choice "required" needs at least one tool in tools', 'tool_choice');
    return names[0];
  }
  if (typeof choice === 'string') {
    throw new EchoError(400, `tool_choice must be "none", "auto", "required" or a named function, not ${JSON.stringify(choice)}`, 'tool_choice');
  }
  const fn = choice.function as { name?: unknown } | undefined;
  if (choice.type !== 'function' || !fn || typeof fn !== 'object' || typeof fn.name !== 'string') {
    throw new EchoError(400, 'tool_choice must look like {"type": "function", "function": {"name": "…"}}', 'tool_choice');
  }
  if (!names.includes(fn.name)) {
    throw new EchoError(400, `tool_choice names the function ${JSON.stringify(fn.name)}, which is not in tools`, 'tool_choice');
  }
  return fn.name;
}

/** The format `echo` writes tool calls in: the request's `function_call_format` (an extra), `hermes` by default. */
export function toolCallFormatOf(req: ChatCompletionRequest): string {
  const format = (req as { function_call_format?: unknown }).function_call_format;
  if (format === undefined || format === null) return 'hermes';
  if (typeof format !== 'string' || !toolCallFormatNames().includes(format)) {
    throw new EchoError(400, `function_call_format must be one of ${toolCallFormatNames().join(', ')}`, 'function_call_format');
  }
  return format;
}

/** Arguments for the tool `name` that satisfy its parameter schema (`{}` when it has none). */
export function toolArguments(req: ChatCompletionRequest, name: string): string {
  const tool = (req.tools ?? []).find((t) => t instanceof ToolDefinition && t.function.name === name);
  const parameters = tool instanceof ToolDefinition ? tool.function.parameters : undefined;
  if (!parameters || Object.keys(parameters).length === 0) return ECHO_TOOL_ARGUMENTS;
  return JSON.stringify(sampleFor(parameters, 'tools'));
}

/** The raw text a model of that family writes to call `name` with `args` (a JSON object's text). */
export function rawToolCall(format: string, name: string, args: string = ECHO_TOOL_ARGUMENTS): string {
  const n = JSON.stringify(name);
  switch (format) {
    case 'qwen':
      return `✿FUNCTION✿: ${name}\n✿ARGS✿: ${args}`;
    case 'gorilla':
      return `<<<${name}(${keywordArgs(args)})>>>`;
    case 'pythonic':
      return `[${name}(${keywordArgs(args)})]`;
    case 'openai':
      return `Function call: {"name": ${n}, "arguments": ${args}}`;
    case 'json_schema':
      return `{"function": {"name": ${n}, "arguments": ${args}}}`;
    case 'llama3_json':
      return `<|python_tag|>{"name": ${n}, "parameters": ${args}}`;
    case 'mistral':
      return `[TOOL_CALLS][{"name": ${n}, "arguments": ${args}}]`;
    default:
      return `<tool_call>\n{"name": ${n}, "arguments": ${args}}\n</tool_call>`;
  }
}

/** `key=value` keyword arguments, values as JSON (which gorilla and pythonic parsers read). */
function keywordArgs(args: string): string {
  const obj = JSON.parse(args) as Record<string, unknown>;
  return Object.keys(obj).map((k) => `${k}=${JSON.stringify(obj[k])}`).join(', ');
}

const callId = (): string => randomId('call_');

/** What `echo` answers to a chat request, before it is shaped as a response or as chunks. */
interface ChatPlan {
  count: number;
  tool: string | null;
  /** The format of `raw`, and the raw text the model "generated" for its tool call. */
  format: string;
  raw: string;
  pieces: string[];
  finish: 'stop' | 'length' | 'tool_calls';
  promptTokens: number;
  completionTokens: number;
}

function planChat(req: ChatCompletionRequest): ChatPlan {
  checkModel(req.model);
  const count = choiceCount(req.n);
  const limit = wordLimit(req);
  const tool = toolToCall(req);
  const format = toolCallFormatOf(req);
  const promptTokens = req.messages.reduce((n, m) => n + countWords(messageText(m)), 0);
  if (tool) {
    const raw = rawToolCall(format, tool, toolArguments(req, tool));
    return { count, tool, format, raw, pieces: [], finish: 'tool_calls', promptTokens, completionTokens: countWords(raw) };
  }
  const { pieces, finish } = cutToWords(replyText(req), limit, stopsOf(req.stop));
  return { count, tool, format, raw: '', pieces, finish, promptTokens, completionTokens: countWords(pieces.join('')) };
}

/**
 * What `echo` says: the last user message (or tool result, after a call), or,
 * under `response_format`, JSON: `{"echo": text}` for `json_object`, a value
 * valid under the schema for `json_schema`.
 */
function replyText(req: ChatCompletionRequest): string {
  const last = [...req.messages].reverse().find((m) => m.role === 'user' || m.role === 'tool');
  const text = last ? messageText(last) : '';
  const format = req.response_format;
  if (format instanceof JsonSchemaResponseFormat) {
    const schema = format.json_schema.schema;
    return JSON.stringify(schema ? sampleFor(schema, 'response_format') : {});
  }
  if (format?.type === 'json_object') return JSON.stringify({ echo: text });
  return text;
}

/** The stop sequences of a request, as a list. */
function stopsOf(stop: string | string[] | null): string[] {
  if (stop === null) return [];
  return (typeof stop === 'string' ? [stop] : stop).filter((s) => s.length > 0);
}

/** Made-up but well-formed log probabilities for the pieces of a reply (`logprobs`, `top_logprobs`). */
function logprobsOf(req: ChatCompletionRequest, pieces: string[]): ChatLogprobs | undefined {
  if (req.logprobs !== true) return undefined;
  const top = req.top_logprobs ?? 0;
  const entry = (token: string, rank: number) => ({ token, logprob: -0.25 * rank, bytes: [...Buffer.from(token, 'utf8')] });
  return new ChatLogprobs({
    content: pieces.map((token) => ({
      ...entry(token, 0),
      top_logprobs: Array.from({ length: top }, (_, rank) => entry(rank === 0 ? token : `${token.trim()}${rank}`, rank)),
    })),
  });
}

function usageOf(plan: { count: number; promptTokens: number; completionTokens: number }): UsageInfo {
  const completion = plan.completionTokens * plan.count;
  return new UsageInfo({ prompt_tokens: plan.promptTokens, completion_tokens: completion, total_tokens: plan.promptTokens + completion });
}

/** The whole (not streamed) answer to a chat request. Throws `EchoError` for a request it refuses. */
export function chatResponse(req: ChatCompletionRequest): ChatCompletionResponse {
  const plan = planChat(req);
  const choices = Array.from({ length: plan.count }, (_, index) => {
    // A tool call goes the real path: the model's raw text through the format's parser.
    const info = plan.tool ? extractToolCalls(plan.raw, plan.format, { id: callId }) : null;
    const message = info
      ? new ChatMessage({ role: 'assistant', content: info.content, tool_calls: info.tool_calls })
      : new ChatMessage({ role: 'assistant', content: plan.pieces.join('') });
    const logprobs = info ? undefined : logprobsOf(req, plan.pieces);
    return new ChatCompletionResponseChoice({ index, message, finish_reason: plan.finish, ...(logprobs ? { logprobs } : {}) });
  });
  return new ChatCompletionResponse({ model: req.model, choices, usage: usageOf(plan) });
}

/**
 * The chunks of a streamed chat answer, all with one `id` and `created`: per
 * choice a role chunk, one chunk per word (or the tool call's pieces), a
 * `finish_reason` chunk; then, with `stream_options.include_usage`, a usage
 * chunk with `choices: []`. The request is checked before the first chunk,
 * so a refused request throws `EchoError` here, not mid-stream.
 */
export function chatChunks(req: ChatCompletionRequest): AsyncGenerator<ChatCompletionStreamResponse> {
  const plan = planChat(req);
  const withUsage = includeUsage(req);
  const head = new ChatCompletionStreamResponse({ model: req.model, choices: [] });
  const chunk = (choice: ChatCompletionStreamResponseChoice | null, usage: UsageInfo | null = null) =>
    new ChatCompletionStreamResponse({ id: head.id, created: head.created, model: head.model, choices: choice ? [choice] : [], usage });
  const delta = (index: number, d: DeltaMessage, finish: ChatPlan['finish'] | null = null) =>
    chunk(new ChatCompletionStreamResponseChoice({ index, delta: d, finish_reason: finish }));
  return (async function* () {
    for (let index = 0; index < plan.count; index++) {
      if (plan.tool) {
        yield delta(index, new DeltaMessage({ role: 'assistant' }));
        // The raw text goes through a ToolCallStream one character at a time, as tokens would.
        const parser = new ToolCallStream(plan.format, { id: callId });
        for (const ch of plan.raw) for (const d of parser.push(ch)) yield delta(index, d);
        for (const d of parser.end()) yield delta(index, d);
      } else {
        yield delta(index, new DeltaMessage({ role: 'assistant', content: '' }));
        for (const piece of plan.pieces) {
          const logprobs = logprobsOf(req, [piece]);
          yield logprobs
            ? chunk(new ChatCompletionStreamResponseChoice({ index, delta: new DeltaMessage({ content: piece }), logprobs }))
            : delta(index, new DeltaMessage({ content: piece }));
        }
      }
      yield delta(index, new DeltaMessage(), plan.finish);
    }
    if (withUsage) yield chunk(null, usageOf(plan));
  })();
}

interface CompletionPlan {
  count: number;
  pieces: string[];
  finish: 'stop' | 'length';
  promptTokens: number;
  completionTokens: number;
}

/** The prompts as texts: token ids (C12) are echoed as their numbers, space-separated. */
function promptTexts(prompt: CompletionRequest['prompt']): string[] {
  if (typeof prompt === 'string') return [prompt];
  if (prompt.every((p) => typeof p === 'string')) return prompt as string[];
  if (prompt.every((p) => typeof p === 'number')) return [prompt.join(' ')];
  return (prompt as number[][]).map((ids) => ids.join(' '));
}

function planCompletion(req: CompletionRequest): CompletionPlan {
  checkModel(req.model);
  const count = choiceCount(req.n);
  const limit = wordLimit(req);
  const prompts = promptTexts(req.prompt);
  const { pieces, finish } = cutToWords(prompts[0] ?? '', limit, stopsOf(req.stop));
  const promptTokens = prompts.reduce((n, p) => n + countWords(p), 0);
  return { count, pieces, finish, promptTokens, completionTokens: countWords(pieces.join('')) };
}

/** The whole (not streamed) answer to a legacy completion request. */
export function completionResponse(req: CompletionRequest): CompletionResponse {
  const plan = planCompletion(req);
  const choices = Array.from(
    { length: plan.count },
    (_, index) => new CompletionResponseChoice({ text: plan.pieces.join(''), index, finish_reason: plan.finish }),
  );
  return new CompletionResponse({ model: req.model, choices, usage: usageOf(plan) });
}

/** The chunks of a streamed completion: one per word, a `finish_reason` chunk per choice, then the optional usage chunk. */
export function completionChunks(req: CompletionRequest): AsyncGenerator<CompletionStreamResponse> {
  const plan = planCompletion(req);
  const withUsage = includeUsage(req);
  const head = new CompletionStreamResponse({ model: req.model, choices: [] });
  const chunk = (choice: CompletionStreamResponseChoice | null, usage: UsageInfo | null = null) =>
    new CompletionStreamResponse({ id: head.id, created: head.created, model: head.model, choices: choice ? [choice] : [], usage });
  return (async function* () {
    for (let index = 0; index < plan.count; index++) {
      for (const text of plan.pieces) yield chunk(new CompletionStreamResponseChoice({ index, text }));
      yield chunk(new CompletionStreamResponseChoice({ index, text: '', finish_reason: plan.finish }));
    }
    if (withUsage) yield chunk(null, usageOf(plan));
  })();
}

/** The `POST /v1/count_tokens` answer: the words of the text, or of all the messages' texts. */
export function countTokens(req: CountTokenRequest): { model: string; count: number } {
  checkModel(req.model);
  const conversation = req.conversation;
  const count =
    typeof conversation === 'string'
      ? countWords(conversation)
      : conversation.reduce((n, m) => n + countWords(messageText(m)), 0);
  return { model: req.model, count };
}
