/** The HTTP face of the `echo` model: OpenAI's routes under `/v1`, on Express or Fastify (`res` is then Fastify's reply). */
import { Controller, Get, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ChatCompletionRequest, CompletionRequest, CountTokenRequest, stringify } from '../../src';
import type { OpenAIBaseModel } from '../../src';
import { OpenAIBody, OpenAIHttpException } from '../../src/nest';
import { writeSSE } from '../../src/sse';
import { nodeResponse } from './docs';
import type { AnyResponse } from './docs';
import {
  EchoError,
  chatChunks,
  chatResponse,
  completionChunks,
  completionResponse,
  countTokens,
  modelList,
} from './echo';

/** The injection token of the app's options. */
export const ECHO_OPTIONS = Symbol('ECHO_OPTIONS');

/** What the controller needs from the app's options. */
export interface EchoControllerOptions {
  /** Called with each request DTO the pipe produced, before it is answered (tests spy with it). */
  onRequest?: (body: OpenAIBaseModel, route: string) => void;
}

/** Runs `echo`, turning its refusals into OpenAI errors. */
function run<T>(produce: () => T): T {
  try {
    return produce();
  } catch (e) {
    if (e instanceof EchoError) throw new OpenAIHttpException(e.status, e.message, { param: e.param, code: e.code });
    throw e;
  }
}

function sendJson(reply: AnyResponse, body: unknown): void {
  const res = nodeResponse(reply);
  res.statusCode = 200;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  // The compiled serialisers: the same bytes as JSON.stringify, written per class.
  res.end(stringify(body));
}

/** `GET /v1/models`, `POST /v1/chat/completions`, `POST /v1/completions`, `POST /v1/count_tokens`. */
@Controller('v1')
export class EchoController {
  constructor(@Inject(ECHO_OPTIONS) private readonly options: EchoControllerOptions) {}

  /** Lists the one model, `echo`. */
  @Get('models')
  models(): ReturnType<typeof modelList> {
    return modelList();
  }

  /** A chat completion, streamed as Server-Sent Events when `stream` is true. */
  @Post('chat/completions')
  async chat(@OpenAIBody(ChatCompletionRequest) body: ChatCompletionRequest, @Res() res: AnyResponse): Promise<void> {
    this.options.onRequest?.(body, 'chat/completions');
    if (body.stream) {
      const chunks = run(() => chatChunks(body));
      await writeSSE(nodeResponse(res), chunks);
    }
    else sendJson(res, run(() => chatResponse(body)));
  }

  /** A legacy completion, streamed when `stream` is true. */
  @Post('completions')
  async complete(@OpenAIBody(CompletionRequest) body: CompletionRequest, @Res() res: AnyResponse): Promise<void> {
    this.options.onRequest?.(body, 'completions');
    if (body.stream) {
      const chunks = run(() => completionChunks(body));
      await writeSSE(nodeResponse(res), chunks);
    }
    else sendJson(res, run(() => completionResponse(body)));
  }

  /** Counts the words of a text or a conversation: `{"model", "count"}`. */
  @Post('count_tokens')
  @HttpCode(200)
  count(@OpenAIBody(CountTokenRequest) body: CountTokenRequest): { model: string; count: number } {
    this.options.onRequest?.(body, 'count_tokens');
    return run(() => countTokens(body));
  }
}
