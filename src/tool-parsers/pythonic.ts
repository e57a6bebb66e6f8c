/**
 * Pythonic (Llama 3.2 and Llama 4): the whole reply is `[f(a=1), g(b='x')]`,
 * optionally between `<|python_start|>` and `<|python_end|>`.
 * https://www.llama.com/docs/model-cards-and-prompt-formats/llama3_2/
 * https://www.llama.com/docs/model-cards-and-prompt-formats/llama4/
 */
import type { ToolDefinition } from '../models/tools';
import { ToolCallFormat, WholeReplySink, toolsJson } from './format';
import { End, Lit, OptLit, Parser, Rep, Seq, Ws } from './grammar';
import { PythonCall } from './python-call';

function pythonicPrompt(tools: readonly ToolDefinition[]): string {
  return [
    'You are an expert in composing functions. You are given a question and a set of possible functions.',
    'Based on the question, you will need to make one or more function/tool calls to achieve the purpose.',
    'If you decide to invoke any of the function(s), you MUST put it in the format of [func_name1(params_name1=params_value1, params_name2=params_value2...), func_name2(params)]',
    'You SHOULD NOT include any other text in the response.',
    'Here is a list of functions in JSON format that you can invoke.',
    `[${toolsJson(tools).join(', ')}]`,
  ].join('\n');
}

/** The `pythonic` format. */
export const pythonic: ToolCallFormat = {
  name: 'pythonic',
  markers: [],
  whole(sink: WholeReplySink): Parser {
    return new Seq([
      () => new Ws(),
      () => new OptLit('<|python_start|>'),
      () => new Ws(),
      () => new Lit('['),
      () => new Ws(),
      () => new Rep(() => new PythonCall(sink), ',', () => false, true),
      () => new Ws(),
      () => new Lit(']'),
      () => new Ws(),
      () => new OptLit('<|python_end|>'),
      () => new Ws(),
      () => new End(),
    ]);
  },
  formatTools: pythonicPrompt,
};
