/** Builds the echo server: a NestJS app wired with `oai-protocols/nest`, on Express or Fastify. */
import 'reflect-metadata';
import { Module, ValidationPipe } from '@nestjs/common';
import type { DynamicModule, INestApplication, LogLevel, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { OpenAIExceptionFilter, OpenAIParsePipe, OpenAIValidationPipe, openAIJsonOnly } from '../../src/nest';
import { serveDocs } from './docs';
import { ECHO_OPTIONS, EchoController } from './echo.controller';
import type { EchoControllerOptions } from './echo.controller';
import { byteLimit, drainRequestBody, inflateRequestBody, jsonBodyParser } from './fastify';

/** The HTTP platforms the echo server runs on. */
export type EchoPlatform = 'express' | 'fastify';

/** Options of `createEchoApp`. */
export interface EchoAppOptions extends EchoControllerOptions {
  /** `express` (default: `PLATFORM`, else `express`) or `fastify`. */
  platform?: EchoPlatform;
  /** Largest accepted body, as body-parser reads it (`'10mb'`, `'1kb'`, or bytes); default `BODY_LIMIT` or `'10mb'`. */
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

/** The platform `PLATFORM` names (`express` or `fastify`); anything else is an error, unset is `express`. */
export function platformFromEnv(value = process.env.PLATFORM): EchoPlatform {
  if (value === undefined || value === '' || value === 'express') return 'express';
  if (value === 'fastify') return 'fastify';
  throw new Error(`PLATFORM must be "express" or "fastify", not ${JSON.stringify(value)}`);
}

/**
 * Creates the echo app, not yet listening, on Express (default) or Fastify:
 * JSON bodies only (415 otherwise) up to `bodyLimit` (413 beyond), gzip,
 * deflate and br bodies inflated (and limited once inflated), DTOs through
 * the chosen pipe with the protocol checks on (`maxLogprobs` 20), every
 * error — bad bodies, malformed JSON, unknown routes — in the OpenAI form,
 * and the API docs at `GET /openapi.json` and `GET /docs`. Both platforms
 * give the same answers.
 *
 * @example
 * const app = await createEchoApp({ platform: 'fastify' });
 * await app.listen(8000, '127.0.0.1');
 */
export async function createEchoApp(options: EchoAppOptions & { platform: 'fastify' }): Promise<NestFastifyApplication>;
export async function createEchoApp(options?: EchoAppOptions & { platform?: 'express' }): Promise<NestExpressApplication>;
export async function createEchoApp(options?: EchoAppOptions): Promise<NestExpressApplication | NestFastifyApplication>;
export async function createEchoApp(options: EchoAppOptions = {}): Promise<INestApplication> {
  const platform = options.platform ?? platformFromEnv();
  const limit = options.bodyLimit ?? process.env.BODY_LIMIT ?? '10mb';
  const module = EchoModule.forRoot(options);
  const logger = options.logger ?? ['error', 'warn', 'log'];
  let app: NestExpressApplication | NestFastifyApplication;
  if (platform === 'fastify') {
    // Loaded only here: an Express-only install needs neither package.
    const { FastifyAdapter } = await import('@nestjs/platform-fastify');
    const bodyLimit = byteLimit(limit);
    const fastifyApp = await NestFactory.create<NestFastifyApplication>(module, new FastifyAdapter({ bodyLimit }), {
      bodyParser: false,
      logger,
    });
    fastifyApp.use(openAIJsonOnly());
    const fastify = fastifyApp.getHttpAdapter().getInstance();
    fastify.addHook('preParsing', inflateRequestBody);
    fastify.addHook('onSend', drainRequestBody);
    fastifyApp.useBodyParser('application/json', { bodyLimit }, jsonBodyParser);
    app = fastifyApp;
  } else {
    const expressApp = await NestFactory.create<NestExpressApplication>(module, { bodyParser: false, logger });
    expressApp.use(openAIJsonOnly());
    // `strict: false` lets a scalar body through to the pipe, which names the problem.
    expressApp.useBodyParser('json', { limit, strict: false });
    app = expressApp;
  }
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
