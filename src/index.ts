/**
 * oai-protocols: class-based DTOs for the OpenAI HTTP protocol, with
 * Pydantic-style `parse` / `toJSON` on top of class-validator and class-transformer.
 */
import 'reflect-metadata';

export { OpenAIBaseModel, initModel } from './model';
export type { ModelInit, InitValue, DumpOptions, SafeParseResult, ExtraKeysHook, ModelStatic, ParseOptions } from './model';
export {
  PROTOCOL_RULES,
  DEFAULT_MAX_LOGPROBS,
  DEFAULT_PROTOCOL_LIMITS,
  registerCheck,
  checkProtocol,
  valueError,
} from './checks';
export type { ProtocolChecks, ProtocolLimits, ProtocolRule, BuiltinRule, NumberRange, RequestKind, RequestView } from './checks';
export { PickModel, OmitModel, PartialModel, IntersectionModel } from './mapped';
export type { MappedModel, ModelFields, MappedModelStatics, IntersectionFields } from './mapped';
export { ProtocolValidationError, issuesFromValidationErrors, dottedLoc, briefInput } from './errors';
export type { Issue, LocKey } from './errors';
export * from './fields';
export { jsonSchema, modelSchemas, JSONSchema, JSON_SCHEMA_DRAFT } from './schema';
export type { ModelSchemasOptions } from './schema';
export * from './sse';
export { stringify } from './serialize';
export { openAIErrorBody, errorBodyFromIssues, errorTypeForStatus, messageFromIssues, isOpenAIErrorBody } from './nest/error-body';
export type { OpenAIErrorBody, OpenAIErrorOptions } from './nest/error-body';

export { ContentPart, TextPart, ImagePart, ImageURL, AudioPart, InputAudio, FilePart, FileRef, RefusalPart } from './models/content';
export type { Part } from './models/content';
export { ResponseFormat, JsonSchemaResponseFormat, JsonSchemaSpec, StreamOptions } from './models/response-format';
export { TopLogprob, TokenLogprob, ChatLogprobs } from './models/logprobs';
export {
  ChatMessage,
  DeltaMessage,
  ChatCompletionRequest,
  ChatCompletionResponseChoice,
  ChatCompletionResponse,
  ChatCompletionStreamResponseChoice,
  ChatCompletionStreamResponse,
} from './models/chat';
export type { ChatFinishReason, ChatStreamFinishReason } from './models/chat';
export {
  CompletionRequest,
  CompletionLogprobs,
  CompletionResponseChoice,
  CompletionStreamResponseChoice,
  CompletionResponse,
  CompletionStreamResponse,
} from './models/completions';
export type { CompletionFinishReason } from './models/completions';
export {
  FunctionCallFormat,
  ToolFunction,
  ToolFunction as Function,
  FunctionDefinition,
  Tool,
  ToolDefinition,
  FunctionCall,
  ToolCall,
  DeltaFunctionCall,
  DeltaToolCall,
  CustomToolDefinition,
  CustomToolSpec,
  CustomToolCall,
  CustomCall,
  DeltaCustomCall,
  ExtractedToolCallInformation,
} from './models/tools';
export { UsageInfo, PromptTokensDetails, CompletionTokensDetails } from './models/usage';
export { CountTokenRequest } from './models/tokens';
export {
  extractToolCalls,
  ToolCallStream,
  formatToolsForPrompt,
  toolCallId,
  registerToolCallFormat,
  toolCallFormat,
  toolCallFormatNames,
} from './tool-parsers';
export type { ToolCallFormatName, ToolCallOptions, ToolCallFormat, WholeReplySink } from './tool-parsers';
