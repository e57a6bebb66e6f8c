/**
 * A bench server: the plain-Fastify peer of the demo echo server, the stack a
 * Node gateway team would pick instead of NestJS + this library.
 *
 * What it does: `POST /v1/chat/completions` with Fastify's own body
 * validation (`schema: { body }`), the validator compiled by ajv 8 (draft
 * 2020-12, `useDefaults`, `coerceTypes`, `allowUnionTypes`, `strict: false`
 * because the schema has defaults under `anyOf`, which strict mode refuses)
 * from this project's `ChatCompletionRequest.jsonSchema()`. A body that fails
 * gets Fastify's 400. A valid one gets an echo answer like the demo's: the
 * last user (or tool) message's text, as one `chat.completion` object built
 * as a plain object and sent with `JSON.stringify` (no response schema), or,
 * with `stream: true`, as Server-Sent Events written one `write` per chunk: a
 * role chunk, one chunk per word (the demo's `wordPieces`), a finish chunk,
 * then `data: [DONE]`.
 *
 * What it does not do: no protocol checks (`maxLogprobs`, `n`, `tool_choice`,
 * model name), no tool calls, `stop`, `max_tokens`, `n`, `logprobs` or
 * `response_format`, no OpenAI-shaped error bodies, no model instances — ajv
 * checks and fills in the plain parsed JSON, nothing more. It answers the
 * bench request (no tool forced, `tool_choice: "auto"`) as the demo does, with
 * a body of about the same size (the bench records both sizes).
 */
import Ajv2020 from 'ajv/dist/2020';
import Fastify from 'fastify';
import { randomBytes } from 'crypto';
import { ChatCompletionRequest } from '../../src';
import { countWords, wordPieces } from '../../examples/echo-server/words';
import { serveForParent } from './child';

/** The parts of a request body this peer reads (ajv has checked the rest). */
interface Body {
  model: string;
  stream?: boolean | null;
  messages: Array<{ role: string; content?: string | Array<{ type: string; text?: string }> | null }>;
}

const ajv = new Ajv2020({ useDefaults: true, coerceTypes: true, allowUnionTypes: true, strict: false });

function textOf(content: Body['messages'][number]['content']): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  // As the demo's messageText: the text parts, joined with a space.
  return content
    .filter((part) => part.type === 'text' && typeof part.text === 'string')
    .map((part) => part.text as string)
    .join(' ');
}

function replyOf(body: Body): string {
  for (let i = body.messages.length - 1; i >= 0; i--) {
    const m = body.messages[i];
    if (m.role === 'user' || m.role === 'tool') return textOf(m.content);
  }
  return '';
}

function usageOf(body: Body, reply: string): { prompt_tokens: number; completion_tokens: number; total_tokens: number } {
  const prompt = body.messages.reduce((n, m) => n + countWords(textOf(m.content)), 0);
  const completion = countWords(reply);
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

const app = Fastify({ logger: false, bodyLimit: 10 * 1024 * 1024 });
app.setValidatorCompiler(({ schema }) => ajv.compile(schema));

app.post<{ Body: Body }>(
  '/v1/chat/completions',
  { schema: { body: ChatCompletionRequest.jsonSchema() } },
  async (request, reply) => {
    const body = request.body;
    const text = replyOf(body);
    const id = `chatcmpl-${randomBytes(16).toString('hex')}`;
    const created = Math.floor(Date.now() / 1000);
    if (!body.stream) {
      reply.header('content-type', 'application/json; charset=utf-8');
      return JSON.stringify({
        id,
        object: 'chat.completion',
        created,
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content: text, tool_calls: [] }, logprobs: null, finish_reason: 'stop' }],
        usage: usageOf(body, text),
      });
    }
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
    const event = (delta: Record<string, string>, finish: string | null): string =>
      `data: ${JSON.stringify({
        id,
        object: 'chat.completion.chunk',
        created,
        model: body.model,
        choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
      })}\n\n`;
    const events = [event({ role: 'assistant', content: '' }, null), ...wordPieces(text).map((p) => event({ content: p }, null))];
    events.push(event({}, 'stop'), 'data: [DONE]\n\n');
    for (const e of events) {
      if (!res.write(e)) await new Promise<void>((resolve) => res.once('drain', () => resolve()));
    }
    res.end();
  },
);

serveForParent(
  async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('Fastify gave no port');
    return address.port;
  },
  () => app.close(),
);
