/**
 * oai-protocols: class-based DTOs for the OpenAI HTTP protocol, with
 * Pydantic-style `parse` / `toJSON` on top of class-validator and class-transformer.
 */
import 'reflect-metadata';

export { OpenAIBaseModel, ModelInit, InitValue, DumpOptions, SafeParseResult, ExtraKeysHook, ModelStatic, initModel } from './model';
export { ProtocolValidationError, Issue, LocKey, issuesFromValidationErrors, dottedLoc, briefInput } from './errors';
export * from './fields';

export {
  ContentPart,
  ChatMessage,
  DeltaMessage,
  ChatCompletionRequest,
  ChatCompletionResponseChoice,
  ChatCompletionResponse,
  ChatCompletionStreamResponseChoice,
  ChatCompletionStreamResponse,
  ChatFinishReason,
  ChatStreamFinishReason,
} from './models/chat';
export {
  CompletionRequest,
  CompletionLogprobs,
  CompletionResponseChoice,
  CompletionStreamResponseChoice,
  CompletionResponse,
  CompletionStreamResponse,
  CompletionFinishReason,
} from './models/completions';
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
  ExtractedToolCallInformation,
} from './models/tools';
export { UsageInfo } from './models/usage';
export { CountTokenRequest } from './models/tokens';
