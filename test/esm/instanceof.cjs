// CommonJS side: `require` the package by name and check that `import()`
// hands out the very same classes. Prints a JSON report.
const assert = require('node:assert/strict');
const { ChatCompletionRequest, ChatMessage, OpenAIBaseModel, ProtocolValidationError } = require('oai-protocols');
const cjsNest = require('oai-protocols/nest');

async function main() {
  const esm = await import('oai-protocols');
  const esmNest = await import('oai-protocols/nest');
  const body = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };

  const viaRequire = ChatCompletionRequest.parse(body);
  assert.ok(viaRequire instanceof esm.ChatCompletionRequest);
  assert.ok(viaRequire.messages[0] instanceof esm.ChatMessage);
  const viaImport = esm.ChatCompletionRequest.parse(body);
  assert.ok(viaImport instanceof ChatCompletionRequest);
  assert.ok(viaImport.messages[0] instanceof ChatMessage);
  assert.ok(viaImport instanceof OpenAIBaseModel);
  assert.ok(esm.ChatCompletionRequest.safeParse([]).error instanceof ProtocolValidationError);
  assert.equal(esmNest.OpenAIValidationPipe, cjsNest.OpenAIValidationPipe);
  assert.ok(new cjsNest.OpenAIValidationPipe() instanceof esmNest.OpenAIValidationPipe);

  process.stdout.write(JSON.stringify({ side: 'cjs', ok: true }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
