/** Request options: the output format (`response_format`) and stream options (`stream_options`). */
import { BoolField, DictField, LiteralField, ModelField, StrField, choiceOf } from '../fields';
import { ModelInit, OpenAIBaseModel, initModel } from '../model';

/**
 * The format the model must answer in: `{"type": "text"}`, `{"type": "json_object"}`,
 * or a `JsonSchemaResponseFormat`. Parsed as this class itself, only `type` is
 * checked and other keys are kept; in a request, `json_schema` picks the subclass.
 */
export class ResponseFormat extends OpenAIBaseModel {
  /** The format: `text`, `json_object`, `json_schema`, or a server's own. */
  @StrField() type!: string;
  /** Other keys are kept as extras. */
  [key: string]: unknown;

  /** Builds a response format from its fields; does not validate. */
  constructor(init?: ModelInit<ResponseFormat>) {
    super();
    initModel(this, init);
  }
}

/** The JSON Schema an answer must follow (`response_format.json_schema`). */
export class JsonSchemaSpec extends OpenAIBaseModel {
  /** The schema's name. */
  @StrField() name!: string;
  /** What the format is for. */
  @StrField({ optional: true, nullable: true }) description?: string | null;
  /** The JSON Schema itself. */
  @DictField({ optional: true, nullable: true }) schema?: Record<string, unknown> | null;
  /** Whether the answer must follow the schema exactly. */
  @BoolField({ optional: true, nullable: true }) strict?: boolean | null;

  /** Builds a schema spec from its fields; does not validate. */
  constructor(init?: ModelInit<JsonSchemaSpec>) {
    super();
    initModel(this, init);
  }
}

/** Structured output: `{"type": "json_schema", "json_schema": {"name": …, "schema": {…}}}`. */
export class JsonSchemaResponseFormat extends ResponseFormat {
  /** Always `"json_schema"`. */
  @LiteralField(['json_schema']) override type!: 'json_schema';
  /** The schema the answer follows. */
  @ModelField(() => JsonSchemaSpec) json_schema!: JsonSchemaSpec;
}

/** The choice by `type` of a request's `response_format`. */
export const responseFormatType = choiceOf(() => ResponseFormat, { json_schema: () => JsonSchemaResponseFormat });

/** Options of a streamed answer (`stream_options`). */
export class StreamOptions extends OpenAIBaseModel {
  /** Send a last chunk with the whole request's `usage`. */
  @BoolField({ optional: true, nullable: true }) include_usage?: boolean | null;
  /** Send `usage` in every chunk (vLLM). */
  @BoolField({ optional: true, nullable: true }) continuous_usage_stats?: boolean | null;
  /** Pad chunks with random `obfuscation` text against side channels (OpenAI). */
  @BoolField({ optional: true, nullable: true }) include_obfuscation?: boolean | null;

  /** Builds stream options from their fields; does not validate. */
  constructor(init?: ModelInit<StreamOptions>) {
    super();
    initModel(this, init);
  }
}
