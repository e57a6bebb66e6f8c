/**
 * Hermes (NousResearch Hermes 2 Pro / 3, Qwen 2.5 chat templates): calls as
 * `<tool_call>{"name": …, "arguments": {…}}</tool_call>` blocks, text around them.
 * https://github.com/NousResearch/Hermes-Function-Calling
 */
import type { ToolDefinition } from '../models/tools';
import { CallObject } from './calls';
import { ToolCallFormat, toolsJson } from './format';
import { CallSink, Lit, Parser, Seq, Ws } from './grammar';

function hermesPrompt(tools: readonly ToolDefinition[]): string {
  return [
    'You are a function calling AI model. You are provided with function signatures within <tools></tools> XML tags.',
    'You may call one or more functions to assist with the user query. Don\'t make assumptions about what values to plug into functions.',
    'Here are the available tools:',
    `<tools>\n${toolsJson(tools).join('\n')}\n</tools>`,
    'For each function call return a json object with function name and arguments within <tool_call></tool_call> XML tags as follows:',
    '<tool_call>\n{"name": <function-name>, "arguments": <args-json-object>}\n</tool_call>',
  ].join('\n');
}

function hermesFormat(name: string): ToolCallFormat {
  return {
    name,
    markers: ['<tool_call>'],
    open(_marker: string, sink: CallSink): Parser {
      return new Seq([() => new Ws(), () => new CallObject(sink), () => new Ws(), () => new Lit('</tool_call>')]);
    },
    formatTools: hermesPrompt,
  };
}

/** The `hermes` format. */
export const hermes = hermesFormat('hermes');
/** The `nous` format: `hermes` under its reference name. */
export const nous = hermesFormat('nous');
