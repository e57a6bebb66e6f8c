/** CountTokenRequest (src/models/tokens.ts). */
import { ChatMessage, CountTokenRequest } from '../../src';
import { accept, reject } from '../helpers/routes';

describe('CountTokenRequest', () => {
  it('takes a plain-text conversation', () => {
    expect(accept(CountTokenRequest, { model: 'm', conversation: 'hello' })[0].toJSON()).toEqual({ model: 'm', conversation: 'hello' });
  });

  it('takes a list of chat messages, built as ChatMessage', () => {
    const [fast, deco] = accept(CountTokenRequest, { model: 'm', conversation: [{ role: 'user', content: 'hi' }] });
    for (const got of [fast, deco]) expect((got.conversation as ChatMessage[])[0]).toBeInstanceOf(ChatMessage);
    expect(fast.toJSON().conversation).toEqual([
      { role: 'user', content: 'hi', name: null, function_call: null, tool_calls: null, tool_call_id: null },
    ]);
  });

  it('requires model and conversation, and rejects other conversation types at ["conversation"]', () => {
    expect(reject(CountTokenRequest, {})).toEqual([
      { loc: ['model'], type: 'missing', msg: 'Field required' },
      { loc: ['conversation'], type: 'missing', msg: 'Field required' },
    ]);
    expect(reject(CountTokenRequest, { model: 'm', conversation: { role: 'user' } })).toEqual([
      { loc: ['conversation'], type: 'union_type', msg: 'Input should be a string or a list' },
    ]);
  });
});
