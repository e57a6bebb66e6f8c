/** The interface every tool-call format implements, and the registry of formats by name. */
import type { ToolDefinition } from '../models/tools';
import type { CallSink, Parser } from './grammar';

/**
 * A sink that a whole-reply format may switch to streaming once the reply is
 * known to be calls (llama3_json after `<|python_tag|>`).
 */
export interface WholeReplySink extends CallSink {
  /** From now on, announce and stream calls as they are known. */
  goLive(): void;
}

/** How one model family writes tool calls, and how its prompt lists the tools. */
export interface ToolCallFormat {
  /** The name `extractToolCalls` and `ToolCallStream` take, such as `"hermes"`. */
  readonly name: string;
  /**
   * Texts that open a call in plain text (`<tool_call>`). Text that could still
   * become one is held back while streaming.
   */
  readonly markers: readonly string[];
  /** Markers that belong to the call's value and are fed to its parser (`{` of a bare JSON call). */
  readonly valueMarkers?: readonly string[];
  /** The parser of the call that `marker` opens, fed the text after it (or from it, for a value marker). */
  open?(marker: string, sink: CallSink): Parser;
  /**
   * For a whole-reply format: the parser of the entire reply. When it fails,
   * the whole reply is content.
   */
  whole?(sink: WholeReplySink): Parser;
  /** The system-prompt section that lists `tools` and says how to call them in this format. */
  formatTools(tools: readonly ToolDefinition[]): string;
}

const registry = new Map<string, ToolCallFormat>();

/** Adds (or replaces) a format under its `name`. */
export function registerToolCallFormat(format: ToolCallFormat): void {
  registry.set(format.name, format);
}

/** The format registered under `name`; throws a clear error for an unknown one. */
export function toolCallFormat(name: string): ToolCallFormat {
  const format = registry.get(name);
  if (!format) throw new Error(`Unknown tool-call format "${name}"; known: ${[...registry.keys()].join(', ')}`);
  return format;
}

/** The names of the registered formats. */
export function toolCallFormatNames(): string[] {
  return [...registry.keys()];
}

/** The tools as the JSON lines most prompts show: one `{"type": "function", "function": {…}}` each. */
export function toolsJson(tools: readonly ToolDefinition[], indent?: number): string[] {
  return tools.map((t) =>
    JSON.stringify(
      { type: 'function', function: { name: t.function.name, description: t.function.description ?? '', parameters: t.function.parameters } },
      null,
      indent,
    ),
  );
}
