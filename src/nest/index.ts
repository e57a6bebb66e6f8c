/**
 * `oai-protocols/nest`: NestJS integration. A validation pipe (and a fast
 * `parse` pipe) for the protocol DTOs, an exception filter and helpers that
 * answer every error in the OpenAI form official clients understand.
 */
import 'reflect-metadata';

export { OpenAIValidationPipe, OPENAI_VALIDATION_OPTIONS } from './validation-pipe';
export type { OpenAIValidationPipeOptions } from './validation-pipe';
export { OpenAIParsePipe } from './parse-pipe';
export { OpenAIClassSerializerInterceptor } from './serializer-interceptor';
export type { OpenAIParsePipeOptions } from './parse-pipe';
export { OpenAIExceptionFilter, toOpenAIErrorReply } from './exception-filter';
export type { OpenAIErrorReply } from './exception-filter';
export { OpenAIHttpException } from './exceptions';
export { OpenAIBody } from './body-decorator';
export { openAIJsonOnly, isJsonContentType } from './json-only';
export type { NodeMiddleware } from './json-only';
export {
  openAIErrorBody,
  errorBodyFromIssues,
  errorTypeForStatus,
  messageFromIssues,
  isOpenAIErrorBody,
  isJsonObjectBody,
  NOT_AN_OBJECT_MESSAGE,
} from './error-body';
export type { OpenAIErrorBody, OpenAIErrorOptions } from './error-body';
export { buildOpenApiDocument, DEMO_ROUTES } from './openapi';
export type {
  OpenApiDocument,
  OpenApiDocumentInput,
  OpenApiOptions,
  OpenApiRoute,
  OpenApiOperation,
  OpenApiPathItem,
  OpenApiParameter,
  OpenApiRequestBody,
  OpenApiResponse,
  OpenApiMediaType,
  OpenApiReference,
  OpenApiServer,
  OpenApiTag,
} from './openapi';
