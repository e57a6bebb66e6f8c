// A NestJS app set up for Swagger as @nestjs/swagger's docs say
// (DocumentBuilder, SwaggerModule.createDocument, SwaggerModule.setup('docs')),
// on the major installed in the fixture folder given as argv[2] ('' for the
// repo's own NestJS 12 and @nestjs/swagger 12). It prints `LISTENING <port>`
// once it listens on 127.0.0.1; the document is at /docs-json, the UI at /docs.
// Plain JavaScript with decorators applied by hand, as a compiler would, so
// each major runs it without a compile step; no @ApiProperty anywhere: the
// library's field decorators record what Swagger reads.
'use strict';
const path = require('path');
const { createRequire } = require('module');

const root = path.resolve(__dirname, '../..');
const fixture = process.argv[2] ? path.resolve(process.argv[2]) : root;
const want = createRequire(path.join(fixture, 'package.json'));
want('reflect-metadata');
const common = want('@nestjs/common');
const { NestFactory } = want('@nestjs/core');
const swagger = want('@nestjs/swagger');
const lib = want('oai-protocols');
const nest = want('oai-protocols/nest');

// A user's subclass: one field of its own (with a description) and a parent's default changed.
class TenantRequest extends lib.ChatCompletionRequest {}
lib.JSONSchema({ description: 'The billing tenant of this request.' })(TenantRequest.prototype, 'tenant');
lib.StrField({ optional: true, nullable: true })(TenantRequest.prototype, 'tenant');

// NestJS's own mapped type over a library model: Swagger documents the picked fields.
class SlimRequest extends swagger.PickType(lib.ChatCompletionRequest, ['model', 'messages']) {}

// The library's own mapped models: they declare their fields through the same decorators.
class PickedRequest extends lib.PickModel(lib.ChatCompletionRequest, ['model', 'messages', 'max_tokens']) {}
class PatchRequest extends lib.PartialModel(lib.ChatCompletionRequest) {}

class ChatController {
  chat(body) {
    return body;
  }
  tenant(body) {
    return body;
  }
  slim(body) {
    return body;
  }
  picked(body) {
    return body;
  }
  patch(body) {
    return body;
  }
}
const proto = ChatController.prototype;
function route(method, url, body, response) {
  Reflect.defineMetadata('design:paramtypes', [body], proto, method);
  common.Body(new nest.OpenAIParsePipe())(proto, method, 0);
  const decorators = [common.Post(url), common.HttpCode(200), swagger.ApiOkResponse({ type: response })];
  Reflect.decorate(decorators, proto, method, Object.getOwnPropertyDescriptor(proto, method));
}
route('chat', 'chat/completions', lib.ChatCompletionRequest, lib.ChatCompletionResponse);
route('tenant', 'tenant/chat/completions', TenantRequest, lib.ChatCompletionResponse);
route('slim', 'slim/chat/completions', SlimRequest, lib.ChatCompletionResponse);
route('picked', 'picked/chat/completions', PickedRequest, lib.ChatCompletionResponse);
route('patch', 'patch/chat/completions', PatchRequest, lib.ChatCompletionResponse);
common.Controller('v1')(ChatController);

class AppModule {}
common.Module({ controllers: [ChatController] })(AppModule);

(async () => {
  const app = await NestFactory.create(AppModule, { logger: false });
  app.useGlobalFilters(new nest.OpenAIExceptionFilter());
  const config = new swagger.DocumentBuilder().setTitle('Chat gateway').setDescription('OpenAI-compatible').setVersion('1.0').build();
  const document = swagger.SwaggerModule.createDocument(app, config);
  swagger.SwaggerModule.setup('docs', app, document);
  await app.listen(0, '127.0.0.1');
  process.stdout.write(`LISTENING ${app.getHttpServer().address().port} ${want('@nestjs/swagger/package.json').version}\n`);
})().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e));
  process.exit(1);
});
