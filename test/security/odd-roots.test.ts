/**
 * Guarantee 4: odd roots are a `ProtocolValidationError`, never another error
 * and never a crash: null, undefined, numbers, strings, arrays, Date, Map,
 * Buffer, functions, objects with throwing getters (top level and nested),
 * proxies that throw, and objects with a cycle in their extras.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { ChatCompletionRequest, ProtocolValidationError, ToolFunction } from '../../src';
import { DECORATORS, MODELS, Model, describeThrown, thrown } from './helpers';

class Custom {
  model = 'm';
  messages = [];
}
const revoked = Proxy.revocable({}, {});
revoked.revoke();

/** Values that are not a JSON object, as a caller might hand them to `parse`. */
const ODD_ROOTS: ReadonlyArray<[string, () => unknown]> = [
  ['null', () => null],
  ['undefined', () => undefined],
  ['0', () => 0],
  ['NaN', () => NaN],
  ['-Infinity', () => -Infinity],
  ['a string', () => '{"model":"m","messages":[]}'],
  ['true', () => true],
  ['a bigint', () => 10n],
  ['a symbol', () => Symbol('root')],
  ['an empty array', () => []],
  ['an array holding a valid body', () => [{ model: 'm', messages: [], name: 'f', type: 'text' }]],
  ['a Date', () => new Date(0)],
  ['a Map holding a valid body', () => new Map<string, unknown>([['model', 'm'], ['messages', []]])],
  ['a Set', () => new Set([1])],
  ['a Buffer of valid JSON', () => Buffer.from('{"model":"m","messages":[]}')],
  ['a Uint8Array', () => new Uint8Array([123, 125])],
  ['a function', () => () => ({ model: 'm', messages: [] })],
  ['a class', () => Custom],
  ['a class instance', () => new Custom()],
  ['a boxed String', () => new String('x')],
  ['a Promise', () => Promise.resolve({})],
  ['an Error', () => new Error('x')],
  ['a RegExp', () => /x/],
  ['a revoked proxy', () => revoked.proxy],
];

function expectPve(cls: Model, f: () => unknown): ProtocolValidationError {
  const e = thrown(f);
  expect(e instanceof ProtocolValidationError ? 'ProtocolValidationError' : describeThrown(e)).toBe('ProtocolValidationError');
  const error = e as ProtocolValidationError;
  expect(error.model).toBe(cls.name);
  expect(error.issues.length).toBeGreaterThan(0);
  return error;
}

describe.each(ODD_ROOTS)('root: %s', (_name, make) => {
  it('every model: parse throws a ProtocolValidationError at the root, safeParse returns it', () => {
    for (const cls of MODELS) {
      const e = expectPve(cls, () => cls.parse(make()));
      expect(e.issues[0].loc).toEqual([]);
      const r = cls.safeParse(make());
      expect(r.success).toBe(false);
    }
  });

  it('every model: parseJson of a value that is not text or bytes is a json_invalid ProtocolValidationError', () => {
    const value = make();
    if (typeof value === 'string' || ArrayBuffer.isView(value)) return; // text and bytes are parseJson's input
    for (const cls of MODELS) {
      const e = expectPve(cls, () => cls.parseJson(value as string));
      expect(e.issues[0]).toMatchObject({ loc: [], type: 'json_invalid' });
    }
  });
});

describe('parseJson of JSON text whose root is not an object', () => {
  it.each(['null', '0', '-1e308', '"text"', 'true', '[]', '[{"model":"m","messages":[]}]', '', ' ', '{', 'undefined', 'NaN', '{"a":1}x'])(
    '%j is a ProtocolValidationError for every model',
    (text) => {
      for (const cls of MODELS) {
        const e = expectPve(cls, () => cls.parseJson(text));
        expect(e.issues[0].loc).toEqual([]);
        expect(['model_type', 'json_invalid']).toContain(e.issues[0].type);
      }
    },
  );

  it('bytes that do not decode to JSON are a ProtocolValidationError', () => {
    expectPve(ChatCompletionRequest as unknown as Model, () => ChatCompletionRequest.parseJson(new Uint8Array([0xff, 0xfe, 0x7b])));
  });
});

describe('the decorator route with JSON roots that are not objects', () => {
  // What NestJS's ValidationPipe can receive: anything JSON.parse returns.
  it.each(['null', '0', '"text"', 'true', '[]', '[{"model":"m","messages":[]}]'])('%s never yields a valid instance', (text) => {
    for (const cls of MODELS) {
      const out = DECORATORS.run(cls, { text });
      expect(out.ok).toBe(false);
    }
  });
});

describe('throwing getters', () => {
  const boom = (): never => {
    throw new Error('getter boom');
  };
  function withGetter<T extends object>(target: T, key: string, get: () => unknown = boom): T {
    Object.defineProperty(target, key, { get, enumerable: true, configurable: true });
    return target;
  }

  const cases: ReadonlyArray<[string, () => object]> = [
    ['a declared field at the top', () => withGetter({ messages: [] }, 'model')],
    ['an extra at the top', () => withGetter({ model: 'm', messages: [] }, 'extra')],
    ['a field of messages[0]', () => ({ model: 'm', messages: [withGetter({ content: 'x' }, 'role')] })],
    ['an extra of messages[0]', () => ({ model: 'm', messages: [withGetter({ role: 'user' }, 'x')] })],
    ['inside parameters', () => ({ model: 'm', messages: [], tools: [{ function: { name: 'f', parameters: withGetter({}, 'type') } }] })],
    ['inside logit_bias', () => ({ model: 'm', messages: [], logit_bias: withGetter({}, '1') })],
    ['an array item', () => ({ model: 'm', messages: withGetter([] as unknown[], '0') })],
    ['a getter that throws a non-Error', () => withGetter({ model: 'm', messages: [] }, 'x', () => { throw 'a string'; })],
    ['a getter that throws a RangeError', () => withGetter({ model: 'm', messages: [] }, 'x', () => { throw new RangeError('r'); })],
    ['a getter that throws null', () => withGetter({ model: 'm', messages: [] }, 'x', () => { throw null; })],
  ];

  it.each(cases)('%s: parse throws a ProtocolValidationError, safeParse returns it', (_name, make) => {
    const cls = ChatCompletionRequest as unknown as Model;
    const e = expectPve(cls, () => cls.parse(make()));
    expect(e.message).toMatch(/validation error/);
    expect(cls.safeParse(make()).success).toBe(false);
  });

  it('a proxy whose traps throw is a ProtocolValidationError', () => {
    const hostile = new Proxy(
      { model: 'm', messages: [] },
      { ownKeys: () => { throw new Error('trap'); }, get: () => { throw new Error('trap'); } },
    );
    const cls = ChatCompletionRequest as unknown as Model;
    expectPve(cls, () => cls.parse(hostile));
    expectPve(cls, () => cls.parse({ model: 'm', messages: [], extra: hostile }));
  });
});

describe('cycles in extras: no hang, no stack overflow, a ProtocolValidationError', () => {
  function cyclicObject(): Record<string, unknown> {
    const a: Record<string, unknown> = { k: 1 };
    a.self = a;
    return a;
  }
  function cyclicArray(): unknown[] {
    const a: unknown[] = [1];
    a.push(a);
    return a;
  }
  const cases: ReadonlyArray<[string, () => Model, () => unknown]> = [
    ['a top-level extra', () => ChatCompletionRequest as unknown as Model, () => ({ model: 'm', messages: [], extra: cyclicObject() })],
    ['the body itself (an extra points back at the root)', () => ChatCompletionRequest as unknown as Model, () => {
      const body: Record<string, unknown> = { model: 'm', messages: [] };
      body.self = body;
      return body;
    }],
    ['an array extra', () => ChatCompletionRequest as unknown as Model, () => ({ model: 'm', messages: [], extra: cyclicArray() })],
    ['an extra of messages[0]', () => ChatCompletionRequest as unknown as Model, () => ({ model: 'm', messages: [{ role: 'user', x: cyclicObject() }] })],
    ['a content part', () => ChatCompletionRequest as unknown as Model, () => ({ model: 'm', messages: [{ role: 'user', content: [{ type: 't', x: cyclicArray() }] }] })],
    ['parameters', () => ToolFunction as unknown as Model, () => ({ name: 'f', parameters: cyclicObject() })],
    // `str | dict` unions: core bug, see README of this suite (the union drops the dict's nested issues).
    ['tool_choice', () => ChatCompletionRequest as unknown as Model, () => ({ model: 'm', messages: [], tool_choice: cyclicObject() })],
    ['request function_call', () => ChatCompletionRequest as unknown as Model, () => ({ model: 'm', messages: [], function_call: cyclicObject() })],
  ];

  it.each(cases)('%s', (_name, cls, make) => {
    const e = expectPve(cls(), () => cls().parse(make()));
    // `too_deep` where the cycle is walked; a cycle under a union (message content) fails that union.
    expect(e.issues.map((i) => i.type).filter((t) => t !== 'too_deep' && t !== 'union_type')).toEqual([]);
  });

  it('messages listed twice (shared, not cyclic) are fine', () => {
    const m = { role: 'user', content: 'hi' };
    const inst = ChatCompletionRequest.parse({ model: 'm', messages: [m, m, m] });
    expect(inst.messages).toHaveLength(3);
    expect(inst.messages[0]).not.toBe(inst.messages[1]);
  });
});

describe('cycles with two back-edges (each loop doubles the paths): no hang, no heap blow-up', () => {
  // Run in a child process with a 256 MB heap and a time limit, so a hang or an out-of-memory crash
  // fails this test instead of taking the jest worker down. A correct walk stops at the first
  // revisit (or at MAX_DEPTH on one path) in milliseconds; startup of ts-node takes a second or two.
  const probe = path.join(__dirname, 'probes', 'cycle-probe.ts');
  const register = require.resolve('ts-node/register/transpile-only');

  // `object-one-back-edge` is the control: it shows the probe itself works.
  it.each(['object-one-back-edge', 'object-two-back-edges', 'array-two-back-edges', 'tool-choice-two-back-edges'])('%s', (name) => {
    const run = spawnSync(process.execPath, ['--max-old-space-size=256', '-r', register, probe, name], {
      encoding: 'utf8',
      timeout: 20_000,
      killSignal: 'SIGKILL',
    });
    const verdict = /heap out of memory/.test(run.stderr ?? '')
      ? 'crashed: JavaScript heap out of memory'
      : run.error
        ? `did not finish in 20 s (${run.error.message})`
        : run.status !== 0
          ? `crashed (${run.signal ?? `status ${run.status}`}): ${run.stderr.slice(-300)}`
          : (JSON.parse(run.stdout.trim().split('\n').pop() as string) as { outcome: string }).outcome;
    expect(verdict).toBe('rejected');
  }, 30_000);
});
