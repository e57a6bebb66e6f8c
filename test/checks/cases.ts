/**
 * One passing and one (or more) failing body for every row of issue 12's
 * table, plus the edges. Shared by the parse test (test/checks/rules.test.ts)
 * and the pipes' test (test/nest/checks.test.ts).
 */
import type { LocKey, ProtocolLimits } from '../../src';

/** One body and what the checks make of it. */
export interface CheckCase {
  /** The table row it exercises. */
  row: string;
  /** What it shows. */
  name: string;
  kind: 'chat' | 'completion';
  /** The fields added to the minimal body of its kind. */
  body: Record<string, unknown>;
  /** The `checks` option (default `true`). */
  checks?: true | ProtocolLimits;
  /** The first issue's location when the checks refuse it; absent when they accept it. */
  loc?: LocKey[];
}

const CHAT_BASE = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };
const COMPLETION_BASE = { model: 'm', prompt: 'hi' };

/** The full body of a case. */
export function bodyOf(c: CheckCase): Record<string, unknown> {
  return { ...(c.kind === 'chat' ? CHAT_BASE : COMPLETION_BASE), ...c.body };
}

const fn = (name: string) => ({ type: 'function', function: { name } });

export const CASES: CheckCase[] = [
  { row: 'stream_options', name: 'with stream true', kind: 'chat', body: { stream: true, stream_options: { include_usage: true } } },
  { row: 'stream_options', name: 'without stream', kind: 'chat', body: { stream_options: { include_usage: true } }, loc: ['stream_options'] },
  { row: 'stream_options', name: 'with stream false (completion)', kind: 'completion', body: { stream: false, stream_options: { include_usage: true } }, loc: ['stream_options'] },
  { row: 'stream_options', name: 'null without stream', kind: 'completion', body: { stream_options: null } },

  { row: 'top_logprobs', name: 'with logprobs true', kind: 'chat', body: { logprobs: true, top_logprobs: 5 } },
  { row: 'top_logprobs', name: 'exactly maxLogprobs (20)', kind: 'chat', body: { logprobs: true, top_logprobs: 20 } },
  { row: 'top_logprobs', name: 'without logprobs', kind: 'chat', body: { top_logprobs: 5 }, loc: ['top_logprobs'] },
  { row: 'top_logprobs', name: 'with logprobs false', kind: 'chat', body: { logprobs: false, top_logprobs: 0 }, loc: ['top_logprobs'] },
  { row: 'top_logprobs', name: 'negative', kind: 'chat', body: { logprobs: true, top_logprobs: -1 }, loc: ['top_logprobs'] },
  { row: 'top_logprobs', name: 'above maxLogprobs (20)', kind: 'chat', body: { logprobs: true, top_logprobs: 21 }, loc: ['top_logprobs'] },
  { row: 'top_logprobs', name: 'exactly a given maxLogprobs', kind: 'chat', checks: { maxLogprobs: 5 }, body: { logprobs: true, top_logprobs: 5 } },
  { row: 'top_logprobs', name: 'above a given maxLogprobs', kind: 'chat', checks: { maxLogprobs: 5 }, body: { logprobs: true, top_logprobs: 6 }, loc: ['top_logprobs'] },

  { row: 'logprobs (completion)', name: '0', kind: 'completion', body: { logprobs: 0 } },
  { row: 'logprobs (completion)', name: 'exactly maxLogprobs (20)', kind: 'completion', body: { logprobs: 20 } },
  { row: 'logprobs (completion)', name: 'above maxLogprobs', kind: 'completion', body: { logprobs: 21 }, loc: ['logprobs'] },
  { row: 'logprobs (completion)', name: 'negative', kind: 'completion', body: { logprobs: -1 }, loc: ['logprobs'] },

  { row: 'tool_choice', name: '"auto" with tools', kind: 'chat', body: { tools: [fn('f')], tool_choice: 'auto' } },
  { row: 'tool_choice', name: '"none" without tools', kind: 'chat', body: { tool_choice: 'none' } },
  { row: 'tool_choice', name: 'a named tool in tools', kind: 'chat', body: { tools: [fn('f'), fn('g')], tool_choice: fn('g') } },
  { row: 'tool_choice', name: 'an unknown string', kind: 'chat', body: { tools: [fn('f')], tool_choice: 'sometimes' }, loc: ['tool_choice'] },
  { row: 'tool_choice', name: '"required" without tools', kind: 'chat', body: { tool_choice: 'required' }, loc: ['tool_choice'] },
  { row: 'tool_choice', name: '"auto" with empty tools', kind: 'chat', body: { tools: [], tool_choice: 'auto' }, loc: ['tool_choice'] },
  { row: 'tool_choice', name: 'a named tool without tools', kind: 'chat', body: { tool_choice: fn('f') }, loc: ['tool_choice'] },
  { row: 'tool_choice', name: 'an object of another form', kind: 'chat', body: { tools: [fn('f')], tool_choice: { type: 'function', function: {} } }, loc: ['tool_choice'] },
  { row: 'tool_choice', name: 'an object of an unknown type', kind: 'chat', body: { tools: [fn('f')], tool_choice: { type: 'tool', name: 'f' } }, loc: ['tool_choice'] },
  { row: 'tool_choice', name: 'a named tool not in tools', kind: 'chat', body: { tools: [fn('f')], tool_choice: fn('get_weather') }, loc: ['tool_choice'] },
  { row: 'tool_choice', name: 'a custom tool named where only a function has the name', kind: 'chat', body: { tools: [fn('f')], tool_choice: { type: 'custom', custom: { name: 'f' } } }, loc: ['tool_choice'] },

  { row: 'n', name: '1', kind: 'chat', body: { n: 1 } },
  { row: 'n', name: '0', kind: 'chat', body: { n: 0 }, loc: ['n'] },
  { row: 'n', name: 'exactly maxN', kind: 'completion', checks: { maxN: 4 }, body: { n: 4 } },
  { row: 'n', name: 'above maxN', kind: 'completion', checks: { maxN: 4 }, body: { n: 5 }, loc: ['n'] },
  { row: 'n', name: 'large without maxN', kind: 'completion', body: { n: 500 } },

  { row: 'temperature', name: 'exactly 2.0', kind: 'chat', body: { temperature: 2.0 } },
  { row: 'temperature', name: '0', kind: 'completion', body: { temperature: 0 } },
  { row: 'temperature', name: 'above 2', kind: 'chat', body: { temperature: 2.01 }, loc: ['temperature'] },
  { row: 'temperature', name: 'negative', kind: 'completion', body: { temperature: -0.1 }, loc: ['temperature'] },

  { row: 'top_p', name: 'exactly 1', kind: 'chat', body: { top_p: 1 } },
  { row: 'top_p', name: '0', kind: 'chat', body: { top_p: 0 }, loc: ['top_p'] },
  { row: 'top_p', name: 'above 1', kind: 'completion', body: { top_p: 1.5 }, loc: ['top_p'] },

  { row: 'top_k', name: '0 (the default)', kind: 'chat', body: { top_k: 0 } },
  { row: 'top_k', name: '-1', kind: 'completion', body: { top_k: -1 } },
  { row: 'top_k', name: '-2', kind: 'chat', body: { top_k: -2 }, loc: ['top_k'] },

  { row: 'min_p', name: 'exactly 1', kind: 'chat', body: { min_p: 1 } },
  { row: 'min_p', name: 'above 1', kind: 'chat', body: { min_p: 1.5 }, loc: ['min_p'] },
  { row: 'min_p', name: 'negative', kind: 'completion', body: { min_p: -0.1 }, loc: ['min_p'] },

  { row: 'presence_penalty, frequency_penalty', name: 'presence exactly -2', kind: 'chat', body: { presence_penalty: -2 } },
  { row: 'presence_penalty, frequency_penalty', name: 'presence above 2', kind: 'chat', body: { presence_penalty: 2.5 }, loc: ['presence_penalty'] },
  { row: 'presence_penalty, frequency_penalty', name: 'frequency exactly 2', kind: 'completion', body: { frequency_penalty: 2 } },
  { row: 'presence_penalty, frequency_penalty', name: 'frequency below -2', kind: 'completion', body: { frequency_penalty: -3 }, loc: ['frequency_penalty'] },

  { row: 'repetition_penalty', name: '0.5', kind: 'chat', body: { repetition_penalty: 0.5 } },
  { row: 'repetition_penalty', name: '0', kind: 'chat', body: { repetition_penalty: 0 }, loc: ['repetition_penalty'] },

  { row: 'max_tokens, max_completion_tokens', name: 'max_tokens 1', kind: 'completion', body: { max_tokens: 1 } },
  { row: 'max_tokens, max_completion_tokens', name: 'max_tokens 0', kind: 'completion', body: { max_tokens: 0 }, loc: ['max_tokens'] },
  { row: 'max_tokens, max_completion_tokens', name: 'max_completion_tokens 1', kind: 'chat', body: { max_completion_tokens: 1 } },
  { row: 'max_tokens, max_completion_tokens', name: 'max_completion_tokens 0', kind: 'chat', body: { max_completion_tokens: 0 }, loc: ['max_completion_tokens'] },

  { row: 'min_tokens', name: 'equal to max_tokens', kind: 'chat', body: { min_tokens: 10, max_tokens: 10 } },
  { row: 'min_tokens', name: 'above max_tokens', kind: 'chat', body: { min_tokens: 11, max_tokens: 10 }, loc: ['min_tokens'] },
  // Only a max_tokens that was sent counts, as in vLLM: its default (128) does not.
  { row: 'min_tokens', name: 'above the default max_tokens (128), which was not sent', kind: 'completion', body: { min_tokens: 200 } },
  { row: 'min_tokens', name: 'above the default max_tokens (128), which was not sent (chat)', kind: 'chat', body: { min_tokens: 200 } },
  { row: 'min_tokens', name: 'max_tokens null (absent)', kind: 'completion', body: { min_tokens: 200, max_tokens: null } },
  { row: 'min_tokens', name: 'above a sent max_tokens of 128', kind: 'completion', body: { min_tokens: 129, max_tokens: 128 }, loc: ['min_tokens'] },
  { row: 'min_tokens', name: 'negative', kind: 'completion', body: { min_tokens: -1 }, loc: ['min_tokens'] },
  { row: 'min_tokens', name: 'below max_completion_tokens, above max_tokens', kind: 'chat', body: { min_tokens: 50, max_tokens: 10, max_completion_tokens: 60 } },
  { row: 'min_tokens', name: 'above max_completion_tokens, below max_tokens', kind: 'chat', body: { min_tokens: 50, max_tokens: 100, max_completion_tokens: 40 }, loc: ['min_tokens'] },

  { row: 'logit_bias', name: 'exactly -100 and 100', kind: 'chat', body: { logit_bias: { '50256': -100, '198': 100 } } },
  { row: 'logit_bias', name: 'a word as key', kind: 'chat', body: { logit_bias: { '198': 1, hello: 1 } }, loc: ['logit_bias', 'hello'] },
  { row: 'logit_bias', name: 'a negative key', kind: 'completion', body: { logit_bias: { '-1': 1 } }, loc: ['logit_bias', '-1'] },
  { row: 'logit_bias', name: 'below -100', kind: 'chat', body: { logit_bias: { '5': -100.5 } }, loc: ['logit_bias', '5'] },
  { row: 'logit_bias', name: 'above 100', kind: 'completion', body: { logit_bias: { '5': 101 } }, loc: ['logit_bias', '5'] },
  { row: 'logit_bias', name: 'the last id of the vocabulary', kind: 'chat', checks: { vocabSize: 50257 }, body: { logit_bias: { '50256': 5 } } },
  { row: 'logit_bias', name: 'an id at vocabSize', kind: 'chat', checks: { vocabSize: 50257 }, body: { logit_bias: { '50257': 5 } }, loc: ['logit_bias', '50257'] },

  { row: 'stop', name: 'a string and a list', kind: 'chat', body: { stop: ['a', 'b'] } },
  { row: 'stop', name: 'an empty string', kind: 'chat', body: { stop: '' }, loc: ['stop'] },
  { row: 'stop', name: 'an empty string in a list', kind: 'completion', body: { stop: ['a', ''] }, loc: ['stop', 1] },

  { row: 'messages', name: 'a tool message with tool_call_id', kind: 'chat', body: { messages: [{ role: 'user', content: 'hi' }, { role: 'tool', content: '42', tool_call_id: 'call_1' }] } },
  { row: 'messages', name: 'a tool message without tool_call_id', kind: 'chat', body: { messages: [{ role: 'user', content: 'hi' }, { role: 'tool', content: '42' }] }, loc: ['messages', 1, 'tool_call_id'] },

  { row: 'stop_token_ids (vocabSize)', name: 'ids below vocabSize', kind: 'chat', checks: { vocabSize: 100 }, body: { stop_token_ids: [0, 99] } },
  { row: 'stop_token_ids (vocabSize)', name: 'an id at vocabSize', kind: 'completion', checks: { vocabSize: 100 }, body: { stop_token_ids: [1, 100] }, loc: ['stop_token_ids', 1] },
  { row: 'stop_token_ids (vocabSize)', name: 'any id without vocabSize', kind: 'completion', body: { stop_token_ids: [1, 1e9] } },
];
