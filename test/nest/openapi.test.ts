/** The demo server's OpenAPI 3.1 document: valid, complete, and built from the models' own schemas. */
import * as fs from 'fs';
import * as path from 'path';
import Ajv2020 from 'ajv/dist/2020';
import { validate, compileErrors } from '@readme/openapi-parser';
import { ChatCompletionRequest, ChatCompletionResponse, ChatCompletionStreamResponse, CountTokenRequest } from '../../src';
import { buildOpenApiDocument } from '../../src/nest/openapi';
import { jsonSchema } from '../../src/schema';
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
