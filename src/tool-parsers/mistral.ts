/**
 * Mistral: `[TOOL_CALLS]` then a JSON array of `{name, arguments}` (v0.3
 * tokenizer), or the newer `[TOOL_CALLS]name[ARGS]{…}` (tokenizer v11+),
 * repeated for several calls. Text may come before; the calls run to the end.
 * https://huggingface.co/mistralai/Mistral-7B-Instruct-v0.3
 * https://github.com/mistralai/mistral-common (tokens [TOOL_CALLS], [ARGS], [AVAILABLE_TOOLS])
 */
import type { ToolDefinition } from '../models/tools';
import { ArgsValue, callsValue } from './calls';
import { ToolCallFormat, toolsJson } from './format';
import { CallSink, End, NameUntil, Parser, Pick, Rep, Seq, Ws, isNameChar } from './grammar';

function mistralPrompt(tools: readonly ToolDefinition[]): string {
  return [
    `[AVAILABLE_TOOLS] [${toolsJson(tools).join(', ')}][/AVAILABLE_TOOLS]`,
    'To call tools, end your reply with [TOOL_CALLS] followed by a JSON array of {"name": <tool name>, "arguments": <arguments object>}.',
  ].join('\n');
}

function oneCall(sink: CallSink): Parser {
  return new Pick((c) => {
    if (c === 91) return callsValue(sink);
    if (isNameChar(c) || c === 32) {
      let name = '';
      return new Seq([() => new NameUntil('[ARGS]', (n) => (name = n)), () => new ArgsValue(sink, () => name, false)]);
    }
    return undefined;
  });
}

/** `[TOOL_CALLS]` repeated between calls, as a separator (its first `[` is consumed by the list). */
class Marker extends Parser {
  private at = 1;
  feed(s: string, i: number): number {
    const t = '[TOOL_CALLS]';
    while (i < s.length) {
      if (s.charCodeAt(i) !== t.charCodeAt(this.at)) {
        this.status = 2;
        return i;
      }
      i++;
      if (++this.at === t.length) {
        this.status = 1;
        return i;
      }
    }
    return i;
  }
  end(): void {
    this.status = 2;
  }
}

/** The `mistral` format. */
export const mistral: ToolCallFormat = {
  name: 'mistral',
  markers: ['[TOOL_CALLS]'],
  open(_marker: string, sink: CallSink): Parser {
    let first = true;
    const item = (): Parser => {
      if (!first) return new Seq([() => new Marker(), () => new Ws(), () => oneCall(sink)]);
      first = false;
      return oneCall(sink);
    };
    return new Seq([
      () => new Ws(),
      () => new Rep(item, '[', () => false),
      () => new Ws(),
      () => new End(),
    ]);
  },
  formatTools: mistralPrompt,
};
