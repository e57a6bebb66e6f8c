/** JSON scalar fields (ScalarField / jsonScalarType) and the chat_template_kwargs map; on both routes. */
import { ChatCompletionRequest, OpenAIBaseModel, ScalarField } from '../../src';
import { accept, reject } from '../helpers/routes';

class Scalars extends OpenAIBaseModel {
  @ScalarField() value!: number | string | boolean;
  @ScalarField({ nullable: true }) maybe: number | string | boolean | null = null;
}

const SCALAR = 'Input should be a finite number, a string or a boolean';

describe('ScalarField (int | float | str | bool, no coercion)', () => {
  it.each([0, 1, -2.5, 1e20, 2 ** 53 + 2, '', '3', 'true', true, false])('keeps %p exactly as given on both routes', (input) => {
    const [fast, deco] = accept(Scalars, { value: input });
    expect(fast.value).toBe(input);
    expect(deco.value).toBe(input);
  });

  it.each([[[1]], [{}], [NaN], [Infinity]])('rejects %p with scalar_type on both routes', (input) => {
    expect(reject(Scalars, { value: input })).toEqual([{ loc: ['value'], type: 'scalar_type', msg: SCALAR }]);
  });

  it('rejects null for a non-nullable scalar and keeps null for a nullable one', () => {
    expect(reject(Scalars, { value: null })).toEqual([
      { loc: ['value'], type: 'scalar_type', msg: 'Input should be a number, a string or a boolean' },
    ]);
    expect(accept(Scalars, { value: 1, maybe: null })[1].maybe).toBeNull();
  });
});

describe('ChatCompletionRequest.chat_template_kwargs (dict[str, int | float | str | bool] | null)', () => {
  const base = { model: 'm', messages: [] };

  it('keeps numbers (any size), strings and booleans as given, without coercion', () => {
    const kwargs = { enable_thinking: false, n: 3, s: 'x', big: 1e20, f: 0.5, digits: '3', t: 'true' };
    const [fast, deco] = accept(ChatCompletionRequest, { ...base, chat_template_kwargs: kwargs });
    expect(fast.chat_template_kwargs).toEqual(kwargs);
    expect(deco.chat_template_kwargs).toEqual(kwargs);
  });

  it.each([
    ['null', null],
    ['an array', [1]],
    ['an object', { a: 1 }],
  ])('rejects %s as a value, at ["chat_template_kwargs", key]', (_what, value) => {
    expect(reject(ChatCompletionRequest, { ...base, chat_template_kwargs: { ok: 1, bad: value } })).toEqual([
      { loc: ['chat_template_kwargs', 'bad'], type: 'scalar_type', msg: expect.stringContaining('a string or a boolean') },
    ]);
  });

  it('accepts chat_template_kwargs: null and rejects a non-object', () => {
    expect(accept(ChatCompletionRequest, { ...base, chat_template_kwargs: null })[0].chat_template_kwargs).toBeNull();
    expect(reject(ChatCompletionRequest, { ...base, chat_template_kwargs: [] })).toEqual([
      { loc: ['chat_template_kwargs'], type: 'dict_type', msg: 'Input should be a valid dictionary' },
    ]);
  });
});
