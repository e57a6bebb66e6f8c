// A real NestJS app on the major installed in the fixture folder given as
// argv[2] ('' for the repo's own NestJS), with the body pipe argv[3]:
// 'stock' (Nest's ValidationPipe), 'validation' (OpenAIValidationPipe) or
// 'parse' (OpenAIParsePipe). It prints `LISTENING <port>` once it listens on
// 127.0.0.1. Plain JavaScript, decorators applied by hand, so each major runs
// it without a compile step. The OpenAI exception filter answers every error.
'use strict';
const path = require('path');
const { createRequire } = require('module');

const root = path.resolve(__dirname, '../..');
const fixture = process.argv[2] ? path.resolve(process.argv[2]) : root;
const want = createRequire(path.join(fixture, 'package.json'));
want('reflect-metadata');
const common = want('@nestjs/common');
const { NestFactory } = want('@nestjs/core');
const lib = want('oai-protocols');
const nest = want('oai-protocols/nest');

const pipes = {
  stock: () => new common.ValidationPipe({ transform: true }),
  validation: () => new nest.OpenAIValidationPipe(),
  parse: () => new nest.OpenAIParsePipe(),
};

class ChatController {
  chat(body) {
    return {
      major: want('@nestjs/common/package.json').version,
      isModel: body instanceof lib.ChatCompletionRequest,
      body: JSON.parse(JSON.stringify(body)),
    };
  }
}
const proto = ChatController.prototype;
Reflect.defineMetadata('design:paramtypes', [lib.ChatCompletionRequest], proto, 'chat');
common.Body(pipes[process.argv[3]]())(proto, 'chat', 0);
Reflect.decorate([common.Post('chat/completions'), common.HttpCode(200)], proto, 'chat', Object.getOwnPropertyDescriptor(proto, 'chat'));
common.Controller('v1')(ChatController);

class AppModule {}
common.Module({ controllers: [ChatController] })(AppModule);

(async () => {
  const app = await NestFactory.create(AppModule, { logger: false });
  app.useGlobalFilters(new nest.OpenAIExceptionFilter());
  await app.listen(0, '127.0.0.1');
  process.stdout.write(`LISTENING ${app.getHttpServer().address().port}\n`);
})().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e));
  process.exit(1);
});
