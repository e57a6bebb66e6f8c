/** Builds the echo server: a NestJS app wired with `oai-protocols/nest`. */
import 'reflect-metadata';
import { Module, ValidationPipe } from '@nestjs/common';
import type { DynamicModule, LogLevel, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { OpenAIExceptionFilter, OpenAIParsePipe, OpenAIValidationPipe, openAIJsonOnly } from '../../src/nest';
import { serveDocs } from './docs';
import { ECHO_OPTIONS, EchoController } from './echo.controller';
import type { EchoControllerOptions } from './echo.controller';

/** Options of `createEchoApp`. */
export interface EchoAppOptions extends EchoControllerOptions {
  /** Largest accepted body, as body-parser reads it (`'10mb'`, or bytes); default `BODY_LIMIT` or `'10mb'`. */
  bodyLimit?: string | number;
  /**
   * `validate` (default): `OpenAIValidationPipe`; `parse`: `OpenAIParsePipe`, the fast route;
   * `stock`: NestJS's own `new ValidationPipe({ transform: true })`, as its docs set it up
   * (no protocol checks, class-validator's messages), for comparison (`npm run bench:http`).
   */
  pipe?: 'validate' | 'parse' | 'stock';
  /** Nest's log levels; `false` silences it. Default: errors, warnings and startup logs. */
  logger?: LogLevel[] | false;
  /** More controllers to mount (a test's spy, say). */
  controllers?: Type<unknown>[];
}

/** The app's module, with its options. */
@Module({})
export class EchoModule {
  /** The module for these options. */
  static forRoot(options: EchoAppOptions): DynamicModule {
    return {
      module: EchoModule,
      controllers: [EchoController, ...(options.controllers ?? [])],
      providers: [{ provide: ECHO_OPTIONS, useValue: options }],
    };
  }
}

/**
 * Creates the echo app, not yet listening: JSON bodies only (415 otherwise)
 * up to `bodyLimit` (413 beyond), DTOs through the chosen pipe with the
 * protocol checks on (`maxLogprobs` 20), every
 * error — bad bodies, malformed JSON, unknown routes — in the OpenAI form,
 * and the API docs at `GET /openapi.json` and `GET /docs`.
 *
 * @example
 * const app = await createEchoApp();
 * await app.listen(8000, '127.0.0.1');
 */
export async function createEchoApp(options: EchoAppOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(EchoModule.forRoot(options), {
    bodyParser: false,
    logger: options.logger ?? ['error', 'warn', 'log'],
  });
  app.use(openAIJsonOnly());
  // `strict: false` lets a scalar body through to the pipe, which names the problem.
  app.useBodyParser('json', { limit: options.bodyLimit ?? process.env.BODY_LIMIT ?? '10mb', strict: false });
  // Protocol checks on, with vLLM's default max_logprobs: well-typed but meaningless bodies get a 400 too.
  const checks = { maxLogprobs: 20 };
  app.useGlobalPipes(
    options.pipe === 'stock'
      ? new ValidationPipe({ transform: true })
      : options.pipe === 'parse'
        ? new OpenAIParsePipe({ checks })
        : new OpenAIValidationPipe({ checks }),
  );
  app.useGlobalFilters(new OpenAIExceptionFilter());
  serveDocs(app);
  return app;
}
