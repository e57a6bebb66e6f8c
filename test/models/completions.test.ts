/** The legacy completion models (src/models/completions.ts): fields, defaults and declaration order. */
import {
  ChatCompletionRequest,
  CompletionLogprobs,
  CompletionRequest,
  CompletionResponse,
  CompletionResponseChoice,
  CompletionStreamResponse,
  CompletionStreamResponseChoice,
} from '../../src';
import { accept, reject } from '../helpers/routes';

describe('CompletionRequest', () => {
  it("has chat's sampling and output parameters, with prompt in place of messages and no chat-only fields", () => {
    const [fast] = accept(CompletionRequest, { model: 'm', prompt: 'Once upon a time' });
    expect(fast.toJSON()).toEqual({
      model: 'm',
      prompt: 'Once upon a time',
      max_tokens: 128,
      presence_penalty: 0,
      frequency_penalty: 0,
      repetition_penalty: 1,
      temperature: 0.7,
      top_p: 0.95,
      top_k: 0,
      min_p: 0,
      suppress_tokens: [],
      n: 1,
      stream: false,
      stop: null,
      logit_bias: null,
      user: null,
    });
    const chatOnly = [...ChatCompletionRequest.fieldNames].filter((n) => !CompletionRequest.fieldNames.has(n));
    expect(chatOnly).toEqual([
      'messages', 'functions', 'function_call', 'tools', 'tool_choice', 'chat_template_kwargs',
      'max_completion_tokens', 'response_format', 'top_logprobs', 'parallel_tool_calls', 'reasoning_effort', 'modalities',
      'audio', 'prediction', 'store', 'metadata', 'service_tier', 'verbosity', 'web_search_options', 'safety_identifier',
      'prompt_cache_key', 'add_generation_prompt', 'continue_final_message', 'chat_template', 'documents',
    ]);
    const completionOnly = [...CompletionRequest.fieldNames].filter((n) => !ChatCompletionRequest.fieldNames.has(n));
    expect(completionOnly).toEqual(['prompt', 'best_of', 'suffix']);
  });

  it('keeps chat-only keys as extras, unchecked', () => {
    const [fast] = accept(CompletionRequest, { model: 'm', prompt: ['a'], tools: 5, messages: 'x' });
    expect(CompletionRequest.extraKeys(fast)).toEqual(['tools', 'messages']);
  });

  it('requires model and prompt', () => {
    expect(reject(CompletionRequest, {})).toEqual([
      { loc: ['model'], type: 'missing', msg: 'Field required' },
      { loc: ['prompt'], type: 'missing', msg: 'Field required' },
    ]);
  });
});

describe('CompletionLogprobs', () => {
  it('needs tokens and token_logprobs; top_logprobs and text_offset default to null', () => {
    expect(accept(CompletionLogprobs, { tokens: ['a'], token_logprobs: [-1] })[0].toJSON()).toEqual({
      tokens: ['a'],
      token_logprobs: [-1],
      top_logprobs: null,
      text_offset: null,
    });
    expect(reject(CompletionLogprobs, { tokens: ['a'] })).toEqual([{ loc: ['token_logprobs'], type: 'missing', msg: 'Field required' }]);
  });
});

describe('completion choices', () => {
  it('CompletionResponseChoice declares text before index', () => {
    expect(Object.keys(accept(CompletionResponseChoice, { index: 0, text: 't' })[0].toJSON())).toEqual(['text', 'index', 'logprobs', 'finish_reason']);
  });

  it('CompletionStreamResponseChoice declares index before text', () => {
    expect(Object.keys(accept(CompletionStreamResponseChoice, { text: 't', index: 0 })[0].toJSON())).toEqual(['index', 'text', 'logprobs', 'finish_reason']);
  });

  it('builds logprobs as CompletionLogprobs and reports its errors at logprobs.<field>', () => {
    expect(accept(CompletionResponseChoice, { text: 't', index: 0, logprobs: { tokens: [], token_logprobs: [] } })[1].logprobs).toBeInstanceOf(CompletionLogprobs);
    expect(reject(CompletionResponseChoice, { text: 't', index: 0, logprobs: { tokens: 'a', token_logprobs: [] } })).toEqual([
      { loc: ['logprobs', 'tokens'], type: 'list_type', msg: 'Input should be a valid list' },
    ]);
  });
});

describe('CompletionResponse and CompletionStreamResponse', () => {
  const head = { id: 'cmpl-1', created: 1, model: 'm', choices: [] };

  it('a response has object text_completion and a required usage', () => {
    expect(accept(CompletionResponse, { ...head, usage: {} })[0].toJSON()).toEqual({
      ...head,
      object: 'text_completion',
      usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0, tokens_per_second: 0, processing_time: 0 },
    });
    // usage is optional (C11).
    expect(accept(CompletionResponse, head)[0].usage).toBeNull();
    expect(reject(CompletionResponse, { ...head, usage: 5 }).map((i) => i.loc)).toEqual([['usage']]);
  });

  it('a chunk has object text_completion.chunk and usage defaulting to null', () => {
    const [fast] = accept(CompletionStreamResponse, head);
    expect(fast.toJSON()).toEqual({ id: 'cmpl-1', object: 'text_completion.chunk', created: 1, model: 'm', choices: [], usage: null });
    expect(Object.keys(fast.toJSON())).toEqual(['id', 'object', 'created', 'model', 'choices', 'usage']);
  });

  it('a response choice list holds CompletionResponseChoice, a chunk\'s CompletionStreamResponseChoice', () => {
    const choice = { text: 't', index: 0 };
    expect(accept(CompletionResponse, { ...head, choices: [choice], usage: {} })[1].choices[0]).toBeInstanceOf(CompletionResponseChoice);
    expect(accept(CompletionStreamResponse, { ...head, choices: [choice] })[1].choices[0]).toBeInstanceOf(CompletionStreamResponseChoice);
  });
});
