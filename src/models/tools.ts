/**
 * Tools and function calling: the functions a request offers, and the calls a
 * model makes to them, whole or as streamed deltas.
 */
import { BoolField, DictField, IntField, ListField, LiteralField, ModelField, StrField, modelType } from '../fields';
import { ModelInit, OpenAIBaseModel, initModel } from '../model';

/** How a server formats function calls in the prompt and parses them from the output. */
export enum FunctionCallFormat {
  /** OpenAI's native `tool_calls` format. */
  OPENAI = 'openai',
  /** Calls as JSON matching a JSON schema. */
  JSON_SCHEMA = 'json_schema',
  /** The Hermes `<tool_call>` format. */
  HERMES = 'hermes',
  /** The Gorilla format. */
  GORILLA = 'gorilla',
  /** The Qwen format. */
  QWEN = 'qwen',
  /** The Nous format. */
  NOUS = 'nous',
}

/**
 * A function the model may call. Exported as `Function` (its reference name)
 * and as `ToolFunction`, which does not shadow the global `Function` type.
 */
export class ToolFunction extends OpenAIBaseModel {
  /** The function's name, as the model will call it. */
  @StrField() name!: string;
  /** What the function does, for the model to decide when to call it. */
  @StrField({ nullable: true }) description: string | null = null;
  /** The function's arguments as a JSON Schema object. */
  @DictField() parameters: Record<string, unknown> = {};

  /** Builds a function from its fields, filling defaults; does not validate. */
  constructor(init?: ModelInit<ToolFunction>) {
    super();
    initModel(this, init);
  }
}
Object.defineProperty(ToolFunction, 'name', { value: 'Function' });

/** A function offered in a request's `functions` or `tools` (same fields as `Function`). */
export class FunctionDefinition extends ToolFunction {}

/** A tool the model may call; `function` is the only tool type. */
export class Tool extends OpenAIBaseModel {
  /** The tool type; always `"function"` today. */
  @StrField() type: string = 'function';
  /** The function this tool exposes. */
  @ModelField(() => ToolFunction) function!: ToolFunction;

  /** Builds a tool from its fields, filling defaults; does not validate. */
  constructor(init?: ModelInit<Tool>) {
    super();
    initModel(this, init);
  }
}

/** A tool offered in a request's `tools` list (its `function` is a `FunctionDefinition`). */
export class ToolDefinition extends Tool {
  /** The function this tool exposes. */
  @ModelField(() => FunctionDefinition) override function!: FunctionDefinition;
}

/** A complete function call made by the model. */
export class FunctionCall extends OpenAIBaseModel {
  /** The name of the function to call. */
  @StrField() name!: string;
  /** The call's arguments, as a JSON-encoded string (the model may produce invalid JSON). */
  @StrField() arguments!: string;
}

/** A complete tool call in an assistant message. */
export class ToolCall extends OpenAIBaseModel {
  /** The call's id, echoed back by the `tool` message that answers it. */
  @StrField() id!: string;
  /** The tool type; always `"function"` today. */
  @StrField() type: string = 'function';
  /** The function called and its arguments. */
  @ModelField(() => FunctionCall) function!: FunctionCall;

  /** Builds a tool call from its fields, filling defaults; does not validate. */
  constructor(init?: ModelInit<ToolCall>) {
    super();
    initModel(this, init);
  }
}

/** A piece of a function call in a stream chunk; pieces concatenate. */
export class DeltaFunctionCall extends OpenAIBaseModel {
  /** The function's name, usually in the first piece only. */
  @StrField({ nullable: true }) name: string | null = null;
  /** The next fragment of the JSON-encoded arguments. */
  @StrField({ nullable: true }) arguments: string | null = null;

  /** Builds a function-call delta from its fields, filling defaults; does not validate. */
  constructor(init?: ModelInit<DeltaFunctionCall>) {
    super();
    initModel(this, init);
  }
}

/** A piece of a tool call in a stream chunk; pieces with the same `index` merge. */
export class DeltaToolCall extends OpenAIBaseModel {
  /** The call's id, in the first piece of that call. */
  @StrField({ nullable: true }) id: string | null = null;
  /** The tool type (`"function"`), in the first piece of that call. */
  @LiteralField(['function'], { nullable: true }) type: 'function' | null = null;
  /** Which tool call of the message this piece belongs to. */
  @IntField() index!: number;
  /** The function name and the next fragment of its arguments. */
  @ModelField(() => DeltaFunctionCall, { nullable: true }) function: DeltaFunctionCall | null = null;

  /** Builds a tool-call delta from its fields, filling defaults; does not validate. */
  constructor(init?: ModelInit<DeltaToolCall>) {
    super();
    initModel(this, init);
  }
}

/** What a tool parser extracted from a model's raw output. */
export class ExtractedToolCallInformation extends OpenAIBaseModel {
  /** Whether the output called any tools. */
  @BoolField() tools_called!: boolean;
  /** The tool calls found, in order. */
  @ListField(modelType(() => ToolCall)) tool_calls!: ToolCall[];
  /** Any plain text around the calls. */
  @StrField({ nullable: true }) content: string | null = null;

  /** Builds the extraction result from its fields, filling defaults; does not validate. */
  constructor(init?: ModelInit<ExtractedToolCallInformation>) {
    super();
    initModel(this, init);
  }
}
