/** The bench inputs: the shared chat request, a 200-message request, and response builders. */
import * as fs from 'fs';
import * as path from 'path';
import { lib } from './lib';

/** The bench payload: an in-repo copy of the shared realistic request (../shared/bench/chat_request.json). */
export const BENCH_PAYLOAD_PATH = path.resolve(__dirname, 'data/chat_request.json');

/** The bench payload as text. */
export const benchText = fs.readFileSync(BENCH_PAYLOAD_PATH, 'utf8');

/** Messages in a request body. */
export function messageCount(text: string): number {
  return (JSON.parse(text) as { messages: unknown[] }).messages.length;
}

/** A request with `count` messages, made by cycling the bench payload's messages verbatim. */
export function manyMessages(count: number): string {
  const body = JSON.parse(benchText) as { messages: unknown[] };
  const base = body.messages;
  body.messages = Array.from({ length: count }, (_, i) => base[i % base.length]);
  return JSON.stringify(body);
}

// Class references taken once: dist/index.js re-exports through getters, which
// the plain peers do not pay for.
const {
  ChatCompletionResponse,
  ChatCompletionResponseChoice,
  ChatCompletionStreamResponse,
  ChatCompletionStreamResponseChoice,
  ChatMessage,
  DeltaMessage,
  UsageInfo,
} = lib;

const ID = 'chat-0123456789abcdef0123456789abcdef';
const CREATED = 1_717_171_717;
const MODEL = 'meta-llama/Llama-3.1-8B-Instruct';

/** One stream chunk built from the model classes (one token of content). */
export function buildChunk(token: string): object {
  return new ChatCompletionStreamResponse({
    id: ID,
    created: CREATED,
    model: MODEL,
    choices: [
      new ChatCompletionStreamResponseChoice({ index: 0, delta: new DeltaMessage({ content: token }) }),
    ],
  });
}

/** The same chunk as a plain object literal, every default-filled field included (the dump's shape). */
export function plainChunk(token: string): object {
  return {
    id: ID,
    object: 'chat.completion.chunk',
    created: CREATED,
    model: MODEL,
    choices: [
      { index: 0, delta: { role: null, content: token, function_call: null, tool_calls: null }, finish_reason: null },
    ],
    usage: null,
  };
}

const ANSWER =
  'Paris is 18°C and cloudy; Tokyo is 25°C and sunny, which is 77°F. Both are pleasant, Tokyo noticeably warmer.';

/** A whole chat response built from the model classes. */
export function buildResponse(): object {
  return new ChatCompletionResponse({
    id: ID,
    created: CREATED,
    model: MODEL,
    choices: [
      new ChatCompletionResponseChoice({
        index: 0,
        message: new ChatMessage({ role: 'assistant', content: ANSWER }),
        finish_reason: 'stop',
      }),
    ],
    usage: new UsageInfo({
      prompt_tokens: 412,
      completion_tokens: 57,
      total_tokens: 469,
      tokens_per_second: 38.5,
      processing_time: 1.48,
    }),
  });
}

/** The same response as a plain object literal with every default-filled field. */
export function plainResponse(): object {
  return {
    id: ID,
    object: 'chat.completion',
    created: CREATED,
    model: MODEL,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: ANSWER, name: null, function_call: null, tool_calls: null, tool_call_id: null },
        finish_reason: 'stop',
      },
    ],
    usage: { prompt_tokens: 412, completion_tokens: 57, total_tokens: 469, tokens_per_second: 38.5, processing_time: 1.48 },
  };
}
