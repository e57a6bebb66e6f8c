/**
 * @nestjs/swagger documents the models from the library's own field
 * decorators: NestJS 10, 11 and 12 apps (test/nest-majors/swagger-app.js), each
 * with the @nestjs/swagger release made for that major (and NestJS 10 with 8
 * too, the last line for it), set up as Swagger's
 * docs say and with no @ApiProperty anywhere. Their served documents are
 * checked against the models' JSON Schemas, validated, and used to validate
 * every accepted corpus dump; headless Chromium reads a field's description
 * off each app's Swagger UI page.
 */
import * as path from 'path';
import Ajv from 'ajv';
import { compileErrors, validate } from '@readme/openapi-parser';
import type { Browser } from 'playwright-core';
import {
  ChatCompletionRequest,
  ChatCompletionResponse,
  ChatMessage,
  Field,
  IntField,
  JSONSchema,
  JsonSchemaResponseFormat,
  ListField,
  ModelField,
  OpenAIBaseModel,
  ResponseFormat,
  StrField,
  UnionField,
  jsonSchema,
  listOf,
  modelType,
  strType,
} from '../../src';
import type { FieldType, ModelClass } from '../../src';
import { SWAGGER_EXTRA_MODELS, SWAGGER_PROPERTIES, SWAGGER_PROPERTIES_ARRAY } from '../../src/schema/swagger';
import { buildOpenApiDocument } from '../../src/nest/openapi';
import type { OpenApiDocumentInput } from '../../src/nest/openapi';
import { loadCorpus, modelClass } from '../corpus';
import { refs } from '../helpers/refs';
import { App, FIXTURES, MAJORS, prepare, start } from '../helpers/nest-majors';
import { fromOpenApi30 } from '../helpers/openapi30';
import { launchChromium } from '../e2e/browser';

type Doc = Record<string, any>;

/** The app's own subclass, declared the same way here: one optional field of its own, with a description. */
class TenantRequest extends ChatCompletionRequest {
  @JSONSchema({ description: 'The billing tenant of this request.' })
  @StrField({ optional: true, nullable: true })
  tenant?: string | null;
}

/**
 * The apps: each NestJS major with the @nestjs/swagger released with it (7 for
 * NestJS 10, 11, 12), and NestJS 10 with 8 too, the last line that supports it.
 */
const SETUPS: Record<string, string> = { ...MAJORS, '10 + @nestjs/swagger 8': path.join(FIXTURES, 'v10-swagger8') };
/** The @nestjs/swagger major each app must run. */
const SWAGGER_MAJOR: Record<string, string> = { '10': '7', '10 + @nestjs/swagger 8': '8', '11': '11', '12': '12' };
const ROOTS: ModelClass[] = [ChatCompletionRequest, ChatCompletionResponse, TenantRequest];

const apps = new Map<string, App>();
const docs = new Map<string, Doc>();

beforeAll(async () => {
  for (const dir of Object.values(SETUPS)) if (dir) prepare(dir);
  for (const [major, dir] of Object.entries(SETUPS)) {
    const app = await start('swagger-app.js', [dir]);
    apps.set(major, app);
    const res = await fetch(`${app.origin}/docs-json`);
    docs.set(major, (await res.json()) as Doc);
  }
}, 600_000);

afterAll(() => {
  for (const app of apps.values()) app.child.kill();
});

/** Whether a JSON Schema (2020-12) property accepts null. */
function acceptsNull(s: Doc): boolean {
  return s.type === 'null' || (Array.isArray(s.anyOf) && s.anyOf.some(acceptsNull));
}

/** Every value of `key` anywhere in `value`. */
function valuesOf(value: unknown, key: string, out: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const v of value) valuesOf(v, key, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === key) out.push(v);
      valuesOf(v, key, out);
    }
  }
  return out;
}

const accepted = loadCorpus().filter((c) => c.ok);

/** What @nestjs/swagger reads for a property: the class's property list first (as every release does), then the property's metadata (a copy, as it takes one). */
function property(cls: Function, name: string): Doc {
  expect(Reflect.getMetadata(SWAGGER_PROPERTIES_ARRAY, cls.prototype)).toContain(`:${name}`);
  return { ...Reflect.getMetadata(SWAGGER_PROPERTIES, cls.prototype, name) };
}

describe('the metadata every field decorator records under @nestjs/swagger keys', () => {
  test("the property list is the class's fields as \":name\", parents' first", () => {
    const names = Reflect.getMetadata(SWAGGER_PROPERTIES_ARRAY, ChatCompletionRequest.prototype) as string[];
    expect(names).toEqual([...ChatCompletionRequest.fieldNames].map((n) => `:${n}`));
    expect(Reflect.getMetadata(SWAGGER_PROPERTIES_ARRAY, TenantRequest.prototype)).toEqual([...names, ':tenant']);
  });

  test('a scalar is its OpenAPI 3.0 schema with `required`; a nested model or list of models is a lazy `type` Swagger follows', () => {
    expect(property(ChatCompletionRequest, 'max_tokens')).toEqual({
      type: 'integer',
      minimum: -Number.MAX_SAFE_INTEGER,
      maximum: Number.MAX_SAFE_INTEGER,
      description: 'Most tokens to generate.',
      default: 128,
      required: false,
    });
    const messages = property(ChatCompletionRequest, 'messages');
    expect(messages).toEqual({ type: expect.any(Function), isArray: true, description: 'The conversation so far.', required: true });
    // @nestjs/swagger calls a function named `type` to get the class (its lazy type resolver).
    expect([messages.type.name, messages.type()]).toEqual(['type', ChatMessage]);
    expect(property(ChatCompletionRequest, 'user')).toEqual({
      type: 'string',
      nullable: true,
      default: null,
      description: 'An end-user id, for abuse monitoring.',
      required: false,
    });
  });

  test('the models that only a union or choice references are extra models of the class', () => {
    const extra = [...(Reflect.getMetadata(SWAGGER_EXTRA_MODELS, ChatCompletionRequest) as Function[])];
    expect(extra).toEqual(expect.arrayContaining([JsonSchemaResponseFormat, ResponseFormat]));
    expect(extra).not.toContain(ChatCompletionRequest);
  });

  test('nothing is computed until Swagger reads it, so a field may name a class declared later', () => {
    const calls: string[] = [];
    const counted: FieldType = { ...strType, toJsonSchema: (ref) => (calls.push('schema'), strType.toJsonSchema(ref)) };
    class Early extends OpenAIBaseModel {
      @Field(counted) name!: string;
      @ModelField(() => Late) late!: Late;
    }
    class Late extends OpenAIBaseModel {
      @IntField() n!: number;
    }
    expect(calls).toEqual([]);
    expect(property(Early, 'name')).toEqual({ type: 'string', required: true });
    expect(calls.length).toBeGreaterThan(0);
    expect(property(Early, 'late').type()).toBe(Late);
  });

  test("a subclass's own fields and changed defaults are its own; the parent's stay", () => {
    class Longer extends ChatCompletionRequest {
      @StrField() session = 's';
      override max_tokens = 256;
    }
    expect(property(Longer, 'max_tokens').default).toBe(256);
    expect(property(Longer, 'session')).toEqual({ type: 'string', default: 's', required: false });
    expect(property(ChatCompletionRequest, 'max_tokens').default).toBe(128);
    expect(Reflect.getMetadata(SWAGGER_PROPERTIES, ChatCompletionRequest.prototype, 'session')).toBeUndefined();
  });

  test("a user's own @ApiProperty metadata on the property keeps its keys over the library's", () => {
    class Documented extends OpenAIBaseModel {
      @StrField() name!: string;
    }
    // What `@ApiProperty({ example: 'gpt-4o', description: 'Mine.' })` records, applied before the field decorator.
    class Annotated extends OpenAIBaseModel {
      @StrField()
      @((target: object, key: string | symbol) => Reflect.defineMetadata(SWAGGER_PROPERTIES, { example: 'gpt-4o', description: 'Mine.' }, target, key))
      name!: string;
    }
    expect(property(Documented, 'name')).toEqual({ type: 'string', required: true });
    expect(property(Annotated, 'name')).toEqual({ type: 'string', required: true, example: 'gpt-4o', description: 'Mine.' });
    // With emitDecoratorMetadata, `@ApiProperty({ description })` fills `type` from design:type (Array here): the item model stays.
    class Listed extends OpenAIBaseModel {
      @ListField(modelType(() => ChatMessage))
      @((target: object, key: string | symbol) => {
        Reflect.defineMetadata('design:type', Array, target, key);
        Reflect.defineMetadata(SWAGGER_PROPERTIES, { type: Array, description: 'Mine.' }, target, key);
      })
      messages!: ChatMessage[];
    }
    const listed = property(Listed, 'messages');
    expect([listed.type(), listed.isArray, listed.description]).toEqual([ChatMessage, true, 'Mine.']);
  });

  test("an @ApiProperty above the field decorator (it merges into the library's metadata at once) wins, and later fields are still right", () => {
    // What @nestjs/swagger's createPropertyDecorator does: add the name to the list, then spread the existing metadata, its own keys over it.
    const apiProperty =
      (extra: Doc) =>
      (target: object, key: string | symbol): void => {
        const names = (Reflect.getMetadata(SWAGGER_PROPERTIES_ARRAY, target) as string[] | undefined) ?? [];
        if (!names.includes(`:${String(key)}`)) Reflect.defineMetadata(SWAGGER_PROPERTIES_ARRAY, [...names, `:${String(key)}`], target);
        Reflect.defineMetadata(SWAGGER_PROPERTIES, { ...Reflect.getMetadata(SWAGGER_PROPERTIES, target, key), ...extra }, target, key);
      };
    class Above extends OpenAIBaseModel {
      @apiProperty({ description: 'Mine.' }) @StrField() name!: string;
      // Read while `Below` is not declared yet: nothing crashes, the user's keys stay.
      @apiProperty({ example: {} }) @ModelField(() => Below) below!: Below;
      @IntField() after = 1;
    }
    class Below extends OpenAIBaseModel {
      @IntField() n!: number;
    }
    expect(property(Above, 'name')).toEqual({ type: 'string', required: true, description: 'Mine.' });
    expect(property(Above, 'below')).toEqual({ example: {} });
    expect(property(Above, 'after')).toEqual({ type: 'integer', minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER, default: 1, required: false });
  });

  test('a model whose union holds itself does not list itself as an extra model (Swagger would recurse forever)', () => {
    class Tree extends OpenAIBaseModel {
      @UnionField([strType, listOf(modelType(() => Tree))]) children!: string | Tree[];
      @ListField(modelType(() => Tree)) more: Tree[] = [];
    }
    expect([...(Reflect.getMetadata(SWAGGER_EXTRA_MODELS, Tree) as Function[])]).toEqual([]);
    expect(property(Tree, 'children')).toEqual({
      oneOf: [{ type: 'string' }, { type: 'array', items: { $ref: '#/components/schemas/Tree' } }],
      type: 'object',
      required: true,
    });
  });
});

describe.each(Object.keys(SETUPS))('NestJS %s with its @nestjs/swagger', (major) => {
  const doc = (): Doc => docs.get(major)!;
  const schemas = (): Record<string, Doc> => doc().components.schemas;

  test('the app runs that @nestjs/swagger release, and the body and answer point at the models', () => {
    expect(apps.get(major)!.info.split('.')[0]).toBe(SWAGGER_MAJOR[major]);
    expect(doc().openapi).toBe('3.0.0');
    const op = doc().paths['/v1/chat/completions'].post;
    expect(op.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ChatCompletionRequest' });
    expect(op.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ChatCompletionResponse' });
    expect(doc().paths['/v1/tenant/chat/completions'].post.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/TenantRequest',
    });
  });

  test.each(ROOTS.map((c) => [c.name, c] as const))('%s: every field, in declaration order, required as in its JSON Schema', (_name, cls) => {
    const own = jsonSchema(cls) as Doc;
    const swagger = schemas()[cls.name];
    expect(Object.keys(swagger.properties)).toEqual([...(cls as typeof ChatCompletionRequest).fieldNames]);
    expect(Object.keys(swagger.properties)).toEqual(Object.keys(own.properties));
    expect(swagger.required).toEqual(own.required);
    expect(swagger.type).toBe('object');
  });

  test.each(ROOTS.map((c) => [c.name, c] as const))('%s: each field has its description, default and nullability', (_name, cls) => {
    const own = jsonSchema(cls) as Doc;
    for (const [name, s] of Object.entries(schemas()[cls.name].properties as Record<string, Doc>)) {
      const want = own.properties[name];
      expect([name, s.description]).toEqual([name, want.description]);
      expect([name, s.default]).toEqual([name, want.default]);
      expect([name, s.nullable === true]).toEqual([name, acceptsNull(want)]);
    }
  });

  test("a user's subclass documents its own field with its description, and ChatCompletionRequest does not have it", () => {
    expect(schemas().TenantRequest.properties.tenant).toEqual({ type: 'string', nullable: true, description: 'The billing tenant of this request.' });
    expect(schemas().ChatCompletionRequest.properties.tenant).toBeUndefined();
  });

  test("NestJS's own PickType over ChatCompletionRequest documents the picked fields as the model does", () => {
    const slim = schemas().SlimRequest;
    expect(doc().paths['/v1/slim/chat/completions'].post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/SlimRequest' });
    expect(slim.properties).toEqual({ model: schemas().ChatCompletionRequest.properties.model, messages: schemas().ChatCompletionRequest.properties.messages });
    expect(slim.required).toEqual(['model', 'messages']);
  });

  test("the library's PickModel and PartialModel document their own fields: picked ones as the model does, a partial one with none required", () => {
    const full = schemas().ChatCompletionRequest;
    const picked = schemas().PickedRequest;
    expect(doc().paths['/v1/picked/chat/completions'].post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/PickedRequest' });
    expect(picked.properties).toEqual({ model: full.properties.model, messages: full.properties.messages, max_tokens: full.properties.max_tokens });
    expect(picked.required).toEqual(['model', 'messages']);
    const patch = schemas().PatchRequest;
    expect(Object.keys(patch.properties)).toEqual(Object.keys(full.properties));
    expect(patch.required).toBeUndefined();
    expect(patch.properties.max_tokens.description).toBe(full.properties.max_tokens.description);
    expect(patch.properties.max_tokens.default).toBeUndefined();
  });

  test('max_tokens is an integer with its TSDoc description and default', () => {
    expect(schemas().ChatCompletionRequest.properties.max_tokens).toEqual({
      type: 'integer',
      minimum: -Number.MAX_SAFE_INTEGER,
      maximum: Number.MAX_SAFE_INTEGER,
      description: 'Most tokens to generate.',
      default: 128,
    });
  });

  test('nested models are $refs, lists arrays, maps additionalProperties, literals enums, unions and choices oneOf', () => {
    const s = schemas();
    const chat = s.ChatCompletionRequest.properties;
    expect(chat.messages).toEqual({ type: 'array', items: { $ref: '#/components/schemas/ChatMessage' }, description: 'The conversation so far.' });
    expect(chat.logit_bias).toMatchObject({ type: 'object', additionalProperties: { type: 'number' }, nullable: true });
    expect(chat.stop).toMatchObject({ oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }], nullable: true });
    expect(chat.stop.type).toBeUndefined();
    expect(chat.response_format.oneOf.map((m: Doc) => m.$ref ?? m.allOf[0].$ref)).toEqual([
      '#/components/schemas/JsonSchemaResponseFormat',
      '#/components/schemas/ResponseFormat',
    ]);
    expect(chat.tools.items.oneOf).toHaveLength(2);
    expect(s.ChatCompletionResponse.properties.usage).toMatchObject({ nullable: true, allOf: [{ $ref: '#/components/schemas/UsageInfo' }] });
    const content = s.ChatMessage.properties.content;
    expect(content.oneOf[0]).toEqual({ type: 'string' });
    expect(content.oneOf[1].items.oneOf.length).toBe(6);
    expect(s.TextPart.properties.type).toEqual({ type: 'string', enum: ['text'], description: expect.any(String) });
    // Every model the request reaches is documented, union members included.
    for (const name of ['ChatMessage', 'TextPart', 'ImagePart', 'ContentPart', 'JsonSchemaResponseFormat', 'CustomToolDefinition', 'UsageInfo']) {
      expect([name, s[name]?.type]).toEqual([name, 'object']);
    }
  });

  test('every $ref resolves, and no schema says "type": "null" (OpenAPI 3.0 has no null type)', () => {
    const names = new Set(Object.keys(schemas()));
    expect(refs(doc()).filter((r) => !names.has(r.replace('#/components/schemas/', '')))).toEqual([]);
    expect(valuesOf(doc(), 'type').filter((t) => t === 'null' || Array.isArray(t))).toEqual([]);
  });

  test("buildOpenApiDocument completes it: the models' full 3.0 schemas and the error form, still valid, still no null type", async () => {
    const done = buildOpenApiDocument({ document: doc() as OpenApiDocumentInput, models: [ChatCompletionRequest, ChatCompletionResponse] }) as Doc;
    expect(done.openapi).toBe('3.0.0');
    expect(done.paths).toEqual(doc().paths);
    expect(done.components.schemas.ChatCompletionRequest).toMatchObject({ title: 'ChatCompletionRequest', additionalProperties: true, description: 'A `POST /v1/chat/completions` body.' });
    expect(done.components.schemas.TenantRequest).toEqual(schemas().TenantRequest);
    expect(done.components.schemas.ErrorResponse.properties.error.required).toEqual(['message', 'type', 'param', 'code']);
    expect(valuesOf(done, 'type').filter((t) => t === 'null' || Array.isArray(t))).toEqual([]);
    const result = await validate(JSON.parse(JSON.stringify(done)));
    expect(result.valid ? 'valid' : compileErrors(result)).toBe('valid');
  });

  test('passes @readme/openapi-parser validation, which rejects a broken copy', async () => {
    const result = await validate(JSON.parse(JSON.stringify(doc())));
    expect(result.valid ? 'valid' : compileErrors(result)).toBe('valid');
    const broken = JSON.parse(JSON.stringify(doc()));
    broken.components.schemas.ChatCompletionRequest.properties.max_tokens.type = 'int';
    expect((await validate(broken)).valid).toBe(false);
  });

  describe('every accepted corpus case dumps to a value that the schema Swagger produced for its model accepts', () => {
    let ajv: Ajv;
    const check = (name: string) => ajv.getSchema(`https://swagger.test/doc.json#/components/schemas/${name}`)!;
    beforeAll(() => {
      ajv = new Ajv({ strict: false, allErrors: false });
      ajv.addSchema({ $id: 'https://swagger.test/doc.json', components: { schemas: fromOpenApi30(schemas()) } });
    });

    test('ChatCompletionRequest and TenantRequest: every accepted request', () => {
      const requests = accepted.filter((c) => c.model === 'ChatCompletionRequest');
      expect(requests.length).toBeGreaterThan(100);
      const bad: string[] = [];
      for (const c of requests) {
        const dump = ChatCompletionRequest.parse(c.input).toJSON();
        if (!check('ChatCompletionRequest')(dump)) bad.push(`${c.id}: ${ajv.errorsText(check('ChatCompletionRequest').errors)}`);
        const tenant = TenantRequest.parse({ ...(c.input as object), tenant: 't-1' }).toJSON();
        if (!check('TenantRequest')(tenant)) bad.push(`${c.id} (tenant): ${ajv.errorsText(check('TenantRequest').errors)}`);
      }
      expect(bad).toEqual([]);
    });

    test('every other documented model: every accepted case', () => {
      const documented = accepted.filter((c) => c.model !== 'ChatCompletionRequest' && schemas()[c.model]);
      const models = new Set(documented.map((c) => c.model));
      expect([...models]).toEqual(expect.arrayContaining(['ChatCompletionResponse', 'ChatMessage', 'ContentPart', 'ToolDefinition', 'UsageInfo']));
      const bad: string[] = [];
      for (const c of documented) {
        const dump = modelClass(c.model).parse(c.input).toJSON();
        if (!check(c.model)(dump)) bad.push(`${c.model} ${c.id}: ${ajv.errorsText(check(c.model).errors)}`);
      }
      expect(bad).toEqual([]);
    });

    test('and rejects what the models reject: a wrong type, a missing field, a bad choice, a null where none is allowed', () => {
      const body = ChatCompletionRequest.parse({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }).toJSON() as Doc;
      const request = check('ChatCompletionRequest');
      expect(request(body)).toBe(true);
      expect(request({ ...body, max_tokens: 'many' })).toBe(false);
      expect(request({ ...body, max_tokens: null })).toBe(false);
      expect(request({ ...body, model: undefined })).toBe(false);
      expect(request({ ...body, stop: [1] })).toBe(false);
      expect(request({ ...body, messages: [{ role: 'user', content: [{ type: 'text' }] }] })).toBe(false);
      expect(check('TenantRequest')({ ...body, tenant: 5 })).toBe(false);
    });
  });
});

describe.each(Object.keys(SETUPS))("NestJS %s: the Swagger UI page in headless Chromium", (major) => {
  let browser: Browser | undefined;
  afterAll(async () => {
    await browser?.close();
  });

  test("shows max_tokens's description once the ChatCompletionRequest schema is expanded", async () => {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const origin = apps.get(major)!.origin;
    const outside: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`) || url.startsWith('data:')) return route.continue();
      outside.push(url);
      return route.abort();
    });
    const res = await page.goto(`${origin}/docs`);
    expect(res?.status()).toBe(200);
    const model = page.locator('.models .model-container', { has: page.locator('.model-title', { hasText: /^ChatCompletionRequest$/ }) });
    await model.first().waitFor({ state: 'visible', timeout: 15_000 });
    const description = 'Most tokens to generate.';
    expect(await model.first().innerText()).not.toContain(description);
    await model.first().locator('.model-box-control').first().click();
    const row = model.first().locator('tr.property-row', { has: page.locator('td', { hasText: /^max_tokens/ }) });
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    // The property is collapsed too (`max_tokens [...]`): open it.
    expect(await row.innerText()).not.toContain(description);
    await row.locator('.model-box-control').first().click();
    await row.getByText(description).waitFor({ state: 'visible', timeout: 10_000 });
    expect(await row.innerText()).toMatch(/^max_tokens\s+integer[\s\S]*default: 128[\s\S]*Most tokens to generate\.$/);
    expect(outside).toEqual([]);
  }, 60_000);
});
