/**
 * OpenAI-style JSON calls in a raw-text reply: `{"name": …, "arguments": …}`
 * objects (or `{"function": {…}}`, or arrays of them) bare in the text, in a
 * fenced block, inside `<function_call>…</function_call>`, or after `Function call:`.
 * https://platform.openai.com/docs/guides/function-calling
 */
import type { ToolDefinition } from '../models/tools';
import { callsValue } from './calls';
import { ToolCallFormat, toolsJson } from './format';
import { CallSink, Lit, Parser, Pick, Seq, Ws, isNameChar } from './grammar';

/** The language tag after a fence: name characters only, possibly none. */
class FenceTag extends Parser {
  feed(s: string, i: number): number {
    while (i < s.length && isNameChar(s.charCodeAt(i)) && s.charCodeAt(i) < 128) i++;
    if (i < s.length) this.status = 1;
    return i;
  }
  end(): void {
    this.status = 2;
  }
}

/** The rest of a fenced block after its opening backticks. */
export function fencedCalls(sink: CallSink): Parser {
  return new Seq([() => new FenceTag(), () => new Ws(), () => callsValue(sink), () => new Ws(), () => new Lit('```')]);
}

function taggedCalls(sink: CallSink): Parser {
  return new Seq([() => new Ws(), () => callsValue(sink), () => new Ws(), () => new Lit('</function_call>')]);
}

function openaiPrompt(tools: readonly ToolDefinition[]): string {
  return [
    'You can call these functions:',
    toolsJson(tools).join('\n'),
    'To call a function, write "Function call:" followed by a JSON object {"name": <function name>, "arguments": <arguments object>};',
    'for several calls, write a JSON array of such objects.',
  ].join('\n');
}

/** The `openai` format. */
export const openai: ToolCallFormat = {
  name: 'openai',
  markers: ['```', '<function_call>', 'Function call:'],
  valueMarkers: ['{', '['],
  open(marker: string, sink: CallSink): Parser {
    switch (marker) {
      case '```':
        return fencedCalls(sink);
      case '<function_call>':
        return taggedCalls(sink);
      case 'Function call:':
        return new Seq([
          () => new Ws(),
          () =>
            new Pick((c) =>
              c === 123 || c === 91
                ? callsValue(sink)
                : c === 96
                  ? new Seq([() => new Lit('```'), () => fencedCalls(sink)])
                  : c === 60
                    ? new Seq([() => new Lit('<function_call>'), () => taggedCalls(sink)])
                    : undefined,
            ),
        ]);
      default:
        return callsValue(sink);
    }
  },
  formatTools: openaiPrompt,
};
