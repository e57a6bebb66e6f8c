/** toOpenApi30: JSON Schema 2020-12 to OpenAPI 3.0 schema objects that accept the same values. */
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import { ChatCompletionRequest, ChatCompletionResponse, ChatMessage, jsonSchema, modelSchemas } from '../../src';
import { toOpenApi30 } from '../../src/schema/openapi30';
import { fromOpenApi30 } from '../helpers/openapi30';

type Schema = Record<string, unknown>;

describe('toOpenApi30', () => {
  test.each<[string, Schema, Schema]>([
    ['a type list with null', { type: ['string', 'null'] }, { type: 'string', nullable: true }],
    ['a nullable union member', { anyOf: [{ type: 'integer' }, { type: 'null' }], default: 1 }, { type: 'integer', default: 1, nullable: true }],
    ['a union with null', { anyOf: [{ type: 'string' }, { type: 'boolean' }, { type: 'null' }] }, { anyOf: [{ type: 'string' }, { type: 'boolean' }], nullable: true }],
    ['a nullable model', { anyOf: [{ $ref: '#/x/A' }, { type: 'null' }], description: 'd' }, { description: 'd', allOf: [{ $ref: '#/x/A' }], nullable: true }],
    ['a $ref with a description', { $ref: '#/x/A', description: 'd' }, { description: 'd', allOf: [{ $ref: '#/x/A' }] }],
    ['a nullable enum', { anyOf: [{ type: 'string', enum: ['a'] }, { type: 'null' }] }, { type: 'string', enum: ['a', null], nullable: true }],
    ['const', { const: 'text' }, { enum: ['text'] }],
    ['examples', { type: 'object', examples: [{ a: 1 }, { a: 2 }] }, { type: 'object', example: { a: 1 } }],
    ['several types', { type: ['number', 'string', 'boolean'] }, { anyOf: [{ type: 'number' }, { type: 'string' }, { type: 'boolean' }] }],
    ['null alone', { type: 'null' }, { enum: [null], nullable: true }],
    ['$schema and $defs', { $schema: 'x', $defs: { A: {} }, type: 'object' }, { type: 'object' }],
    [
      'nested schemas',
      { type: 'object', properties: { a: { type: ['string', 'null'] } }, additionalProperties: { type: 'array', items: { anyOf: [{ type: 'integer' }, { type: 'null' }] } } },
      { type: 'object', properties: { a: { type: 'string', nullable: true } }, additionalProperties: { type: 'array', items: { type: 'integer', nullable: true } } },
    ],
  ])('%s', (_name, input, output) => {
    const before = JSON.stringify(input);
    expect(toOpenApi30(input)).toEqual(output);
    expect(JSON.stringify(input)).toBe(before);
  });

  test('the models\' schemas in 3.0 form accept and reject the same values as in 2020-12 form', () => {
    const s31 = modelSchemas([ChatCompletionRequest, ChatCompletionResponse]);
    const s30 = modelSchemas([ChatCompletionRequest, ChatCompletionResponse], { openapi: '3.0' });
    expect(Object.keys(s30)).toEqual(Object.keys(s31));
    expect(JSON.stringify(s30)).not.toMatch(/"type":"null"|"type":\[|"const"|"examples"/);
    const a31 = new Ajv2020({ strict: false });
    a31.addSchema({ $id: 'https://t.test/31', components: { schemas: s31 } });
    const a30 = new Ajv({ strict: false });
    a30.addSchema({ $id: 'https://t.test/30', components: { schemas: fromOpenApi30(s30) } });
    const message = { role: 'user', content: 'hi' };
    const values: unknown[] = [
      { model: 'm', messages: [message] },
      { model: 'm', messages: [message], user: null, stop: null, n: null, response_format: null, tools: null },
      { model: 'm', messages: [message], max_tokens: null },
      { model: 'm', messages: [{ role: 'user', content: [{ type: 'text', text: 'a' }, { type: 'image_url' }] }] },
      { model: 'm', messages: [{ role: 'user', content: [{ type: 'future', anything: 1 }] }] },
      { model: 'm', messages: [message], response_format: { type: 'json_schema' } },
      { model: 'm', messages: [message], response_format: { type: 'json_object' } },
      { model: 'm', messages: [message], stop: [1] },
      { model: 'm', messages: [message], logit_bias: { '5': 1 } },
      { model: 'm', messages: [message], logit_bias: { '5': 'x' } },
      { model: null, messages: [] },
    ];
    const verdicts = values.map((v) => {
      const v31 = a31.getSchema('https://t.test/31#/components/schemas/ChatCompletionRequest')!(v);
      const v30 = a30.getSchema('https://t.test/30#/components/schemas/ChatCompletionRequest')!(v);
      return [v31, v30];
    });
    expect(verdicts.map(([a, b]) => a === b)).toEqual(values.map(() => true));
    expect(verdicts.map(([a]) => a)).toEqual([true, true, false, false, true, false, true, false, true, false, false]);
  });

  test('a schema with nothing to change comes back equal', () => {
    const message = jsonSchema(ChatMessage) as Schema;
    const plain = { type: 'object', properties: { a: { type: 'string' } }, required: ['a'], additionalProperties: true };
    expect(toOpenApi30(plain)).toEqual(plain);
    expect(toOpenApi30(message)).not.toBe(message);
  });
});
