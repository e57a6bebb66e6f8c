/**
 * OpenAPI documents (3.1 or 3.0) of OpenAI routes, generated from the models'
 * JSON Schemas (the same decorators that validate the bodies): the demo
 * server's four endpoints, the routes an app gives, or a document to complete
 * (such as the one `SwaggerModule.createDocument` makes). Plain data, no
 * NestJS import: serve it from any framework as `/openapi.json`, or hand it to
 * `SwaggerModule.setup`, whose `OpenAPIObject` it fits.
 */
import { ChatCompletionRequest, ChatCompletionResponse, ChatCompletionStreamResponse } from '../models/chat';
import { CompletionRequest, CompletionResponse, CompletionStreamResponse } from '../models/completions';
import { CountTokenRequest } from '../models/tokens';
import { modelSchemas } from '../schema';
import { toOpenApi30 } from '../schema/openapi30';
import type { JsonSchema, ModelClass } from '../fields/field';

/** A `$ref` to something in the document. */
export interface OpenApiReference {
  /** The pointer, such as `#/components/schemas/ChatCompletionRequest`. */
  $ref: string;
}

/** A media type of a body: its schema. */
export interface OpenApiMediaType {
  /** The body's schema (a schema object or a `$ref`). */
  schema?: JsonSchema;
  /** One example body. */
  example?: unknown;
}

/** An operation's request body. */
export interface OpenApiRequestBody {
  /** What the body is. */
  description?: string;
  /** The body's schema by media type, such as `application/json`. */
  content: Record<string, OpenApiMediaType>;
  /** Whether the body must be sent. */
  required?: boolean;
}

/** One answer of an operation. */
export interface OpenApiResponse {
  /** What the answer means. */
  description: string;
  /** The answer's schema by media type. */
  content?: Record<string, OpenApiMediaType>;
}

/** A parameter of an operation (path, query, header or cookie). */
export interface OpenApiParameter {
  /** Its name. */
  name: string;
  /** Where it goes. */
  in: 'query' | 'header' | 'path' | 'cookie';
  /** What it is. */
  description?: string;
  /** Whether it must be given (always true in the path). */
  required?: boolean;
  /** Its schema. */
  schema?: JsonSchema;
}

/** One operation: a method on a path. */
export interface OpenApiOperation {
  /** A unique id, such as `createChatCompletion`. */
  operationId?: string;
  /** Tags that group it in the docs. */
  tags?: string[];
  /** A one-line summary. */
  summary?: string;
  /** A longer description, Markdown. */
  description?: string;
  /** Its parameters. */
  parameters?: Array<OpenApiParameter | OpenApiReference>;
  /** Its body. */
  requestBody?: OpenApiRequestBody | OpenApiReference;
  /** Its answers by status. */
  responses: Record<string, OpenApiResponse | OpenApiReference>;
  /** Whether it is on its way out. */
  deprecated?: boolean;
}

/** The operations of one path, by method. */
export interface OpenApiPathItem {
  /** `GET`. */
  get?: OpenApiOperation;
  /** `PUT`. */
  put?: OpenApiOperation;
  /** `POST`. */
  post?: OpenApiOperation;
  /** `DELETE`. */
  delete?: OpenApiOperation;
  /** `PATCH`. */
  patch?: OpenApiOperation;
  /** `OPTIONS`. */
  options?: OpenApiOperation;
  /** `HEAD`. */
  head?: OpenApiOperation;
  /** Parameters of every operation of the path. */
  parameters?: Array<OpenApiParameter | OpenApiReference>;
}

/** A server the API is at. */
export interface OpenApiServer {
  /** Its URL, such as `http://127.0.0.1:8000`. */
  url: string;
  /** What it is. */
  description?: string;
}

/** A tag, described. */
export interface OpenApiTag {
  /** Its name, as operations give it. */
  name: string;
  /** What the operations under it do. */
  description?: string;
}

/**
 * An OpenAPI document (3.0 or 3.1), as plain JSON data. Structurally an
 * `OpenAPIObject` of `@nestjs/swagger` (7, 8, 11 and 12), so
 * `SwaggerModule.setup('docs', app, document)` takes it without a cast.
 */
export interface OpenApiDocument {
  /** The OpenAPI version, `3.1.0` or `3.0.3` (or the completed document's own). */
  openapi: string;
  /** Title, version and description of the API. */
  info: { title: string; version: string; description?: string };
  /** Where the API is served; absent means the document's own origin. */
  servers?: OpenApiServer[];
  /** The operations, by path. */
  paths: Record<string, OpenApiPathItem>;
  /** Schemas and shared responses. */
  components?: { schemas?: Record<string, JsonSchema>; responses?: Record<string, OpenApiResponse | OpenApiReference> };
  /** The tags, described. */
  tags?: OpenApiTag[];
}

/**
 * A document to complete: what `SwaggerModule.createDocument` returns, or any
 * OpenAPI 3.0 or 3.1 document (it is copied, never changed).
 */
export interface OpenApiDocumentInput {
  /** Its OpenAPI version: `3.0.x` or `3.1.x`. */
  openapi: string;
  /** Its title and version. */
  info: { title: string; version: string; description?: string };
  /** Its operations. */
  paths: object;
  /** Its components. */
  components?: object;
  /** Its tags. */
  tags?: OpenApiTag[];
  /** Its servers. */
  servers?: OpenApiServer[];
}

/** One route of an app, to describe as an operation. */
export interface OpenApiRoute {
  /** The HTTP method, lower case. */
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** The path, such as `/v1/chat/completions` (`{id}` for a path parameter). */
  path: string;
  /** A unique id; default the method and path in camel case. */
  operationId?: string;
  /** A one-line summary. */
  summary?: string;
  /** Tags that group it in the docs. */
  tags?: string[];
  /** The model of the JSON request body, if it takes one. */
  body?: ModelClass;
  /** The model of the JSON answer; without one the answer is described but has no schema. */
  response?: ModelClass;
  /** The model of each chunk, when `"stream": true` makes the answer Server-Sent Events. */
  stream?: ModelClass;
}

/** Options of `buildOpenApiDocument`. */
export interface OpenApiOptions {
  /** `info.title`; default `"OpenAI-compatible API"` (or the completed document's). */
  title?: string;
  /** `info.version`; default this package's version (or the completed document's). */
  version?: string;
  /** `info.description`, Markdown. */
  description?: string;
  /** `servers`, such as `[{ url: "http://127.0.0.1:8000" }]`; default none (the document's own origin). */
  servers?: OpenApiServer[];
  /**
   * The OpenAPI version: `'3.1'` (JSON Schema 2020-12, `"type": ["string", "null"]`)
   * or `'3.0'` (`nullable: true`, never `"type": "null"`). Default `'3.1'`, or
   * the completed document's version.
   */
  openapi?: '3.0' | '3.1';
  /**
   * The routes to describe. Default: the demo server's `GET /v1/models`,
   * `POST /v1/chat/completions`, `POST /v1/completions` and
   * `POST /v1/count_tokens` (none when completing a `document`).
   */
  routes?: readonly OpenApiRoute[];
  /**
   * A document to complete, such as `SwaggerModule.createDocument(app, config)`'s:
   * its paths, tags and schemas are kept, `routes` are added to its paths, and
   * the schemas of `models` and of the routes' models (written in its OpenAPI
   * version) replace its schemas of the same name.
   */
  document?: OpenApiDocumentInput;
  /** More models to put in `components.schemas`, with every model they reach. */
  models?: readonly ModelClass[];
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

function errorResponses(statuses: readonly string[]): Record<string, OpenApiReference> {
  const out: Record<string, OpenApiReference> = {};
  for (const s of statuses) out[s] = { $ref: `#/components/responses/${ERRORS[s].name}` };
  return out;
}

function jsonBody(schema: string, description: string): OpenApiRequestBody {
  return { description, required: true, content: { 'application/json': { schema: ref(schema) } } };
}

const POST_ERRORS = ['400', '404', '413', '415', '500'];
const SSE_NOTE =
  'With `"stream": true` the answer is `text/event-stream`: one `data: <chunk JSON>` event per chunk (the schema below), then `data: [DONE]`.';

/** The demo server's routes, the default of `routes`. */
export const DEMO_ROUTES: readonly OpenApiRoute[] = Object.freeze([
  { method: 'get', path: '/v1/models', operationId: 'listModels', tags: ['Models'], summary: 'List the models' },
  {
    method: 'post',
    path: '/v1/chat/completions',
    operationId: 'createChatCompletion',
    tags: ['Chat'],
    summary: 'Create a chat completion',
    body: ChatCompletionRequest,
    response: ChatCompletionResponse,
    stream: ChatCompletionStreamResponse,
  },
  {
    method: 'post',
    path: '/v1/completions',
    operationId: 'createCompletion',
    tags: ['Completions'],
    summary: 'Create a completion',
    body: CompletionRequest,
    response: CompletionResponse,
    stream: CompletionStreamResponse,
  },
  {
    method: 'post',
    path: '/v1/count_tokens',
    operationId: 'countTokens',
    tags: ['Tokens'],
    summary: "Count the tokens of a text or a conversation with a model's tokenizer",
    body: CountTokenRequest,
  },
] satisfies OpenApiRoute[]);

/** The demo routes whose answers are not models: their schemas in EXTRA_SCHEMAS. */
const DEMO_ANSWERS: Record<string, string> = { '/v1/models': 'ModelList', '/v1/count_tokens': 'TokenCount' };
const DEMO_TAGS: OpenApiTag[] = [
  { name: 'Models', description: 'The models the server serves.' },
  { name: 'Chat', description: 'Chat completions.' },
  { name: 'Completions', description: 'Legacy text completions.' },
  { name: 'Tokens', description: 'Token counting.' },
];

/** `post /v1/chat/completions` → `postV1ChatCompletions`. */
function defaultOperationId(route: OpenApiRoute): string {
  const words = `${route.method} ${route.path}`.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1))).join('');
}

/** The operation of one route; its models' names are added to `models`. */
function operation(route: OpenApiRoute, models: Set<ModelClass>): OpenApiOperation {
  const op: OpenApiOperation = {
    operationId: route.operationId ?? defaultOperationId(route),
    ...(route.tags ? { tags: [...route.tags] } : {}),
    ...(route.summary !== undefined ? { summary: route.summary } : {}),
    responses: {},
  };
  const params = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => ({ name: m[1], in: 'path' as const, required: true, schema: { type: 'string' } }));
  if (params.length) op.parameters = params;
  if (route.stream) op.description = SSE_NOTE;
  if (route.body) {
    models.add(route.body);
    op.requestBody = jsonBody(route.body.name, `A \`${route.body.name}\`; unknown keys are kept and passed on.`);
  }
  const content: Record<string, OpenApiMediaType> = {};
  const answer = route.response?.name ?? DEMO_ANSWERS[route.path];
  if (route.response) models.add(route.response);
  if (answer) content['application/json'] = { schema: ref(answer) };
  if (route.stream) {
    models.add(route.stream);
    content['text/event-stream'] = { schema: ref(route.stream.name) };
  }
  const description = route.stream
    ? `A \`${answer}\`, or with \`"stream": true\` a stream of \`${route.stream.name}\` chunks ending with \`data: [DONE]\`.`
    : answer === 'ModelList'
      ? 'The models.'
      : answer === 'TokenCount'
        ? 'The count.'
        : answer
          ? `A \`${answer}\`.`
          : 'Done.';
  op.responses['200'] = { description, ...(Object.keys(content).length ? { content } : {}) };
  Object.assign(op.responses, errorResponses(route.method === 'get' || route.method === 'delete' ? ['404', '500'] : POST_ERRORS));
  return op;
}

/**
 * An OpenAPI document of OpenAI routes, version 3.1 by default or 3.0 with
 * `openapi: '3.0'`. With no options it describes the demo server:
 * `GET /v1/models`, `POST /v1/chat/completions`, `POST /v1/completions`,
 * `POST /v1/count_tokens`. `routes` describes an app's own routes instead;
 * `document` completes a document such as `SwaggerModule.createDocument`'s
 * (its version is kept). Request and response bodies are the models' JSON
 * Schemas (see `jsonSchema`), all under `components.schemas`; streamed answers
 * are `text/event-stream` with the chunk schema; errors use OpenAI's
 * `{"error": {message, type, param, code}}`. A fresh object each call.
 * @example
 * const document = buildOpenApiDocument({ document: SwaggerModule.createDocument(app, config) });
 * SwaggerModule.setup('docs', app, document);
 */
export function buildOpenApiDocument(options: OpenApiOptions = {}): OpenApiDocument {
  const base = options.document ? (JSON.parse(JSON.stringify(options.document)) as OpenApiDocument) : undefined;
  const family = base ? (/^3\.0\./.test(base.openapi) ? '3.0' : '3.1') : '3.1';
  const version = options.openapi ?? family;
  if (base && version !== family) {
    throw new TypeError(`buildOpenApiDocument: the document is OpenAPI ${base.openapi}; it can be completed as ${family}, not ${version}`);
  }
  const routes = options.routes ?? (base ? [] : DEMO_ROUTES);
  const models = new Set<ModelClass>();
  const paths: Record<string, OpenApiPathItem> = base?.paths ?? {};
  for (const route of routes) {
    const item = (paths[route.path] ??= {});
    item[route.method] = operation(route, models);
  }
  for (const model of options.models ?? []) models.add(model);
  const open = (schema: JsonSchema): JsonSchema => (version === '3.0' ? toOpenApi30(schema) : schema);
  const extra = JSON.parse(JSON.stringify(EXTRA_SCHEMAS)) as Record<string, JsonSchema>;
  const schemas: Record<string, JsonSchema> = {
    ...(base?.components?.schemas ?? {}),
    ...modelSchemas([...models], { refPrefix: REF, openapi: version }),
  };
  const usesDemo = routes.some((r) => DEMO_ANSWERS[r.path] && !r.response);
  for (const name of ['ErrorResponse', ...(usesDemo ? ['Model', 'ModelList', 'TokenCount'] : [])]) schemas[name] ??= open(extra[name]);
  const responses: Record<string, OpenApiResponse | OpenApiReference> = { ...(base?.components?.responses ?? {}) };
  for (const { name, description } of Object.values(ERRORS)) {
    responses[name] ??= { description, content: { 'application/json': { schema: ref('ErrorResponse') } } };
  }
  const info = base?.info ?? { title: 'OpenAI-compatible API', version: packageVersion() };
  const tags = base?.tags ?? (options.routes ? [] : DEMO_TAGS.map((t) => ({ ...t })));
  return {
    ...(base ?? {}),
    openapi: base?.openapi ?? (version === '3.0' ? '3.0.3' : '3.1.0'),
    info: {
      ...info,
      ...(options.title !== undefined ? { title: options.title } : {}),
      ...(options.version !== undefined ? { version: options.version } : {}),
      ...(options.description !== undefined ? { description: options.description } : {}),
    },
    ...(options.servers ? { servers: options.servers.map((s) => ({ ...s })) } : {}),
    ...(tags.length ? { tags } : {}),
    paths,
    components: { ...(base?.components ?? {}), schemas, responses },
  };
}
