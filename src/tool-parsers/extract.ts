/** `extractToolCalls`, `ToolCallStream` and `formatToolsForPrompt`: the public face of the tool-call formats. */
import { randomBytes } from 'crypto';
import { DeltaMessage } from '../models/chat';
import {
  CustomToolDefinition,
  DeltaFunctionCall,
  DeltaToolCall,
  ExtractedToolCallInformation,
  FunctionCall,
  ToolCall,
  ToolDefinition,
} from '../models/tools';
import { toolCallFormat } from './format';
import { Machine, ToolEvent } from './machine';

/** The formats built in: the reference's `FunctionCallFormat` names plus `llama3_json`, `mistral` and `pythonic`. */
export type ToolCallFormatName =
  | 'openai'
  | 'json_schema'
  | 'hermes'
  | 'gorilla'
  | 'qwen'
  | 'nous'
  | 'llama3_json'
  | 'mistral'
  | 'pythonic';

/** Options of `extractToolCalls` and `ToolCallStream`. */
export interface ToolCallOptions {
  /** Makes each call's id; default `call_` followed by 24 random alphanumerics. */
  id?: () => string;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A tool-call id: `call_` followed by 24 random letters and digits. */
export function toolCallId(): string {
  const bytes = randomBytes(24);
  let out = 'call_';
  for (let k = 0; k < 24; k++) out += ALPHANUMERIC[bytes[k] % 62];
  return out;
}

/**
 * The tool calls in a model's raw reply, in `format` (see `ToolCallFormatName`;
 * any name given to `registerToolCallFormat` works too). `content` is the text
 * outside the calls, trimmed, or null. Broken or unclosed calls stay in
 * `content`; nothing throws for any text.
 *
 * @example
 * const info = extractToolCalls('<tool_call>{"name": "f", "arguments": {"a": 1}}</tool_call>', 'hermes');
 * info.tool_calls[0].function.arguments; // '{"a":1}'
 */
export function extractToolCalls(text: string, format: ToolCallFormatName | string, options: ToolCallOptions = {}): ExtractedToolCallInformation {
  const machine = new Machine(toolCallFormat(format), false);
  machine.push(text);
  machine.end();
  const makeId = options.id ?? toolCallId;
  const content: string[] = [];
  const calls: ToolCall[] = [];
  let args: string[] = [];
  let name = '';
  for (const e of machine.take()) {
    if (e.kind === 'content') content.push(e.text);
    else if (e.kind === 'begin') {
      name = e.name;
      args = [];
    } else if (e.kind === 'args') args.push(e.text);
    else calls.push(new ToolCall({ id: makeId(), type: 'function', function: new FunctionCall({ name, arguments: args.join('') }) }));
  }
  const text_ = content.join('').trim();
  return new ExtractedToolCallInformation({ tools_called: calls.length > 0, tool_calls: calls, content: text_ === '' ? null : text_ });
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/**
 * Turns a model's text, piece by piece, into the chat deltas a server streams:
 * content deltas for plain text, and for each call first
 * `{index, id, type: "function", function: {name}}`, then
 * `{index, function: {arguments}}` fragments as the model writes them. Text
 * that could still be a marker is held back until it is known; a call is sent
 * once its name is known. Whole-reply formats (`json_schema`, `pythonic`, and
 * `llama3_json` without `<|python_tag|>`) are decided at `end()`. Merged, the
 * deltas give what `extractToolCalls` gives for the whole text.
 *
 * @example
 * const parser = new ToolCallStream('hermes');
 * for await (const piece of engine.generate()) for (const delta of parser.push(piece)) send(delta);
 * for (const delta of parser.end()) send(delta);
 */
export class ToolCallStream {
  private readonly machine: Machine;
  private readonly makeId: () => string;
  private carry = '';
  private index = -1;
  private ended = false;

  /** A stream parser for `format`. */
  constructor(format: ToolCallFormatName | string, options: ToolCallOptions = {}) {
    this.machine = new Machine(toolCallFormat(format), true);
    this.makeId = options.id ?? toolCallId;
  }

  /** How many tool calls have been started so far. */
  get toolCallCount(): number {
    return this.index + 1;
  }

  /** Takes the next piece of the model's text; returns the deltas it completes (often none). */
  push(textDelta: string): DeltaMessage[] {
    if (this.ended) throw new Error('ToolCallStream.push() after end()');
    let text = this.carry + textDelta;
    this.carry = '';
    // A piece that ends inside a surrogate pair keeps its high half for the next one.
    if (text.length && isHighSurrogate(text.charCodeAt(text.length - 1))) {
      this.carry = text.slice(-1);
      text = text.slice(0, -1);
    }
    if (text) this.machine.push(text);
    return this.deltas(this.machine.take());
  }

  /** The text ended: returns the last deltas (held-back text, calls decided at the end). */
  end(): DeltaMessage[] {
    if (this.ended) return [];
    this.ended = true;
    if (this.carry) this.machine.push(this.carry);
    this.carry = '';
    this.machine.end();
    return this.deltas(this.machine.take());
  }

  private deltas(events: ToolEvent[]): DeltaMessage[] {
    const out: DeltaMessage[] = [];
    let argsOf = -1;
    for (const e of events) {
      if (e.kind === 'content') {
        out.push(new DeltaMessage({ content: e.text }));
        argsOf = -1;
      } else if (e.kind === 'begin') {
        this.index++;
        const fn = new DeltaFunctionCall({ name: e.name });
        out.push(new DeltaMessage({ tool_calls: [new DeltaToolCall({ index: this.index, id: this.makeId(), type: 'function', function: fn })] }));
        argsOf = -1;
      } else if (e.kind === 'args') {
        if (!e.text) continue;
        const last = out[out.length - 1];
        if (argsOf === this.index && last) {
          const fn = last.tool_calls![0].function!;
          fn.arguments = (fn.arguments ?? '') + e.text;
          continue;
        }
        const fn = new DeltaFunctionCall({ arguments: e.text });
        out.push(new DeltaMessage({ tool_calls: [new DeltaToolCall({ index: this.index, function: fn })] }));
        argsOf = this.index;
      }
    }
    return out;
  }
}

/**
 * The system-prompt section that lists `tools` in `format`'s documented style
 * and tells the model how to call them, so that `extractToolCalls` reads its reply.
 * Only function tools are listed: custom tools (C13) take free text, which no format here calls.
 */
export function formatToolsForPrompt(tools: ReadonlyArray<ToolDefinition | CustomToolDefinition>, format: ToolCallFormatName | string): string {
  return toolCallFormat(format).formatTools(tools.filter((t): t is ToolDefinition => !(t instanceof CustomToolDefinition)));
}
