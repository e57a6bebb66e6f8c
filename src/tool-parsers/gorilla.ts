/**
 * Gorilla OpenFunctions: `<<<name(key=value, …)>>>`, keyword arguments only,
 * values in JSON or Python syntax, several calls in one block separated by commas.
 * https://github.com/ShishirPatil/gorilla/tree/main/openfunctions
 */
import type { ToolDefinition } from '../models/tools';
import type { ToolCallFormat } from './format';
import { CallSink, Lit, Parser, Rep, Seq, Ws } from './grammar';
import { PythonCall, startsPythonName } from './python-call';

function gorillaPrompt(tools: readonly ToolDefinition[]): string {
  const fns = JSON.stringify(tools.map((t) => ({ name: t.function.name, description: t.function.description ?? '', parameters: t.function.parameters })));
  return [
    'You are an AI programming assistant, utilizing the Gorilla LLM model. You can call the functions below.',
    `<<function>>${fns}`,
    'To call functions, write each call as <<<function_name(param_name=value, …)>>>, with keyword arguments only and values as JSON or Python literals;',
    'several calls may share one block, separated by commas: <<<f(a=1), g(b="x")>>>.',
  ].join('\n');
}

/** The `gorilla` format. */
export const gorilla: ToolCallFormat = {
  name: 'gorilla',
  markers: ['<<<'],
  open(_marker: string, sink: CallSink): Parser {
    return new Seq([
      () => new Ws(),
      () => new Rep(() => new PythonCall(sink), ',;', startsPythonName),
      () => new Ws(),
      () => new Lit('>>>'),
    ]);
  },
  formatTools: gorillaPrompt,
};
