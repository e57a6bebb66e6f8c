/** `jsonSchema(cls)`: what a user reads in the schema of a model, and of their own subclass. */
import Ajv2020 from 'ajv/dist/2020';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import * as lib from '../../src';
import { ChatCompletionRequest, ChatCompletionResponse, ChatCompletionStreamResponseChoice, ModelInit, OpenAIBaseModel, StrField, initModel } from '../../src';
import { JSONSchema, JSON_SCHEMA_DRAFT, jsonSchema, modelSchemas } from '../../src/schema';
import { MAX_DEPTH } from '../../src/fields/context';
import { refs } from '../helpers/refs';

type Schema = Record<string, any>;

const MODELS = Object.entries(lib)
  .filter(([name, v]) => typeof v === 'function' && v.prototype instanceof OpenAIBaseModel && name !== 'ToolFunction')
  .map(([, v]) => v as typeof OpenAIBaseModel);

function ajv() {
  return new Ajv2020({ strict: true, allowUnionTypes: true });
}

describe('jsonSchema of the protocol models', () => {
  const chat = jsonSchema(ChatCompletionRequest) as Schema;

  it('is a draft 2020-12 object schema that keeps extras', () => {
    expect(chat.$schema).toBe(JSON_SCHEMA_DRAFT);
    expect(chat.title).toBe('ChatCompletionRequest');
    expect(chat.description).toBe('A `POST /v1/chat/completions` body.');
    expect(chat.type).toBe('object');
    expect(chat.additionalProperties).toBe(true);
    for (const def of Object.values(chat.$defs as Schema)) expect(def.additionalProperties).toBe(true);
  });

  it('lists the fields in declaration order, parents first, and requires only those with no default', () => {
    expect(Object.keys(chat.properties)).toEqual([...ChatCompletionRequest.fieldNames]);
    expect(chat.required).toEqual(['model', 'messages']);
    expect(jsonSchema(lib.ChatMessage).required).toEqual(['role']);
    expect(jsonSchema(lib.UsageInfo).required).toBeUndefined();
  });

  it('gives each field its type, nullability, default and TSDoc description', () => {
    expect(chat.properties.max_tokens).toEqual({
      type: 'integer',
      minimum: -Number.MAX_SAFE_INTEGER,
      maximum: Number.MAX_SAFE_INTEGER,
      description: 'Most tokens to generate.',
      default: 128,
    });
    expect(chat.properties.temperature).toMatchObject({ type: 'number', default: 0.7 });
    expect(chat.properties.suppress_tokens).toMatchObject({ type: 'array', items: { type: 'integer' }, default: [] });
    expect(chat.properties.user).toEqual({
      anyOf: [{ type: 'string' }, { type: 'null' }],
      description: 'An end-user id, for abuse monitoring.',
      default: null,
    });
    expect(chat.properties.n).toMatchObject({ anyOf: [{ type: 'integer' }, { type: 'null' }], default: 1 });
  });

  it('writes unions as anyOf, maps as additionalProperties, literals as enum', () => {
    expect(chat.properties.stop.anyOf).toEqual([{ type: 'string' }, { type: 'array', items: { type: 'string' } }, { type: 'null' }]);
    expect(chat.properties.logit_bias.anyOf[0]).toEqual({ type: 'object', additionalProperties: { type: 'number' } });
    expect(chat.properties.chat_template_kwargs.anyOf[0]).toEqual({
      type: 'object',
      additionalProperties: { type: ['number', 'string', 'boolean'] },
    });
    const choice = jsonSchema(ChatCompletionStreamResponseChoice) as Schema;
    expect(choice.properties.finish_reason.anyOf).toEqual([
      { type: 'string', enum: ['stop', 'length', 'function_call', 'tool_calls', 'content_filter', 'abort'] },
      { type: 'null' },
    ]);
  });

  it('puts nested models in $defs and points at them with #/$defs/Name', () => {
    expect(Object.keys(chat.$defs).sort()).toEqual([
      'AudioPart', 'ChatMessage', 'ContentPart', 'CustomCall', 'CustomToolCall', 'CustomToolDefinition', 'CustomToolSpec',
      'FilePart', 'FileRef', 'FunctionCall', 'FunctionDefinition', 'ImagePart', 'ImageURL', 'InputAudio',
      'JsonSchemaResponseFormat', 'JsonSchemaSpec', 'RefusalPart', 'ResponseFormat', 'StreamOptions', 'TextPart',
      'ToolCall', 'ToolDefinition',
    ]);
    expect(chat.properties.messages.items).toEqual({ $ref: '#/$defs/ChatMessage' });
    // A choice by type: each known type's class, and the open fallback for every other type (exactly one matches).
    expect(chat.$defs.ChatMessage.properties.content.anyOf[1]).toEqual({
      type: 'array',
      items: {
        oneOf: [
          ...['TextPart', 'ImagePart', 'AudioPart', 'FilePart', 'RefusalPart'].map((n) => ({ $ref: `#/$defs/${n}` })),
          {
            allOf: [
              { $ref: '#/$defs/ContentPart' },
              { not: { type: 'object', required: ['type'], properties: { type: { enum: ['text', 'image_url', 'input_audio', 'file', 'refusal'] } } } },
            ],
          },
        ],
      },
    });
    // Optional fields are never required.
    expect(chat.required).toEqual(['model', 'messages']);
    expect(chat.properties.max_completion_tokens).toMatchObject({ anyOf: [{ type: 'integer' }, { type: 'null' }] });
    expect(chat.$defs.DeltaToolCall).toBeUndefined();
    for (const m of MODELS) {
      const s = jsonSchema(m) as Schema;
      for (const r of refs(s)) expect([m.name, r, r.startsWith('#/$defs/') && r.slice(8) in s.$defs]).toEqual([m.name, r, true]);
    }
  });

  it('gives generated defaults (id, created) no fixed default, and does not require them', () => {
    const realNow = Date.now;
    const s = jsonSchema(ChatCompletionResponse) as Schema;
    expect(Date.now).toBe(realNow); // the clock is put back
    expect(s.properties.id).toEqual({ type: 'string', description: expect.stringContaining('32 hex digits') });
    expect(s.properties.created).not.toHaveProperty('default');
    expect(s.properties.object.default).toBe('chat.completion');
    expect(s.required).toEqual(['model', 'choices']);
  });

  it('describes every field and every exported model', () => {
    for (const m of MODELS) {
      const s = jsonSchema(m) as Schema;
      expect([m.name, typeof s.description]).toEqual([m.name, 'string']);
      for (const [k, p] of Object.entries(s.properties as Schema)) expect([m.name, k, typeof p.description]).toEqual([m.name, k, 'string']);
    }
  });

  it('compiles in ajv strict mode, and every default validates against its own field schema', () => {
    for (const m of MODELS) {
      const s = jsonSchema(m) as Schema;
      ajv().compile(s);
      for (const [k, p] of Object.entries(s.properties as Schema)) {
        if (!('default' in p)) continue;
        const check = ajv().compile({ ...p, $defs: s.$defs });
        expect([m.name, k, check(p.default)]).toEqual([m.name, k, true]);
      }
    }
  });

  it('names models by their runtime name (Function, not ToolFunction)', () => {
    const tool = jsonSchema(lib.Tool) as Schema;
    expect(tool.properties.function).toEqual({ $ref: '#/$defs/Function', description: 'The function this tool exposes.' });
    expect(tool.$defs.Function.title).toBe('Function');
  });

  it('returns a fresh object each call', () => {
    const a = jsonSchema(lib.UsageInfo) as Schema;
    a.properties.prompt_tokens.default = 99;
    expect((jsonSchema(lib.UsageInfo) as Schema).properties.prompt_tokens.default).toBe(0);
  });

  it('modelSchemas gives several roots one shared set of definitions with OpenAPI refs', () => {
    const all = modelSchemas([lib.ChatCompletionRequest, lib.CountTokenRequest]);
    expect(Object.keys(all).slice(0, 2)).toEqual(['ChatCompletionRequest', 'CountTokenRequest']);
    expect(all.CountTokenRequest.properties).toMatchObject({
      conversation: { anyOf: [{ type: 'string' }, { type: 'array', items: { $ref: '#/components/schemas/ChatMessage' } }] },
    });
    expect(refs(all).every((r) => r.slice('#/components/schemas/'.length) in all)).toBe(true);
  });

  it('cannot bound nesting depth: parse rejects free-form values deeper than MAX_DEPTH, the schema does not', () => {
    // The one known way the schema is more permissive than parse (JSON Schema has no depth limit).
    let deep: unknown = 1;
    for (let i = 0; i <= MAX_DEPTH; i++) deep = [deep];
    const input = { role: 'user', function_call: { deep } };
    expect(lib.ChatMessage.safeParse(input).success).toBe(false);
    expect(ajv().compile(jsonSchema(lib.ChatMessage))(input)).toBe(true);
  });
});

class Address {
  @IsString() city!: string;
}

/** A user's request with extra fields, some plain class-validator, some this library's. */
class TenantRequest extends ChatCompletionRequest {
  @IsOptional() @IsString() tenant?: string;
  @JSONSchema({ description: 'Scheduling priority, 1 to 10.' })
  @IsInt() @Min(1) @Max(10) priority!: number;
  @StrField() region: string = 'eu';
  @ValidateNested() @Type(() => Address) address!: Address;
  @MaxLength(64) override model!: string;

  constructor(init?: ModelInit<TenantRequest>) {
    super();
    initModel(this, init);
  }
}

describe('jsonSchema of a user subclass', () => {
  const s = jsonSchema(TenantRequest) as Schema;

  it('has the inherited fields and its own, plain class-validator decorators included', () => {
    const inherited = Object.keys(jsonSchema(ChatCompletionRequest).properties as Schema);
    expect(Object.keys(s.properties)).toEqual([...inherited, 'tenant', 'priority', 'region', 'address']);
    expect(s.title).toBe('TenantRequest');
    expect(s.description).toBeUndefined();
  });

  it('converts @IsOptional() @IsString() to an optional, nullable string', () => {
    expect(s.properties.tenant).toEqual({ anyOf: [{ type: 'string' }, { type: 'null' }] });
    expect(s.required).not.toContain('tenant');
  });

  it('converts other class-validator decorators, and takes descriptions from @JSONSchema', () => {
    expect(s.properties.priority).toEqual({ type: 'integer', minimum: 1, maximum: 10, description: 'Scheduling priority, 1 to 10.' });
    expect(s.properties.model).toEqual({ type: 'string', maxLength: 64, description: 'The model to use.' });
    expect(s.properties.region).toEqual({ type: 'string', default: 'eu' });
    expect(s.required).toEqual(['model', 'messages', 'priority', 'address']);
  });

  it('puts a @ValidateNested() class in $defs', () => {
    expect(s.properties.address).toEqual({ $ref: '#/$defs/Address' });
    expect(s.$defs.Address).toMatchObject({ type: 'object', properties: { city: { type: 'string' } }, required: ['city'] });
  });

  it('leaves the parent schema alone', () => {
    expect(Object.keys(jsonSchema(ChatCompletionRequest).properties as Schema)).not.toContain('tenant');
  });

  it('agrees with parse on what the subclass accepts and rejects', () => {
    const validate = ajv().compile(s);
    const base = { model: 'm', messages: [{ role: 'user', content: 'hi' }], priority: 3, address: { city: 'Oslo' } };
    const inputs = [
      base,
      { ...base, tenant: null },
      { ...base, tenant: 'acme', custom: [1] },
      { ...base, tenant: 5 },
      { ...base, priority: 11 },
      { ...base, priority: undefined },
      { ...base, address: { city: 1 } },
      { ...base, model: 'x'.repeat(65) },
      { ...base, region: null },
    ];
    const verdicts = inputs.map((i) => [TenantRequest.safeParse(i).success, validate(JSON.parse(JSON.stringify(i)))]);
    expect(verdicts).toEqual([
      [true, true],
      [true, true],
      [true, true],
      [false, false],
      [false, false],
      [false, false],
      [false, false],
      [false, false],
      [false, false],
    ]);
  });
});

describe('loading', () => {
  it('does not load class-validator-jsonschema until a schema is asked for', () => {
    let loaded = false;
    jest.isolateModules(() => {
      jest.doMock('class-validator-jsonschema', () => {
        loaded = true;
        return jest.requireActual('class-validator-jsonschema');
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const schema = require('../../src/schema') as typeof import('../../src/schema');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const fresh = require('../../src') as typeof lib;
      expect(loaded).toBe(false);
      expect(schema.jsonSchema(fresh.UsageInfo).type).toBe('object');
      expect(loaded).toBe(true);
    });
  });
});

describe('annotations on a nullable field of a subclass', () => {
  class TenantRequest extends ChatCompletionRequest {
    @JSONSchema({ description: 'The billing tenant.' })
    @IsOptional()
    @IsString()
    tenant?: string;
  }

  it('keep the description beside the anyOf, where readers look for it', () => {
    const properties = TenantRequest.jsonSchema().properties as Record<string, unknown>;
    expect(properties.tenant).toEqual({ anyOf: [{ type: 'string' }, { type: 'null' }], description: 'The billing tenant.' });
  });
});
