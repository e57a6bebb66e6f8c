/** Union fields (UnionField / unionOf): `str | T[]`, `str | dict`, `str | Model[]`; errors stop at the union. */
import {
  ChatCompletionRequest,
  ChatMessage,
  CompletionRequest,
  AudioPart,
  ContentPart,
  ImagePart,
  ImageURL,
  TextPart,
  CountTokenRequest,
  OpenAIBaseModel,
  UnionField,
  dictType,
  listOf,
  strType,
} from '../../src';
import { accept, reject } from '../helpers/routes';

class Unions extends OpenAIBaseModel {
  @UnionField([strType, listOf(strType)]) words!: string | string[];
  @UnionField([strType, dictType], { nullable: true }) choice: string | Record<string, unknown> | null = null;
}

const STR_OR_LIST = 'Input should be a string or a list';
const STR_OR_DICT = 'Input should be a string or a dictionary';

describe('UnionField (A | B)', () => {
  describe('str | str[]', () => {
    it.each([['stop'], [''], [[]], [['a', 'b']]])('accepts %p as given on both routes', (input) => {
      const [fast, deco] = accept(Unions, { words: input });
      expect(fast.words).toEqual(input);
      expect(deco.words).toEqual(input);
    });

    it.each([[['a', 1]], [[null]], [5], [true], [{}]])('rejects %p with union_type at the field itself', (input) => {
      expect(reject(Unions, { words: input })).toEqual([{ loc: ['words'], type: 'union_type', msg: STR_OR_LIST }]);
    });

    it('rejects null when not nullable', () => {
      expect(reject(Unions, { words: null })).toEqual([{ loc: ['words'], type: 'union_type', msg: STR_OR_LIST }]);
    });
  });

  describe('str | dict', () => {
    it('takes a string, or an object kept as given', () => {
      expect(accept(Unions, { words: 'w', choice: 'auto' })[1].choice).toBe('auto');
      const named = { type: 'function', function: { name: 'f' }, extra: [1, null] };
      expect(accept(Unions, { words: 'w', choice: named })[1].choice).toEqual(named);
      expect(accept(Unions, { words: 'w', choice: null })[0].choice).toBeNull();
    });

    it.each([[[]], [['auto']], [5], [false]])('rejects %p with union_type', (input) => {
      expect(reject(Unions, { words: 'w', choice: input })).toEqual([{ loc: ['choice'], type: 'union_type', msg: STR_OR_DICT }]);
    });
  });

  describe('on the protocol models', () => {
    const base = { model: 'm', messages: [] };

    it('stop: a string or a list of strings; a bad item is reported at ["stop"]', () => {
      expect(accept(ChatCompletionRequest, { ...base, stop: '\n' })[0].stop).toBe('\n');
      expect(accept(ChatCompletionRequest, { ...base, stop: ['a', 'b'] })[1].stop).toEqual(['a', 'b']);
      expect(accept(ChatCompletionRequest, { ...base, stop: null })[1].stop).toBeNull();
      expect(reject(ChatCompletionRequest, { ...base, stop: ['a', 1] })).toEqual([{ loc: ['stop'], type: 'union_type', msg: STR_OR_LIST }]);
    });

    it('function_call and tool_choice: a string or an object', () => {
      const tool_choice = { type: 'function', function: { name: 'get_weather' } };
      const [fast] = accept(ChatCompletionRequest, { ...base, function_call: 'none', tool_choice });
      expect(fast.function_call).toBe('none');
      expect(fast.tool_choice).toEqual(tool_choice);
      expect(reject(ChatCompletionRequest, { ...base, tool_choice: 1, function_call: [] })).toEqual([
        { loc: ['function_call'], type: 'union_type', msg: STR_OR_DICT },
        { loc: ['tool_choice'], type: 'union_type', msg: STR_OR_DICT },
      ]);
    });

    it('CompletionRequest.prompt: a string or a list of strings, required and not nullable', () => {
      expect(accept(CompletionRequest, { model: 'm', prompt: ['a', 'b'] })[0].prompt).toEqual(['a', 'b']);
      expect(reject(CompletionRequest, { model: 'm', prompt: null })).toEqual([{ loc: ['prompt'], type: 'union_type', msg: STR_OR_LIST }]);
      expect(reject(CompletionRequest, { model: 'm' })).toEqual([{ loc: ['prompt'], type: 'missing', msg: 'Field required' }]);
    });

    it('ChatMessage.content: a list of parts becomes the part classes their type names, all ContentParts (C4, C13)', () => {
      const content = [
        { type: 'text', text: 'What is this?' },
        { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA', detail: 'low' } },
        { type: 'input_audio', input_audio: { data: 'AAAA', format: 'wav' } },
      ];
      const [fast, deco] = accept(ChatMessage, { role: 'user', content });
      for (const got of [fast, deco]) {
        const parts = got.content as ContentPart[];
        expect(parts.map((p) => p instanceof ContentPart)).toEqual([true, true, true]);
        expect(parts.map((p) => p.constructor)).toEqual([TextPart, ImagePart, AudioPart]);
        expect((parts[1] as ImagePart).image_url).toBeInstanceOf(ImageURL);
        expect(JSON.parse(JSON.stringify(parts[1]))).toEqual(content[1]);
      }
      expect(fast.toJSON().content).toEqual(content);
    });

    it('ChatMessage.content: a bad part is reported at the content field (C3: null and absent are fine)', () => {
      const CONTENT = 'Input should be a string or a list';
      expect(reject(ChatMessage, { role: 'user', content: [{ text: 'no type' }] })).toEqual([
        { loc: ['content'], type: 'union_type', msg: CONTENT },
      ]);
      expect(reject(ChatMessage, { role: 'user', content: 5 })).toEqual([{ loc: ['content'], type: 'union_type', msg: CONTENT }]);
      expect(accept(ChatMessage, { role: 'assistant', content: null })[0].content).toBeNull();
      expect(accept(ChatMessage, { role: 'assistant' })[1].content).toBeNull();
    });

    it('CountTokenRequest.conversation: a string or a list of ChatMessage', () => {
      expect(accept(CountTokenRequest, { model: 'm', conversation: 'hello' })[0].conversation).toBe('hello');
      const [, deco] = accept(CountTokenRequest, { model: 'm', conversation: [{ role: 'user', content: 'hi' }] });
      expect((deco.conversation as ChatMessage[])[0]).toBeInstanceOf(ChatMessage);
      expect(reject(CountTokenRequest, { model: 'm', conversation: [{}] })).toEqual([
        { loc: ['conversation'], type: 'union_type', msg: 'Input should be a string or a list' },
      ]);
    });
  });
});
