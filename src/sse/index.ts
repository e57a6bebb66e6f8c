/**
 * Server-Sent Events for OpenAI streams: framing and a writer for servers, a
 * parser and accumulators for clients and proxies. No NestJS import.
 */
export { SSE_DONE, SSE_HEADERS, sseEvent } from './encode';
export { writeSSE } from './writer';
export type { ChunkSource, WriteSSEOptions, WriteSSEResult } from './writer';
export { readSSEEvents } from './events';
export type { SSEEvent, SSESource } from './events';
export { parseSSEStream, parseChatStream, parseCompletionStream, SSEErrorEvent } from './parse';
export { ChatCompletionAccumulator, accumulateChatStream } from './accumulate-chat';
export { CompletionAccumulator, accumulateCompletionStream } from './accumulate-completion';
