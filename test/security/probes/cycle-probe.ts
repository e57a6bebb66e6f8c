/**
 * Runs one cyclic input through `parse` in its own process, for odd-roots.test.ts:
 * a hang or a heap blow-up there must not take the jest worker down with it.
 * Usage: node -r ts-node/register/transpile-only cycle-probe.ts <case>
 * Prints one JSON line: { outcome: 'rejected' | 'accepted' | 'threw', types, ms }.
 */
import { ChatCompletionRequest, ProtocolValidationError } from '../../../src';

function body(name: string): unknown {
  switch (name) {
    case 'object-one-back-edge': {
      const o: Record<string, unknown> = {};
      o.a = o;
      return { model: 'm', messages: [], extra: o };
    }
    case 'object-two-back-edges': {
      const o: Record<string, unknown> = {};
      o.a = o;
      o.b = o;
      return { model: 'm', messages: [], extra: o };
    }
    case 'array-two-back-edges': {
      const a: unknown[] = [];
      a.push(a, a);
      return { model: 'm', messages: [], extra: a };
    }
    case 'tool-choice-two-back-edges': {
      const o: Record<string, unknown> = {};
      o.a = o;
      o.b = o;
      return { model: 'm', messages: [], tool_choice: o };
    }
    default:
      throw new Error(`unknown case ${name}`);
  }
}

const input = body(process.argv[2]);
const start = Date.now();
let result: Record<string, unknown>;
try {
  ChatCompletionRequest.parse(input);
  result = { outcome: 'accepted' };
} catch (e) {
  result =
    e instanceof ProtocolValidationError
      ? { outcome: 'rejected', types: [...new Set(e.issues.map((i) => i.type))], issues: e.issues.length }
      : { outcome: 'threw', error: String(e) };
}
process.stdout.write(`${JSON.stringify({ ...result, ms: Date.now() - start })}\n`);
