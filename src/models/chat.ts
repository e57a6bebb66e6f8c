/**
 * Chat completions: the request, its messages, the response and the streamed chunks.
 */
import {
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
  jsonScalarType,
  listOf,
  modelType,
  strType,
  unionOf,
} from '../fields';
import { ModelInit, OpenAIBaseModel, initModel } from '../model';
import { withOutputParams, withSamplingParams } from './request-params';
import { DeltaToolCall, FunctionDefinition, ToolCall, ToolDefinition } from './tools';
import { responseHead } from './response-head';
import { UsageInfo } from './usage';

/**
 * One part of a multi-part message content: `{"type": "text", "text": …}`,
 * `{"type": "image_url", "image_url": {…}}`, `{"type": "input_audio", …}`.
 * Only `type` is checked; every other key is kept as given (C4).
 */
export class ContentPart extends OpenAIBaseModel {
  /** The part's kind, such as `text`, `image_url` or `input_audio`. */
  @StrField() type!: string;
  /** Other keys (`text`, `image_url`, …) are kept as extras. */
  [key: string]: unknown;
}

/** `str | ContentPart[]`: a message's content, as text or as parts. */
const contentType = unionOf(strType, listOf(modelType(() => ContentPart)));

/** One message of a conversation. */
export class ChatMessage extends OpenAIBaseModel {
  /** Who wrote it: `system`, `user`, `assistant`, `tool` or `function`. */
  @StrField() role!: string;
  /** The text, or a list of content parts; null or absent for an assistant turn that only calls tools (C3). */
  @Field(contentType, { nullable: true })
  content: string | ContentPart[] | null = null;
  /** The author's name, or the function's name for a `function` message. */
  @StrField({ nullable: true }) name: string | null = null;
  /** The legacy function call of an assistant message (`{name, arguments}`). */
  @DictField({ nullable: true }) function_call: Record<string, unknown> | null = null;
  /** The tool calls of an assistant message (C5). */
  @ListField(modelType(() => ToolCall), { nullable: true }) tool_calls: ToolCall[] | null = null;
  /** For a `tool` message: the id of the call it answers (C5). */
  @StrField({ nullable: true }) tool_call_id: string | null = null;

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
  content: string | ContentPart[] | null = null;
  /** The next piece of a legacy function call. */
  @DictField({ nullable: true }) function_call: Record<string, unknown> | null = null;
  /** The next pieces of tool calls, merged by `index` (C6). */
  @ListField(modelType(() => DeltaToolCall), { nullable: true }) tool_calls: DeltaToolCall[] | null = null;

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
  /** Tools the model may call. */
  @ListField(modelType(() => ToolDefinition), { nullable: true }) tools: ToolDefinition[] | null = null;
  /** Which tool to call: `"none"`, `"auto"`, `"required"` or `{"type": "function", "function": {"name": …}}`. */
  @UnionField([strType, dictType], { nullable: true }) tool_choice: string | Record<string, unknown> | null = null;
}

/** A `POST /v1/chat/completions` body. */
export class ChatCompletionRequest extends withOutputParams(ChatRequestTools) {
  /** Extra keyword arguments for the chat template, such as `{"enable_thinking": false}`. */
  @MapField(jsonScalarType, { nullable: true })
  chat_template_kwargs: Record<string, number | string | boolean> | null = null;

  /** Builds a request from its fields, filling defaults; does not validate. */
  constructor(init?: ModelInit<ChatCompletionRequest>) {
    super();
    initModel(this, init);
  }
}

/** Why generation stopped, for a whole chat response. */
export type ChatFinishReason = 'stop' | 'length' | 'function_call' | 'tool_calls' | 'abort';

/** One choice of a chat response. */
export class ChatCompletionResponseChoice extends OpenAIBaseModel {
  /** The choice's position in `choices`. */
  @IntField() index!: number;
  /** The generated message. */
  @ModelField(() => ChatMessage) message!: ChatMessage;
  /** Why generation stopped. */
  @LiteralField(['stop', 'length', 'function_call', 'tool_calls', 'abort'], { nullable: true })
  finish_reason: ChatFinishReason | null = null;

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
  /** Token usage. */
  @ModelField(() => UsageInfo) usage!: UsageInfo;

  /** Builds a response from its fields; `id` and `created` are generated unless given. Does not validate. */
  constructor(init?: ModelInit<ChatCompletionResponse>) {
    super(init);
    initModel(this, init);
  }
}

/** Why generation stopped, for a streamed choice (C7 adds `tool_calls`). */
export type ChatStreamFinishReason = 'stop' | 'length' | 'function_call' | 'tool_calls';

/** One choice of a stream chunk. */
export class ChatCompletionStreamResponseChoice extends OpenAIBaseModel {
  /** The choice's position. */
  @IntField() index!: number;
  /** What this chunk adds to the choice's message. */
  @ModelField(() => DeltaMessage) delta!: DeltaMessage;
  /** Why generation stopped, in the choice's last chunk. */
  @LiteralField(['stop', 'length', 'function_call', 'tool_calls'], { nullable: true })
  finish_reason: ChatStreamFinishReason | null = null;

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

  /** Builds a chunk from its fields; `id` and `created` are generated unless given. Does not validate. */
  constructor(init?: ModelInit<ChatCompletionStreamResponse>) {
    super(init);
    initModel(this, init);
  }
}
