/** The chat models (src/models/chat.ts): fields, defaults and declaration order per SEMANTICS.md, C3–C8. */
import {
  ChatCompletionRequest,
  ChatCompletionResponse,
  ChatCompletionResponseChoice,
  ChatCompletionStreamResponse,
  ChatCompletionStreamResponseChoice,
  ChatMessage,
  ContentPart,
  DeltaMessage,
  DeltaToolCall,
  FunctionDefinition,
  ToolCall,
  ToolDefinition,
} from '../../src';
import { accept, reject } from '../helpers/routes';

const MESSAGE_DEFAULTS = { content: null, name: null, function_call: null, tool_calls: null, tool_call_id: null };

describe('ChatMessage', () => {
  it('needs only role; dumps role, content, name, function_call, tool_calls, tool_call_id in order', () => {
    const [fast] = accept(ChatMessage, { role: 'user' });
    expect(fast.toJSON()).toEqual({ role: 'user', ...MESSAGE_DEFAULTS });
    expect(Object.keys(fast.toJSON())).toEqual(['role', 'content', 'name', 'function_call', 'tool_calls', 'tool_call_id']);
    expect(reject(ChatMessage, { content: 'hi' })).toEqual([{ loc: ['role'], type: 'missing', msg: 'Field required' }]);
  });

  it('accepts an assistant turn that only calls tools: no content (C3), tool_calls (C5)', () => {
    const body = { role: 'assistant', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"x":1}' } }] };
    const [fast, deco] = accept(ChatMessage, body);
    expect(fast.content).toBeNull();
    expect(deco.tool_calls![0]).toBeInstanceOf(ToolCall);
    expect(fast.toJSON().tool_calls).toEqual(body.tool_calls);
  });

  it('accepts a tool message with tool_call_id (C5)', () => {
    expect(accept(ChatMessage, { role: 'tool', content: '42', tool_call_id: 'call_1' })[1].tool_call_id).toBe('call_1');
    expect(reject(ChatMessage, { role: 'tool', tool_call_id: 1 })).toEqual([
      { loc: ['tool_call_id'], type: 'string_type', msg: 'Input should be a valid string' },
    ]);
  });
});

describe('ContentPart', () => {
  it('checks only a string type, keeping every other key with any JSON value (C4)', () => {
    const part = { type: 'image_url', image_url: { url: 'https://x/y.png', detail: 'high' }, n: [1, null] };
    const [fast, deco] = accept(ContentPart, part);
    expect(fast.toJSON()).toEqual(part);
    expect(deco.image_url).toEqual(part.image_url);
    expect(reject(ContentPart, { text: 'x' })).toEqual([{ loc: ['type'], type: 'missing', msg: 'Field required' }]);
    expect(reject(ContentPart, { type: 1 })).toEqual([{ loc: ['type'], type: 'string_type', msg: 'Input should be a valid string' }]);
  });
});

describe('DeltaMessage', () => {
  it('has only nullable fields, all defaulting to null', () => {
    const [fast] = accept(DeltaMessage, {});
    expect(fast.toJSON()).toEqual({ role: null, content: null, function_call: null, tool_calls: null });
  });

  it('takes tool_calls as DeltaToolCall pieces (C6)', () => {
    const [fast, deco] = accept(DeltaMessage, { tool_calls: [{ index: 0, id: 'c', type: 'function', function: { name: 'f' } }] });
    expect(deco.tool_calls![0]).toBeInstanceOf(DeltaToolCall);
    // C15: absent parts of a delta stay out of the dump.
    expect(fast.toJSON().tool_calls).toEqual([{ id: 'c', type: 'function', index: 0, function: { name: 'f' } }]);
    expect(reject(DeltaMessage, { tool_calls: [{ id: 'c' }] })).toEqual([
      { loc: ['tool_calls', 0, 'index'], type: 'missing', msg: 'Field required' },
    ]);
  });
});

describe('ChatCompletionRequest', () => {
  it('needs model and messages, and fills every default in declaration order', () => {
    const [fast] = accept(ChatCompletionRequest, { model: 'm', messages: [{ role: 'user', content: 'hi' }] });
    const dump = fast.toJSON();
    expect(dump).toEqual({
      model: 'm',
      messages: [{ role: 'user', ...MESSAGE_DEFAULTS, content: 'hi' }],
      max_tokens: 128,
      presence_penalty: 0,
      frequency_penalty: 0,
      repetition_penalty: 1,
      temperature: 0.7,
      top_p: 0.95,
      top_k: 0,
      min_p: 0,
      suppress_tokens: [],
      functions: null,
      function_call: null,
      tools: null,
      tool_choice: null,
      n: 1,
      stream: false,
      stop: null,
      logit_bias: null,
      user: null,
      chat_template_kwargs: null,
    });
    // Every declared field but the optional ones (principle 2), which stay out until given.
    expect(Object.keys(dump)).toEqual([...ChatCompletionRequest.fieldNames].slice(0, Object.keys(dump).length));
    expect(Object.keys(dump)).not.toContain('max_completion_tokens');
  });

  it('gives each instance its own suppress_tokens default', () => {
    const a = ChatCompletionRequest.parse({ model: 'm', messages: [] });
    a.suppress_tokens.push(1);
    expect(ChatCompletionRequest.parse({ model: 'm', messages: [] }).suppress_tokens).toEqual([]);
  });

  it('builds functions as FunctionDefinition and tools as ToolDefinition', () => {
    const [fast, deco] = accept(ChatCompletionRequest, {
      model: 'm',
      messages: [],
      functions: [{ name: 'f' }],
      tools: [{ function: { name: 'g', parameters: { type: 'object' } } }],
    });
    for (const got of [fast, deco]) {
      expect(got.functions![0]).toBeInstanceOf(FunctionDefinition);
      expect(got.tools![0]).toBeInstanceOf(ToolDefinition);
      expect((got.tools![0] as ToolDefinition).function).toBeInstanceOf(FunctionDefinition);
    }
    expect(fast.toJSON().tools).toEqual([{ type: 'function', function: { name: 'g', description: null, parameters: { type: 'object' } } }]);
  });

  it('accepts an OpenAI-style multimodal, tool-calling conversation', () => {
    const messages = [
      { role: 'system', content: 'be brief' },
      { role: 'user', content: [{ type: 'text', text: 'what is this?' }, { type: 'image_url', image_url: { url: 'data:,' } }] },
      { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'look', arguments: '{}' } }] },
      { role: 'tool', tool_call_id: 'c1', content: 'a cat' },
    ];
    const [fast] = accept(ChatCompletionRequest, { model: 'm', messages, tool_choice: 'auto', stream: true });
    expect(fast.messages).toHaveLength(4);
    expect(fast.stream).toBe(true);
  });
});

describe('ChatCompletionResponseChoice and ChatCompletionResponse', () => {
  it('a choice needs index and message; finish_reason defaults to null', () => {
    expect(accept(ChatCompletionResponseChoice, { index: 0, message: { role: 'assistant' } })[0].toJSON()).toEqual({
      index: 0,
      message: { role: 'assistant', ...MESSAGE_DEFAULTS },
      finish_reason: null,
    });
    expect(reject(ChatCompletionResponseChoice, {})).toEqual([
      { loc: ['index'], type: 'missing', msg: 'Field required' },
      { loc: ['message'], type: 'missing', msg: 'Field required' },
    ]);
  });

  it('a response needs model, choices and usage; object defaults to chat.completion', () => {
    const [fast] = accept(ChatCompletionResponse, { id: 'chat-1', created: 1, model: 'm', choices: [], usage: {} });
    expect(fast.toJSON()).toEqual({
      id: 'chat-1',
      object: 'chat.completion',
      created: 1,
      model: 'm',
      choices: [],
      usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0, tokens_per_second: 0, processing_time: 0 },
    });
    expect(reject(ChatCompletionResponse, { id: 'chat-1', created: 1 })).toEqual([
      { loc: ['model'], type: 'missing', msg: 'Field required' },
      { loc: ['choices'], type: 'missing', msg: 'Field required' },
    ]);
    // usage is optional on a whole response too (C11).
    expect(accept(ChatCompletionResponse, { id: 'chat-1', created: 1, model: 'm', choices: [] })[0].usage).toBeNull();
  });
});

describe('ChatCompletionStreamResponseChoice and ChatCompletionStreamResponse', () => {
  it('a stream choice needs index and delta', () => {
    expect(accept(ChatCompletionStreamResponseChoice, { index: 0, delta: { content: 'x' } })[0].toJSON()).toEqual({
      index: 0,
      delta: { role: null, content: 'x', function_call: null, tool_calls: null },
      finish_reason: null,
    });
  });

  it('a chunk has object chat.completion.chunk and an optional usage (C8)', () => {
    const [fast] = accept(ChatCompletionStreamResponse, { id: 'chat-1', created: 1, model: 'm', choices: [] });
    expect(fast.toJSON()).toEqual({ id: 'chat-1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [], usage: null });
    expect(accept(ChatCompletionStreamResponse, { id: 'chat-1', created: 1, model: 'm', choices: [], usage: { total_tokens: 3 } })[1].usage?.total_tokens).toBe(3);
  });
});
