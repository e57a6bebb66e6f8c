/**
 * buildOpenApiDocument: the demo server's OpenAPI 3.1 document (valid, complete, built from the models' own schemas),
 * its 3.0 form, an app's own routes, a document to complete, and a return type that @nestjs/swagger's setup takes.
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import * as ts from 'typescript';
import { validate, compileErrors } from '@readme/openapi-parser';
import { ChatCompletionRequest, ChatCompletionResponse, ChatCompletionStreamResponse, CompletionRequest, CountTokenRequest, StrField } from '../../src';
import { buildOpenApiDocument } from '../../src/nest/openapi';
import type { OpenApiRoute } from '../../src/nest/openapi';
import { jsonSchema, modelSchemas } from '../../src/schema';
import { loadCorpus, modelClass } from '../corpus';
import { MAJORS, prepare } from '../helpers/nest-majors';
import { fromOpenApi30 } from '../helpers/openapi30';
import { refs } from '../helpers/refs';

type Doc = Record<string, any>;

const doc = buildOpenApiDocument() as Doc;
const OPERATIONS: Array<[string, string]> = [
  ['/v1/models', 'get'],
  ['/v1/chat/completions', 'post'],
  ['/v1/completions', 'post'],
  ['/v1/count_tokens', 'post'],
];

/** Follows a local `$ref` inside the document. */
function resolve(value: any): any {
  while (value && typeof value.$ref === 'string') {
    value = value.$ref
      .slice(2)
      .split('/')
      .reduce((node: any, key: string) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  }
  return value;
}

describe('buildOpenApiDocument', () => {
  it('passes @readme/openapi-parser validation as OpenAPI 3.1', async () => {
    const result = await validate(JSON.parse(JSON.stringify(doc)));
    expect(result.valid ? 'valid' : compileErrors(result)).toBe('valid');
    expect(doc.openapi).toBe('3.1.0');
  });

  it('fails that validation when the document is broken (the validator is really checking)', async () => {
    const broken = JSON.parse(JSON.stringify(doc));
    broken.paths['/v1/count_tokens'].post.responses['200'].content['application/json'].schema = { $ref: '#/components/schemas/Nope' };
    expect((await validate(broken)).valid).toBe(false);
  });

  it('has exactly the demo server operations', () => {
    const ops = Object.entries(doc.paths as Doc).flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`));
    expect(ops.sort()).toEqual(['GET /v1/models', 'POST /v1/chat/completions', 'POST /v1/completions', 'POST /v1/count_tokens']);
  });

  it('gives every POST a JSON request body schema from its model', () => {
    const bodies = Object.fromEntries(
      OPERATIONS.filter(([, m]) => m === 'post').map(([p, m]) => [p, doc.paths[p][m].requestBody.content['application/json'].schema.$ref]),
    );
    expect(bodies).toEqual({
      '/v1/chat/completions': '#/components/schemas/ChatCompletionRequest',
      '/v1/completions': '#/components/schemas/CompletionRequest',
      '/v1/count_tokens': '#/components/schemas/CountTokenRequest',
    });
    for (const [p, m] of OPERATIONS.filter(([, m]) => m === 'post')) expect(doc.paths[p][m].requestBody.required).toBe(true);
  });

  it('gives every operation a 200 schema: JSON, plus the chunk schema as text/event-stream when it streams', () => {
    const ok = Object.fromEntries(
      OPERATIONS.map(([p, m]) => {
        const content = doc.paths[p][m].responses['200'].content;
        return [p, Object.fromEntries(Object.entries(content as Doc).map(([type, media]) => [type, media.schema.$ref.split('/').pop()]))];
      }),
    );
    expect(ok).toEqual({
      '/v1/models': { 'application/json': 'ModelList' },
      '/v1/chat/completions': { 'application/json': 'ChatCompletionResponse', 'text/event-stream': 'ChatCompletionStreamResponse' },
      '/v1/completions': { 'application/json': 'CompletionResponse', 'text/event-stream': 'CompletionStreamResponse' },
      '/v1/count_tokens': { 'application/json': 'TokenCount' },
    });
  });

  it('answers errors with the OpenAI error form: 400, 404, 413, 415, 500 on every POST', () => {
    for (const [p, m] of OPERATIONS) {
      const statuses = Object.keys(doc.paths[p][m].responses).filter((s) => s !== '200');
      expect([p, statuses]).toEqual([p, m === 'post' ? ['400', '404', '413', '415', '500'] : ['404', '500']]);
      for (const s of statuses) {
        const response = resolve(doc.paths[p][m].responses[s]);
        expect([p, s, response.content['application/json'].schema]).toEqual([p, s, { $ref: '#/components/schemas/ErrorResponse' }]);
      }
    }
    const check = new Ajv2020({ strict: false }).compile({ ...doc.components.schemas.ErrorResponse });
    expect(check({ error: { message: 'x', type: 'invalid_request_error', param: 'messages.0.role', code: null } })).toBe(true);
    expect(check({ error: { message: 'x', type: 'invalid_request_error' } })).toBe(false);
    expect(check({ message: 'x' })).toBe(false);
  });

  it('has every $ref resolve inside the document', () => {
    const missing = refs(doc).filter((r) => resolve({ $ref: r }) === undefined);
    expect(missing).toEqual([]);
  });

  it('holds the same schemas as jsonSchema(), with refs under #/components/schemas', () => {
    for (const cls of [ChatCompletionRequest, ChatCompletionResponse, ChatCompletionStreamResponse, CountTokenRequest]) {
      const { $schema: _s, $defs, ...root } = jsonSchema(cls) as Doc;
      const rewrite = (s: unknown) => JSON.parse(JSON.stringify(s).split('"#/$defs/').join('"#/components/schemas/'));
      expect(doc.components.schemas[cls.name]).toEqual(rewrite(root));
      for (const [name, def] of Object.entries($defs as Doc)) expect(doc.components.schemas[name]).toEqual(rewrite(def));
    }
  });

  it('validates real bodies with the component schemas', () => {
    // The whole components object under one $id, so '#/components/schemas/X' resolves as in the document.
    const ajv = new Ajv2020({ strict: false });
    ajv.addSchema({ $id: 'https://example.test/openapi.json', components: doc.components });
    const body = ajv.getSchema('https://example.test/openapi.json#/components/schemas/ChatCompletionRequest')!;
    expect(body({ model: 'echo', messages: [{ role: 'user', content: 'hi' }], stream: true })).toBe(true);
    expect(body({ model: 'echo', messages: [{ content: 'hi' }] })).toBe(false);
  });

  it('takes title, version, description and servers from the options', () => {
    const custom = buildOpenApiDocument({ title: 'Gateway', version: '2.1.0', description: 'Hi', servers: [{ url: 'http://127.0.0.1:8000' }] }) as Doc;
    expect(custom.info).toEqual({ title: 'Gateway', version: '2.1.0', description: 'Hi' });
    expect(custom.servers).toEqual([{ url: 'http://127.0.0.1:8000' }]);
    expect(doc.info.version).toBe(JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')).version);
  });

  it('is plain data: no NestJS import, and a fresh object each call', () => {
    const source = fs.readFileSync(path.resolve(__dirname, '../../src/nest/openapi.ts'), 'utf8');
    expect(source).not.toMatch(/from '@nestjs\//);
    expect(source).not.toMatch(/require\('@nestjs\//);
    const a = buildOpenApiDocument() as Doc;
    a.components.schemas.ErrorResponse.title = 'changed';
    expect((buildOpenApiDocument() as Doc).components.schemas.ErrorResponse.title).toBe('ErrorResponse');
  });
});

describe('buildOpenApiDocument as OpenAPI 3.0', () => {
  const doc30 = buildOpenApiDocument({ openapi: '3.0' }) as Doc;

  it('is a valid 3.0.3 document with nullable: true and no "type": "null", type list or 2020-12 keyword', async () => {
    expect(doc30.openapi).toBe('3.0.3');
    const result = await validate(JSON.parse(JSON.stringify(doc30)));
    expect(result.valid ? 'valid' : compileErrors(result)).toBe('valid');
    const text = JSON.stringify(doc30);
    expect(text).not.toMatch(/"type":"null"|"type":\[|"\$defs"|"const"|"examples"|"prefixItems"/);
    expect(doc30.components.schemas.ChatCompletionRequest.properties.user).toEqual({
      type: 'string',
      nullable: true,
      default: null,
      description: 'An end-user id, for abuse monitoring.',
    });
    expect(doc30.components.schemas.ErrorResponse.properties.error.properties.param).toMatchObject({ type: 'string', nullable: true });
  });

  it('has the same operations as the 3.1 document', () => {
    expect(doc30.paths).toEqual(doc.paths);
  });

  it('accepts every accepted corpus request and response dump, as the 3.1 document does, and rejects bad ones', () => {
    const ajv30 = new Ajv({ strict: false });
    ajv30.addSchema({ $id: 'https://example.test/openapi30.json', components: fromOpenApi30(doc30.components) });
    const ajv31 = new Ajv2020({ strict: false });
    ajv31.addSchema({ $id: 'https://example.test/openapi.json', components: doc.components });
    const cases = loadCorpus().filter((c) => c.ok && ['ChatCompletionRequest', 'ChatCompletionResponse', 'CompletionRequest'].includes(c.model));
    expect(cases.length).toBeGreaterThan(300);
    const bad: string[] = [];
    for (const c of cases) {
      const dump = modelClass(c.model).parse(c.input).toJSON();
      for (const [name, ajv] of [['openapi30', ajv30], ['openapi', ajv31]] as const) {
        const check = ajv.getSchema(`https://example.test/${name}.json#/components/schemas/${c.model}`)!;
        if (!check(dump)) bad.push(`${name} ${c.model} ${c.id}: ${ajv.errorsText(check.errors)}`);
      }
    }
    expect(bad).toEqual([]);
    const request = ajv30.getSchema('https://example.test/openapi30.json#/components/schemas/ChatCompletionRequest')!;
    expect(request({ model: 'm', messages: [], user: null })).toBe(true);
    expect(request({ model: 'm', messages: [], user: 5 })).toBe(false);
    expect(request({ model: 'm', messages: [], max_tokens: null })).toBe(false);
  });
});

describe("buildOpenApiDocument with an app's routes", () => {
  class TenantRequest extends ChatCompletionRequest {
    @StrField({ optional: true }) tenant?: string;
  }
  const routes: OpenApiRoute[] = [
    { method: 'post', path: '/tenants/{tenant}/chat', body: TenantRequest, response: ChatCompletionResponse, stream: ChatCompletionStreamResponse },
    { method: 'get', path: '/health', summary: 'Health check' },
  ];
  const custom = buildOpenApiDocument({ routes, title: 'Gateway' }) as Doc;

  it('describes exactly those routes, with path parameters, and stays valid', async () => {
    expect(Object.keys(custom.paths)).toEqual(['/tenants/{tenant}/chat', '/health']);
    const chat = custom.paths['/tenants/{tenant}/chat'].post;
    expect(chat.operationId).toBe('postTenantsTenantChat');
    expect(chat.parameters).toEqual([{ name: 'tenant', in: 'path', required: true, schema: { type: 'string' } }]);
    expect(chat.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/TenantRequest' });
    expect(Object.keys(chat.responses)).toEqual(['200', '400', '404', '413', '415', '500']);
    expect(chat.responses['200'].content['text/event-stream'].schema).toEqual({ $ref: '#/components/schemas/ChatCompletionStreamResponse' });
    expect(custom.paths['/health'].get).toEqual({
      operationId: 'getHealth',
      summary: 'Health check',
      responses: { '200': { description: 'Done.' }, '404': { $ref: '#/components/responses/NotFound' }, '500': { $ref: '#/components/responses/InternalError' } },
    });
    expect(custom.tags).toBeUndefined();
    const result = await validate(JSON.parse(JSON.stringify(custom)));
    expect(result.valid ? 'valid' : compileErrors(result)).toBe('valid');
  });

  it("puts the routes' models, the subclass's own field included, and the error form in the components, and nothing of the demo", () => {
    const names = Object.keys(custom.components.schemas);
    expect(names).toEqual(expect.arrayContaining(['TenantRequest', 'ChatCompletionResponse', 'ChatCompletionStreamResponse', 'ChatMessage', 'ErrorResponse']));
    expect(names).not.toContain('ChatCompletionRequest');
    expect(names).not.toContain('ModelList');
    expect(custom.components.schemas.TenantRequest.properties.tenant).toEqual({ type: 'string' });
    expect(refs(custom).filter((r) => resolveIn(custom, r) === undefined)).toEqual([]);
  });
});

describe('buildOpenApiDocument completing a document', () => {
  /** What `SwaggerModule.createDocument` gives for a controller whose body has no Swagger metadata (3.0, an empty schema). */
  const nest = {
    openapi: '3.0.0',
    info: { title: 'Nest app', description: '', version: '1.0', contact: {} },
    tags: [],
    servers: [],
    paths: {
      '/v1/chat/completions': {
        post: {
          operationId: 'ChatController_chat',
          parameters: [],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ChatCompletionRequest' } } } },
          responses: { '201': { description: '' } },
        },
      },
    },
    components: { schemas: { ChatCompletionRequest: { type: 'object', properties: {} }, Other: { type: 'object', properties: { a: { type: 'string' } } } } },
  };
  const done = buildOpenApiDocument({ document: nest, models: [ChatCompletionRequest] }) as Doc;

  it('keeps its version, info and paths, and replaces the empty model schema with the full 3.0 one', async () => {
    expect(done.openapi).toBe('3.0.0');
    expect(done.info).toEqual(nest.info);
    expect(done.paths).toEqual(nest.paths);
    expect(done.components.schemas.Other).toEqual(nest.components.schemas.Other);
    expect(Object.keys(done.components.schemas.ChatCompletionRequest.properties)).toEqual([...ChatCompletionRequest.fieldNames]);
    expect(JSON.stringify(done)).not.toMatch(/"type":"null"|"type":\[/);
    const result = await validate(JSON.parse(JSON.stringify(done)));
    expect(result.valid ? 'valid' : compileErrors(result)).toBe('valid');
    expect(nest.components.schemas.ChatCompletionRequest).toEqual({ type: 'object', properties: {} });
  });

  it('adds routes to its paths in its version, and refuses to change that version', () => {
    const more = buildOpenApiDocument({ document: nest, routes: [{ method: 'post', path: '/v1/completions', body: CompletionRequest }] }) as Doc;
    expect(Object.keys(more.paths)).toEqual(['/v1/chat/completions', '/v1/completions']);
    expect(more.components.schemas.CompletionRequest.properties.suffix).toMatchObject({ nullable: true });
    expect(() => buildOpenApiDocument({ document: nest, openapi: '3.1' })).toThrow('the document is OpenAPI 3.0.0; it can be completed as 3.0, not 3.1');
  });

  it('completes a 3.1 document (DocumentBuilder().setOpenAPIVersion("3.1.0")) with 3.1 schemas', async () => {
    const nest31 = { ...nest, openapi: '3.1.0' };
    const done31 = buildOpenApiDocument({ document: nest31, models: [ChatCompletionRequest] }) as Doc;
    expect(done31.openapi).toBe('3.1.0');
    expect(done31.components.schemas.ChatCompletionRequest.properties.user).toMatchObject({ anyOf: [{ type: 'string' }, { type: 'null' }] });
    expect(JSON.stringify(done31)).not.toMatch(/"nullable"/);
    const result = await validate(JSON.parse(JSON.stringify(done31)));
    expect(result.valid ? 'valid' : compileErrors(result)).toBe('valid');
  });

  it("merging modelSchemas(…, { openapi: '3.0' }) into a 3.0 document by hand gives no \"type\": \"null\" and stays valid", async () => {
    const merged = { ...nest, components: { schemas: { ...nest.components.schemas, ...modelSchemas([ChatCompletionRequest], { openapi: '3.0' }) } } };
    expect(JSON.stringify(merged)).not.toMatch(/"type":"null"|"type":\[/);
    const result = await validate(JSON.parse(JSON.stringify(merged)));
    expect(result.valid ? 'valid' : compileErrors(result)).toBe('valid');
    // Without the option, the schemas are JSON Schema 2020-12, which a 3.0 validator rejects.
    const raw = { ...nest, components: { schemas: { ...nest.components.schemas, ...modelSchemas([ChatCompletionRequest]) } } };
    expect((await validate(JSON.parse(JSON.stringify(raw)))).valid).toBe(false);
  });
});

describe('the return type fits SwaggerModule.setup', () => {
  const ROOT = path.resolve(__dirname, '../..');
  /** The OpenAPIObject declarations of each @nestjs/swagger release the tests run. */
  const RELEASES: Record<string, string> = {
    '7 (NestJS 10)': path.join(ROOT, 'test/nest-majors/v10/node_modules/@nestjs/swagger'),
    '11 (NestJS 11)': path.join(ROOT, 'test/nest-majors/v11/node_modules/@nestjs/swagger'),
    '12 (NestJS 12)': path.join(ROOT, 'node_modules/@nestjs/swagger'),
  };
  beforeAll(() => {
    for (const dir of Object.values(MAJORS)) if (dir) prepare(dir);
  }, 600_000);

  it.each(Object.entries(RELEASES))('@nestjs/swagger %s: the document is an OpenAPIObject, and its OpenAPIObject can be completed', (name, dir) => {
    const file = path.join(ROOT, '.scratch', `openapi-type-${name.split(' ')[0]}.ts`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const code = (api: string) => `import type { OpenAPIObject } from ${JSON.stringify(path.join(dir, 'dist/interfaces/open-api-spec.interface'))};
import { buildOpenApiDocument } from ${JSON.stringify(path.join(ROOT, api))};
declare const created: OpenAPIObject;
export const completed: OpenAPIObject = buildOpenApiDocument({ document: created });
export const demo: OpenAPIObject = buildOpenApiDocument({ openapi: '3.0' });
`;
    const check = (api: string): string[] => {
      fs.writeFileSync(file, code(api));
      const program = ts.createProgram([file], { strict: true, noEmit: true, skipLibCheck: true, module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, moduleResolution: ts.ModuleResolutionKind.Node10 });
      return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    };
    expect(check('dist/nest/openapi')).toEqual([]);
    // The check can fail: a plain record (the old return type) is no OpenAPIObject.
    fs.writeFileSync(path.join(ROOT, '.scratch/openapi-record.d.ts'), 'export declare function buildOpenApiDocument(o?: object): Record<string, unknown>;\n');
    expect(check('.scratch/openapi-record').join('\n')).toMatch(/missing the following properties from type 'OpenAPIObject': openapi, info, paths/);
  }, 60_000);
});

function resolveIn(document: Doc, pointer: string): unknown {
  return pointer
    .slice(2)
    .split('/')
    .reduce((node: any, key: string) => node?.[key], document);
}
