/** Literal fields (LiteralField / literalType): exactly one of the listed strings, on both routes. */
import {
  ChatCompletionResponseChoice,
  ChatCompletionStreamResponseChoice,
  CompletionResponseChoice,
  DeltaToolCall,
  LiteralField,
  OpenAIBaseModel,
} from '../../src';
import { accept, reject } from '../helpers/routes';

class Lits extends OpenAIBaseModel {
  @LiteralField(['low', 'high']) level!: 'low' | 'high';
  @LiteralField(['x'], { nullable: true }) one: 'x' | null = null;
}

const LEVEL = "Input should be 'low' or 'high'";

describe('LiteralField (Literal[...])', () => {
  it.each(['low', 'high'])('accepts %p as given on both routes', (input) => {
    const [fast, deco] = accept(Lits, { level: input });
    expect(fast.level).toBe(input);
    expect(deco.level).toBe(input);
  });

  it.each(['LOW', 'medium', '', ' low', 1, true, ['low'], { low: 1 }])('rejects %p with literal_error on both routes', (input) => {
    expect(reject(Lits, { level: input })).toEqual([{ loc: ['level'], type: 'literal_error', msg: LEVEL }]);
  });

  it('names a single allowed value alone in the message', () => {
    expect(reject(Lits, { level: 'low', one: 'y' })).toEqual([{ loc: ['one'], type: 'literal_error', msg: "Input should be 'x'" }]);
  });

  it('rejects null for a non-nullable literal, keeps null for a nullable one, and reports an absent one as missing', () => {
    expect(reject(Lits, { level: null })).toEqual([{ loc: ['level'], type: 'literal_error', msg: LEVEL }]);
    expect(accept(Lits, { level: 'low', one: null })[0].one).toBeNull();
    expect(reject(Lits, {})).toEqual([{ loc: ['level'], type: 'missing', msg: 'Field required' }]);
  });

  describe('finish_reason on the protocol choices', () => {
    const chat = { index: 0, message: { role: 'assistant' } };
    const stream = { index: 0, delta: {} };
    const text = { index: 0, text: 't' };

    it.each(['stop', 'length', 'function_call', 'tool_calls', 'content_filter', 'abort'])('ChatCompletionResponseChoice accepts %p', (reason) => {
      expect(accept(ChatCompletionResponseChoice, { ...chat, finish_reason: reason })[0].finish_reason).toBe(reason);
    });

    it('ChatCompletionStreamResponseChoice accepts "tool_calls" (C7), "content_filter" and "abort" (C10), not "eos"', () => {
      expect(accept(ChatCompletionStreamResponseChoice, { ...stream, finish_reason: 'tool_calls' })[1].finish_reason).toBe('tool_calls');
      expect(accept(ChatCompletionStreamResponseChoice, { ...stream, finish_reason: 'abort' })[1].finish_reason).toBe('abort');
      expect(accept(ChatCompletionStreamResponseChoice, { ...stream, finish_reason: 'content_filter' })[1].finish_reason).toBe('content_filter');
      expect(reject(ChatCompletionStreamResponseChoice, { ...stream, finish_reason: 'eos' })).toEqual([
        {
          loc: ['finish_reason'],
          type: 'literal_error',
          msg: "Input should be 'stop', 'length', 'function_call', 'tool_calls', 'content_filter' or 'abort'",
        },
      ]);
    });

    it('CompletionResponseChoice rejects "tool_calls" and accepts null', () => {
      expect(reject(CompletionResponseChoice, { ...text, finish_reason: 'tool_calls' })).toEqual([
        { loc: ['finish_reason'], type: 'literal_error', msg: "Input should be 'stop', 'length', 'function_call', 'content_filter' or 'abort'" },
      ]);
      expect(accept(CompletionResponseChoice, { ...text, finish_reason: null })[0].finish_reason).toBeNull();
    });

    it('DeltaToolCall.type takes only "function" and "custom"', () => {
      expect(accept(DeltaToolCall, { index: 0, type: 'function' })[0].type).toBe('function');
      expect(accept(DeltaToolCall, { index: 0, type: 'custom' })[0].type).toBe('custom');
      expect(reject(DeltaToolCall, { index: 0, type: 'tool' })).toEqual([
        { loc: ['type'], type: 'literal_error', msg: "Input should be 'function' or 'custom'" },
      ]);
    });
  });
});
