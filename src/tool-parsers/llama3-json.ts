/**
 * Llama 3.1 / 3.3 JSON tool calling: the whole reply is an optional
 * `<|python_tag|>`, then `{"name": …, "parameters": {…}}`, several separated by `;`.
 * https://www.llama.com/docs/model-cards-and-prompt-formats/llama3_1/
 */
import type { ToolDefinition } from '../models/tools';
import { CallObject } from './calls';
import { ToolCallFormat, WholeReplySink, toolsJson } from './format';
import { End, Lit, Parser, Pick, Rep, Seq, Ws } from './grammar';

function llamaPrompt(tools: readonly ToolDefinition[]): string {
  return [
    'Given the following functions, please respond with a JSON for a function call with its proper arguments that best answers the given prompt.',
    '',
    'Respond in the format {"name": function name, "parameters": dictionary of argument name and its value}. Do not use variables.',
    'To call several functions, separate the JSON objects with ";".',
    '',
    toolsJson(tools, 4).join('\n\n'),
  ].join('\n');
}

/** The `llama3_json` format. */
export const llama3Json: ToolCallFormat = {
  name: 'llama3_json',
  markers: [],
  whole(sink: WholeReplySink): Parser {
    const calls = (): Parser => new Rep(() => new CallObject(sink), ';', () => false, true);
    return new Seq([
      () => new Ws(),
      () =>
        new Pick((c) =>
          c === 60
            ? new Seq([() => new Lit('<|python_tag|>'), () => (sink.goLive(), new Ws()), calls])
            : c === 123
              ? calls()
              : undefined,
        ),
      () => new Ws(),
      () => new End(),
    ]);
  },
  formatTools: llamaPrompt,
};
