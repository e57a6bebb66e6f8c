/**
 * Tools and function calling: the functions a request offers, and the calls a
 * model makes to them, whole or as streamed deltas.
 */
import { BoolField, DictField, IntField, ListField, LiteralField, ModelField, StrField, choiceOf, modelType } from '../fields';
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
  /** Whether calls must follow `parameters` exactly (structured outputs). */
  @BoolField({ optional: true, nullable: true }) strict?: boolean | null;

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

/** The definition of a custom tool: a name, a description and an optional input format. */
export class CustomToolSpec extends OpenAIBaseModel {
  /** The tool's name, as the model will call it. */
  @StrField() name!: string;
  /** What the tool does. */
  @StrField({ optional: true, nullable: true }) description?: string | null;
  /** The input format: free text, or a grammar (`{"type": "grammar", …}`). */
  @DictField({ optional: true, nullable: true }) format?: Record<string, unknown> | null;

  /** Builds a custom tool spec from its fields; does not validate. */
  constructor(init?: ModelInit<CustomToolSpec>) {
    super();
    initModel(this, init);
  }
}

/** A custom tool offered in a request's `tools` (`{"type": "custom", "custom": {…}}`, C13): its input is free text. */
export class CustomToolDefinition extends OpenAIBaseModel {
  /** Always `"custom"`. */
  @LiteralField(['custom']) type!: 'custom';
  /** The tool. */
  @ModelField(() => CustomToolSpec) custom!: CustomToolSpec;

  /** Builds a custom tool definition from its fields; does not validate. */
  constructor(init?: ModelInit<CustomToolDefinition>) {
    super();
    initModel(this, init);
  }
}

/** The choice by `type` of an item of a request's `tools`: `custom`, or a function tool. */
export const toolDefinitionType = choiceOf(() => ToolDefinition, { custom: () => CustomToolDefinition });

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

/** A custom tool's call: the tool's name and its free-text input. */
export class CustomCall extends OpenAIBaseModel {
  /** The name of the custom tool. */
  @StrField() name!: string;
  /** The call's input, as free text. */
  @StrField() input!: string;

  /** Builds a custom call from its fields; does not validate. */
  constructor(init?: ModelInit<CustomCall>) {
    super();
    initModel(this, init);
  }
}

/** A call of a custom tool in an assistant message (C13). */
export class CustomToolCall extends OpenAIBaseModel {
  /** The call's id, echoed back by the `tool` message that answers it. */
  @StrField() id!: string;
  /** Always `"custom"`. */
  @LiteralField(['custom']) type!: 'custom';
  /** The tool called and its input. */
  @ModelField(() => CustomCall) custom!: CustomCall;

  /** Builds a custom tool call from its fields; does not validate. */
  constructor(init?: ModelInit<CustomToolCall>) {
    super();
    initModel(this, init);
  }
}

/** The choice by `type` of an item of a message's `tool_calls`: `custom`, or a function call. */
export const toolCallType = choiceOf(() => ToolCall, { custom: () => CustomToolCall });

/** A piece of a function call in a stream chunk; pieces concatenate. Absent parts are left out of the dump (C15). */
export class DeltaFunctionCall extends OpenAIBaseModel {
  /** The function's name, usually in the first piece only. */
  @StrField({ optional: true, nullable: true }) name?: string | null;
  /** The next fragment of the JSON-encoded arguments. */
  @StrField({ optional: true, nullable: true }) arguments?: string | null;

  /** Builds a function-call delta from its fields, filling defaults; does not validate. */
  constructor(init?: ModelInit<DeltaFunctionCall>) {
    super();
    initModel(this, init);
  }
}

/** A piece of a custom tool's call in a stream chunk; `input` pieces concatenate. */
export class DeltaCustomCall extends OpenAIBaseModel {
  /** The custom tool's name, usually in the first piece only. */
  @StrField({ optional: true, nullable: true }) name?: string | null;
  /** The next fragment of the input. */
  @StrField({ optional: true, nullable: true }) input?: string | null;

  /** Builds a custom-call delta from its fields; does not validate. */
  constructor(init?: ModelInit<DeltaCustomCall>) {
    super();
    initModel(this, init);
  }
}

/**
 * A piece of a tool call in a stream chunk; pieces with the same `index` merge.
 * Absent `id`, `type` and `function` are left out of the dump (C15): official
 * clients fail on a `null` there.
 */
export class DeltaToolCall extends OpenAIBaseModel {
  /** The call's id, in the first piece of that call. */
  @StrField({ optional: true, nullable: true }) id?: string | null;
  /** The tool type (`"function"` or `"custom"`), in the first piece of that call. */
  @LiteralField(['function', 'custom'], { optional: true, nullable: true }) type?: 'function' | 'custom' | null;
  /** Which tool call of the message this piece belongs to. */
  @IntField() index!: number;
  /** The function name and the next fragment of its arguments. */
  @ModelField(() => DeltaFunctionCall, { optional: true, nullable: true }) function?: DeltaFunctionCall | null;
  /** The custom tool's name and the next fragment of its input. */
  @ModelField(() => DeltaCustomCall, { optional: true, nullable: true }) custom?: DeltaCustomCall | null;

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
