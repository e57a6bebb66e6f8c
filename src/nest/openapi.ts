/**
 * The OpenAPI 3.1 document of the demo server's endpoints, generated from the
 * models' JSON Schemas (the same decorators that validate the bodies). Plain
 * data, no NestJS import: serve it from any framework as `/openapi.json`.
 */
import { ChatCompletionRequest, ChatCompletionResponse, ChatCompletionStreamResponse } from '../models/chat';
import { CompletionRequest, CompletionResponse, CompletionStreamResponse } from '../models/completions';
import { CountTokenRequest } from '../models/tokens';
import { modelSchemas } from '../schema';
import type { JsonSchema } from '../fields/field';

/** An OpenAPI document, as plain JSON data. */
export type OpenApiDocument = Record<string, unknown>;

/** Options of `buildOpenApiDocument`. */
export interface OpenApiOptions {
  /** `info.title`; default `"OpenAI-compatible API"`. */
  title?: string;
  /** `info.version`; default this package's version. */
  version?: string;
  /** `info.description`, Markdown. */
  description?: string;
  /** `servers`, such as `[{ url: "http://127.0.0.1:8000" }]`; default none (the document's own origin). */
  servers?: Array<{ url: string; description?: string }>;
}

const REF = '#/components/schemas/';
const ref = (name: string): JsonSchema => ({ $ref: REF + name });

function packageVersion(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('../../package.json') as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** The schemas that are not models: the models list, the token count, and OpenAI's error form. */
const EXTRA_SCHEMAS: Record<string, JsonSchema> = {
  Model: {
    title: 'Model',
    description: 'A model the server serves.',
    type: 'object',
    properties: {
      id: { type: 'string', description: 'The model name to put in requests, such as `echo`.' },
      object: { type: 'string', enum: ['model'] },
      created: { type: 'integer', description: 'When the model was made available, in Unix seconds.' },
      owned_by: { type: 'string', description: 'Who owns the model.' },
    },
    required: ['id', 'object'],
    additionalProperties: true,
  },
  ModelList: {
    title: 'ModelList',
    description: 'The answer of `GET /v1/models`.',
    type: 'object',
    properties: {
      object: { type: 'string', enum: ['list'] },
      data: { type: 'array', items: ref('Model') },
    },
    required: ['object', 'data'],
    additionalProperties: true,
  },
  TokenCount: {
    title: 'TokenCount',
    description: 'The answer of `POST /v1/count_tokens`.',
    type: 'object',
    properties: {
      model: { type: 'string', description: 'The model whose tokenizer counted.' },
      count: { type: 'integer', minimum: 0, description: 'The number of tokens.' },
    },
    required: ['model', 'count'],
    additionalProperties: true,
  },
  ErrorResponse: {
    title: 'ErrorResponse',
    description: "OpenAI's error form, which the official clients turn into `BadRequestError`, `NotFoundError`, ….",
    type: 'object',
    properties: {
      error: {
        type: 'object',
        properties: {
          message: { type: 'string', description: 'What went wrong, readable.' },
          type: { type: 'string', description: 'The error class, such as `invalid_request_error`.' },
          param: { type: ['string', 'null'], description: 'The dotted location of the first bad field, such as `messages.0.role`.' },
          code: { type: ['string', 'null'], description: 'A machine-readable code, such as `model_not_found`, or null.' },
        },
        required: ['message', 'type', 'param', 'code'],
        additionalProperties: true,
      },
    },
    required: ['error'],
    additionalProperties: true,
    examples: [{ error: { message: 'messages: Field required', type: 'invalid_request_error', param: 'messages', code: null } }],
  },
};

/** The shared error responses, by status. */
const ERRORS: Record<string, { name: string; description: string }> = {
  '400': { name: 'BadRequest', description: 'The body is not valid: malformed JSON, not an object, or a field that fails validation (`param` names it).' },
  '404': { name: 'NotFound', description: 'Not found: a route the server does not have, or an unknown model.' },
  '413': { name: 'PayloadTooLarge', description: 'The body is larger than the server accepts.' },
  '415': { name: 'UnsupportedMediaType', description: 'The body is not `application/json`.' },
  '500': { name: 'InternalError', description: 'The server failed.' },
};

function errorResponses(statuses: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of statuses) out[s] = { $ref: `#/components/responses/${ERRORS[s].name}` };
  return out;
}

function jsonBody(schema: string, description: string): Record<string, unknown> {
  return { description, required: true, content: { 'application/json': { schema: ref(schema) } } };
}

const POST_ERRORS = ['400', '404', '413', '415', '500'];
const SSE_NOTE =
  'With `"stream": true` the answer is `text/event-stream`: one `data: <chunk JSON>` event per chunk (the schema below), then `data: [DONE]`.';

/** A POST operation that answers JSON, or Server-Sent Events of chunks when the body asks to stream. */
function streamingPost(o: { id: string; tag: string; summary: string; request: string; response: string; chunk: string }): Record<string, unknown> {
  return {
    operationId: o.id,
    tags: [o.tag],
    summary: o.summary,
    description: SSE_NOTE,
    requestBody: jsonBody(o.request, `A \`${o.request}\`; unknown keys are kept and passed on.`),
    responses: {
      '200': {
        description: `A \`${o.response}\`, or with \`"stream": true\` a stream of \`${o.chunk}\` chunks ending with \`data: [DONE]\`.`,
        content: {
          'application/json': { schema: ref(o.response) },
          'text/event-stream': { schema: ref(o.chunk) },
        },
      },
      ...errorResponses(POST_ERRORS),
    },
  };
}

/**
 * The OpenAPI 3.1 document of the demo server: `GET /v1/models`,
 * `POST /v1/chat/completions`, `POST /v1/completions`, `POST /v1/count_tokens`.
 * Request and response bodies are the models' JSON Schemas (see `jsonSchema`),
 * all under `components.schemas`; streamed answers are `text/event-stream` with
 * the chunk schema; errors use OpenAI's `{"error": {message, type, param, code}}`.
 * A fresh object each call.
 */
export function buildOpenApiDocument(options: OpenApiOptions = {}): OpenApiDocument {
  const schemas = {
    ...modelSchemas(
      [
        ChatCompletionRequest,
        ChatCompletionResponse,
        ChatCompletionStreamResponse,
        CompletionRequest,
        CompletionResponse,
        CompletionStreamResponse,
        CountTokenRequest,
      ],
      { refPrefix: REF },
    ),
    ...JSON.parse(JSON.stringify(EXTRA_SCHEMAS)),
  };
  const responses: Record<string, unknown> = {};
  for (const { name, description } of Object.values(ERRORS)) {
    responses[name] = { description, content: { 'application/json': { schema: ref('ErrorResponse') } } };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: options.title ?? 'OpenAI-compatible API',
      version: options.version ?? packageVersion(),
      ...(options.description !== undefined ? { description: options.description } : {}),
    },
    ...(options.servers ? { servers: options.servers.map((s) => ({ ...s })) } : {}),
    tags: [
      { name: 'Models', description: 'The models the server serves.' },
      { name: 'Chat', description: 'Chat completions.' },
      { name: 'Completions', description: 'Legacy text completions.' },
      { name: 'Tokens', description: 'Token counting.' },
    ],
    paths: {
      '/v1/models': {
        get: {
          operationId: 'listModels',
          tags: ['Models'],
          summary: 'List the models',
          responses: {
            '200': { description: 'The models.', content: { 'application/json': { schema: ref('ModelList') } } },
            ...errorResponses(['404', '500']),
          },
        },
      },
      '/v1/chat/completions': {
        post: streamingPost({
          id: 'createChatCompletion',
          tag: 'Chat',
          summary: 'Create a chat completion',
          request: 'ChatCompletionRequest',
          response: 'ChatCompletionResponse',
          chunk: 'ChatCompletionStreamResponse',
        }),
      },
      '/v1/completions': {
        post: streamingPost({
          id: 'createCompletion',
          tag: 'Completions',
          summary: 'Create a completion',
          request: 'CompletionRequest',
          response: 'CompletionResponse',
          chunk: 'CompletionStreamResponse',
        }),
      },
      '/v1/count_tokens': {
        post: {
          operationId: 'countTokens',
          tags: ['Tokens'],
          summary: "Count the tokens of a text or a conversation with a model's tokenizer",
          requestBody: jsonBody('CountTokenRequest', 'A `CountTokenRequest`.'),
          responses: {
            '200': { description: 'The count.', content: { 'application/json': { schema: ref('TokenCount') } } },
            ...errorResponses(POST_ERRORS),
          },
        },
      },
    },
    components: { schemas, responses },
  };
}
