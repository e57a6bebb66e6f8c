/**
 * Chat completions: the request, its messages, the response and the streamed chunks.
 */
import {
  BoolField,
  DictField,
  Field,
  IntField,
  ListField,
  LiteralField,
  MapField,
  ModelField,
  StrField,
  UnionField,
  dictType,
  intType,
  jsonScalarType,
  listOf,
  modelType,
  strType,
  unionOf,
} from '../fields';
import { ModelInit, OpenAIBaseModel, initModel } from '../model';
import { OPT, withOutputParams, withSamplingParams, withServerExtras } from './request-params';
import {
  CustomToolCall,
  CustomToolDefinition,
  DeltaToolCall,
  FunctionDefinition,
  ToolCall,
  ToolDefinition,
  toolCallType,
  toolDefinitionType,
} from './tools';
import { Part, partType } from './content';
import { ChatLogprobs } from './logprobs';
import { ResponseFormat, StreamOptions, responseFormatType } from './response-format';
import { responseHead } from './response-head';
import { UsageInfo } from './usage';

/** `str | Part[]`: a message's content, as text or as parts chosen by `type` (C13). */
const contentType = unionOf(strType, listOf(partType));

/** One message of a conversation. */
export class ChatMessage extends OpenAIBaseModel {
  /** Who wrote it: `system`, `user`, `assistant`, `tool` or `function`. */
  @StrField() role!: string;
  /** The text, or a list of content parts; null or absent for an assistant turn that only calls tools (C3). */
  @Field(contentType, { nullable: true })
  content: string | Part[] | null = null;
  /** The author's name, or the function's name for a `function` message. */
  @StrField({ nullable: true }) name: string | null = null;
  /** The legacy function call of an assistant message (`{name, arguments}`). */
  @DictField({ nullable: true }) function_call: Record<string, unknown> | null = null;
  /** The tool calls of an assistant message (C5); `type: "custom"` picks a `CustomToolCall` (C13). */
  @ListField(toolCallType, { nullable: true }) tool_calls: Array<ToolCall | CustomToolCall> | null = null;
  /** For a `tool` message: the id of the call it answers (C5). */
  @StrField({ nullable: true }) tool_call_id: string | null = null;
  /** The model's refusal message, in an assistant message. */
  @StrField(OPT) refusal?: string | null;
  /** The model's reasoning, as reasoning servers (vLLM, DeepSeek) send it. */
  @StrField(OPT) reasoning_content?: string | null;
  /** Annotations of the answer, such as `url_citation`s of a web search. */
  @ListField(dictType, OPT) annotations?: Array<Record<string, unknown>> | null;
  /** The audio of an assistant message (`{id, data, expires_at, transcript}`), or a reference to it. */
  @DictField(OPT) audio?: Record<string, unknown> | null;

  /** Builds a message from its fields, filling defaults; does not validate. */
  constructor(init?: ModelInit<ChatMessage>) {
    super();
    initModel(this, init);
  }
}

/** The change a stream chunk carries for one choice. */
export class DeltaMessage extends OpenAIBaseModel {
  /** The role, in the first chunk of a message. */
  @StrField({ nullable: true }) role: string | null = null;
  /** The next piece of content. */
  @Field(contentType, { nullable: true })
  content: string | Part[] | null = null;
  /** The next piece of a legacy function call. */
  @DictField({ nullable: true }) function_call: Record<string, unknown> | null = null;
  /** The next pieces of tool calls, merged by `index` (C6). */
  @ListField(modelType(() => DeltaToolCall), { nullable: true }) tool_calls: DeltaToolCall[] | null = null;
  /** The next piece of a refusal. */
  @StrField(OPT) refusal?: string | null;
  /** The next piece of the model's reasoning. */
  @StrField(OPT) reasoning_content?: string | null;

  /** Builds a delta from its fields, filling defaults; does not validate. */
  constructor(init?: ModelInit<DeltaMessage>) {
    super();
    initModel(this, init);
  }
}

/** The head of a chat request: the model and the conversation. */
class ChatRequestHead extends OpenAIBaseModel {
  /** The model to use. */
  @StrField() model!: string;
  /** The conversation so far. */
  @ListField(modelType(() => ChatMessage)) messages!: ChatMessage[];
}

/** The chat-only tool fields, between the sampling and the output parameters. */
class ChatRequestTools extends withSamplingParams(ChatRequestHead) {
  /** Legacy functions the model may call (use `tools`). */
  @ListField(modelType(() => FunctionDefinition), { nullable: true }) functions: FunctionDefinition[] | null = null;
  /** Legacy control of function calls: `"none"`, `"auto"` or `{"name": …}`. */
  @UnionField([strType, dictType], { nullable: true }) function_call: string | Record<string, unknown> | null = null;
  /** Tools the model may call; `type: "custom"` picks a `CustomToolDefinition` (C13). */
  @ListField(toolDefinitionType, { nullable: true }) tools: Array<ToolDefinition | CustomToolDefinition> | null = null;
  /** Which tool to call: `"none"`, `"auto"`, `"required"` or `{"type": "function", "function": {"name": …}}`. */
  @UnionField([strType, dictType], { nullable: true }) tool_choice: string | Record<string, unknown> | null = null;
}

/** The chat template arguments and today's OpenAI chat parameters, all optional. */
class ChatRequestOptions extends withOutputParams(ChatRequestTools) {
  /** Extra keyword arguments for the chat template, such as `{"enable_thinking": false}`. */
  @MapField(jsonScalarType, { nullable: true })
  chat_template_kwargs: Record<string, number | string | boolean> | null = null;
  /** Most tokens to generate, reasoning tokens included (OpenAI's successor of `max_tokens`). */
  @IntField(OPT) max_completion_tokens?: number | null;
  /** The answer's format: text, any JSON object, or JSON following a schema (chosen by `type`). */
  @Field(responseFormatType, OPT) response_format?: ResponseFormat | null;
  /** Options of a streamed answer, such as `include_usage`. */
  @ModelField(() => StreamOptions, OPT) stream_options?: StreamOptions | null;
  /** A seed for reproducible sampling. */
  @IntField(OPT) seed?: number | null;
  /** Return the log-probabilities of the generated tokens. */
  @BoolField(OPT) logprobs?: boolean | null;
  /** How many of the most likely tokens to return at each position (0 to 20), with `logprobs`. */
  @IntField(OPT) top_logprobs?: number | null;
  /** Let the model call several tools in one turn. */
  @BoolField(OPT) parallel_tool_calls?: boolean | null;
  /** How hard a reasoning model thinks: `minimal`, `low`, `medium` or `high`. */
  @StrField(OPT) reasoning_effort?: string | null;
  /** Output kinds: `["text"]`, or `["text", "audio"]`. */
  @ListField(strType, OPT) modalities?: string[] | null;
  /** Audio output options (`{voice, format}`). */
  @DictField(OPT) audio?: Record<string, unknown> | null;
  /** Predicted output, to speed up an answer that is mostly known (`{type: "content", content}`). */
  @DictField(OPT) prediction?: Record<string, unknown> | null;
  /** Store the answer for distillation or evals. */
  @BoolField(OPT) store?: boolean | null;
  /** Key-value tags for the stored answer. */
  @MapField(strType, OPT) metadata?: Record<string, string> | null;
  /** The processing tier: `auto`, `default`, `flex`, `priority`, … */
  @StrField(OPT) service_tier?: string | null;
  /** How long the answer should be: `low`, `medium` or `high`. */
  @StrField(OPT) verbosity?: string | null;
  /** Options of the web search tool of search models. */
  @DictField(OPT) web_search_options?: Record<string, unknown> | null;
  /** A stable, hashed id of the end user, for abuse detection. */
  @StrField(OPT) safety_identifier?: string | null;
  /** A key that groups requests sharing a prompt prefix, for the prompt cache. */
  @StrField(OPT) prompt_cache_key?: string | null;
}

/** A `POST /v1/chat/completions` body. */
export class ChatCompletionRequest extends withServerExtras(ChatRequestOptions) {
  /** Echo the last message back in the answer (vLLM). */
  @BoolField(OPT) echo?: boolean | null;
  /** Add the template's generation prompt after the messages (vLLM). */
  @BoolField(OPT) add_generation_prompt?: boolean | null;
  /** Continue the last (assistant) message instead of starting a new one (vLLM). */
  @BoolField(OPT) continue_final_message?: boolean | null;
  /** A chat template (Jinja) to use instead of the model's (vLLM). */
  @StrField(OPT) chat_template?: string | null;
  /** Documents for retrieval-augmented templates, each a dict such as `{title, text}` (vLLM). */
  @ListField(dictType, OPT) documents?: Array<Record<string, unknown>> | null;

  /** Builds a request from its fields, filling defaults; does not validate. */
  constructor(init?: ModelInit<ChatCompletionRequest>) {
    super();
    initModel(this, init);
  }
}

/** Why generation stopped, for any chat choice (C7, C10). */
export type ChatFinishReason = 'stop' | 'length' | 'function_call' | 'tool_calls' | 'content_filter' | 'abort';
const CHAT_FINISH = ['stop', 'length', 'function_call', 'tool_calls', 'content_filter', 'abort'] as const;
/** `int | str`, tried as a string first so `"5"` stays a string (an integral number becomes an int). */
const stopReasonType = unionOf(strType, intType);

/** One choice of a chat response. */
export class ChatCompletionResponseChoice extends OpenAIBaseModel {
  /** The choice's position in `choices`. */
  @IntField() index!: number;
  /** The generated message. */
  @ModelField(() => ChatMessage) message!: ChatMessage;
  /** Why generation stopped. */
  @LiteralField(CHAT_FINISH, { nullable: true })
  finish_reason: ChatFinishReason | null = null;
  /** Log-probabilities of the message's tokens, when requested. */
  @ModelField(() => ChatLogprobs, OPT) logprobs?: ChatLogprobs | null;
  /** The stop string or token id that ended generation (vLLM). */
  @Field(stopReasonType, OPT) stop_reason?: number | string | null;

  /** Builds a choice from its fields, filling defaults; does not validate. */
  constructor(init?: ModelInit<ChatCompletionResponseChoice>) {
    super();
    initModel(this, init);
  }
}

/** A whole (not streamed) chat response. */
export class ChatCompletionResponse extends responseHead('chat-', 'chat.completion') {
  /** The generated choices. */
  @ListField(modelType(() => ChatCompletionResponseChoice)) choices!: ChatCompletionResponseChoice[];
  /** Token usage; optional, as in OpenAI's spec (C11). */
  @ModelField(() => UsageInfo, { nullable: true }) usage: UsageInfo | null = null;
  /** The backend configuration that answered. */
  @StrField(OPT) system_fingerprint?: string | null;
  /** The processing tier that answered. */
  @StrField(OPT) service_tier?: string | null;

  /** Builds a response from its fields; `id` and `created` are generated unless given. Does not validate. */
  constructor(init?: ModelInit<ChatCompletionResponse>) {
    super(init);
    initModel(this, init);
  }
}

/** Why generation stopped, for a streamed choice (C7, C10): the same reasons as a whole choice. */
export type ChatStreamFinishReason = ChatFinishReason;

/** One choice of a stream chunk. */
export class ChatCompletionStreamResponseChoice extends OpenAIBaseModel {
  /** The choice's position. */
  @IntField() index!: number;
  /** What this chunk adds to the choice's message. */
  @ModelField(() => DeltaMessage) delta!: DeltaMessage;
  /** Why generation stopped, in the choice's last chunk. */
  @LiteralField(CHAT_FINISH, { nullable: true })
  finish_reason: ChatStreamFinishReason | null = null;
  /** Log-probabilities of this chunk's tokens, when requested. */
  @ModelField(() => ChatLogprobs, OPT) logprobs?: ChatLogprobs | null;
  /** The stop string or token id that ended generation (vLLM). */
  @Field(stopReasonType, OPT) stop_reason?: number | string | null;

  /** Builds a stream choice from its fields, filling defaults; does not validate. */
  constructor(init?: ModelInit<ChatCompletionStreamResponseChoice>) {
    super();
    initModel(this, init);
  }
}

/** One chunk of a streamed chat response (`data: {…}` in the event stream). */
export class ChatCompletionStreamResponse extends responseHead('chat-', 'chat.completion.chunk') {
  /** The choices this chunk updates (empty in a usage-only last chunk). */
  @ListField(modelType(() => ChatCompletionStreamResponseChoice)) choices!: ChatCompletionStreamResponseChoice[];
  /** Token usage, in the last chunk when `stream_options.include_usage` is set (C8). */
  @ModelField(() => UsageInfo, { nullable: true }) usage: UsageInfo | null = null;
  /** The backend configuration that answered. */
  @StrField(OPT) system_fingerprint?: string | null;
  /** The processing tier that answered. */
  @StrField(OPT) service_tier?: string | null;

  /** Builds a chunk from its fields; `id` and `created` are generated unless given. Does not validate. */
  constructor(init?: ModelInit<ChatCompletionStreamResponse>) {
    super(init);
    initModel(this, init);
  }
}
