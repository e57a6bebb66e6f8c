// ESM side: `import` the package by name (self-reference through package.json "exports")
// and check that `require` hands out the very same classes. Prints a JSON report.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as esm from 'oai-protocols';
import { ChatCompletionRequest, ChatMessage, OpenAIBaseModel, ProtocolValidationError } from 'oai-protocols';
import * as esmNest from 'oai-protocols/nest';

const require = createRequire(import.meta.url);
const cjs = require('oai-protocols');
const cjsNest = require('oai-protocols/nest');

const body = { model: 'm', messages: [{ role: 'user', content: 'hi' }], custom_field: 1 };

// Made through `import`, checked against `require`'s classes, and the other way round.
const viaImport = ChatCompletionRequest.parse(body);
assert.ok(viaImport instanceof cjs.ChatCompletionRequest);
assert.ok(viaImport.messages[0] instanceof cjs.ChatMessage);
assert.ok(viaImport instanceof cjs.OpenAIBaseModel);
const viaRequire = cjs.ChatCompletionRequest.parse(body);
assert.ok(viaRequire instanceof ChatCompletionRequest);
assert.ok(viaRequire.messages[0] instanceof ChatMessage);
assert.ok(viaRequire instanceof OpenAIBaseModel);
assert.equal(ChatCompletionRequest, cjs.ChatCompletionRequest);

// Errors too.
const error = ChatCompletionRequest.safeParse({}).error;
assert.ok(error instanceof cjs.ProtocolValidationError);
assert.ok(cjs.ChatCompletionRequest.safeParse({}).error instanceof ProtocolValidationError);

// A mapped model made through `import` is a model for `require`'s classes too.
assert.equal(typeof esm.PickModel, 'function');
const Slim = esm.PickModel(cjs.ChatCompletionRequest, ['model', 'messages']);
const slim = Slim.parse(body);
assert.ok(slim instanceof cjs.OpenAIBaseModel);
assert.deepEqual(Object.keys(slim.toJSON()), ['model', 'messages', 'custom_field']);

// Every CommonJS export is an ESM export, and the same object.
const missing = Object.keys(cjs).filter((k) => k !== '__esModule' && esm[k] !== cjs[k]);
assert.deepEqual(missing, []);

// The NestJS subpath.
assert.equal(esmNest.OpenAIValidationPipe, cjsNest.OpenAIValidationPipe);
assert.equal(esmNest.OpenAIExceptionFilter, cjsNest.OpenAIExceptionFilter);
assert.ok(new esmNest.OpenAIParsePipe() instanceof cjsNest.OpenAIParsePipe);
const nestMissing = Object.keys(cjsNest).filter((k) => k !== '__esModule' && esmNest[k] !== cjsNest[k]);
assert.deepEqual(nestMissing, []);

process.stdout.write(
  JSON.stringify({ side: 'esm', exports: Object.keys(cjs).length - 1, nestExports: Object.keys(cjsNest).length - 1, ok: true }),
);
