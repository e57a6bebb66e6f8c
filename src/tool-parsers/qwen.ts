/**
 * Qwen (Qwen-Agent's function-calling prompt): `✿FUNCTION✿: name`, a newline,
 * `✿ARGS✿: {…}`; a following `✿RESULT✿` / `✿RETURN✿` is content.
 * https://github.com/QwenLM/Qwen-Agent/blob/main/qwen_agent/llm/fncall_prompts/qwen_fncall_prompt.py
 */
import type { ToolDefinition } from '../models/tools';
import { ArgsValue } from './calls';
import type { ToolCallFormat } from './format';
import { CallSink, Lit, NameUntil, OptLit, Parser, Seq, Ws } from './grammar';

function qwenPrompt(tools: readonly ToolDefinition[]): string {
  const list = tools
    .map((t) => {
      const f = t.function;
      return `### ${f.name}\n\n${f.name}: ${f.description ?? ''} Parameters: ${JSON.stringify(f.parameters)} Format the arguments as a JSON object.`;
    })
    .join('\n\n');
  const names = tools.map((t) => t.function.name).join(',');
  return [
    '# Tools',
    '',
    '## You have access to the following tools:',
    '',
    list,
    '',
    '## When you need to call a tool, please insert the following command in your reply, which can be called zero or multiple times according to your needs:',
    '',
    `✿FUNCTION✿: The tool to use, should be one of [${names}]`,
    '✿ARGS✿: The input of the tool',
    '✿RESULT✿: Tool results',
    '✿RETURN✿: Reply based on tool results. Images need to be rendered as ![](url)',
  ].join('\n');
}

/** The `qwen` format. */
export const qwen: ToolCallFormat = {
  name: 'qwen',
  markers: ['✿FUNCTION✿'],
  open(_marker: string, sink: CallSink): Parser {
    let name = '';
    return new Seq([
      () => new OptLit(':'),
      () => new NameUntil('\n', (n) => (name = n)),
      () => new Ws(),
      () => new Lit('✿ARGS✿'),
      () => new OptLit(':'),
      () => new ArgsValue(sink, () => name, true),
    ]);
  },
  formatTools: qwenPrompt,
};
