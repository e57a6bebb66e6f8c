/**
 * Guarantee 6: errors stay small. A 1 MB bad value gives an error whose
 * message plus JSON-encoded issues total under 4 KB (input echoes are cut);
 * 10,000 bad messages give every issue in `.issues`, and the message lists the
 * first 100 and counts the rest. No timing assertion: each case only has to
 * finish within jest's timeout.
 */
import { ChatCompletionRequest, ProtocolValidationError, issuesFromValidationErrors } from '../../src';
import type { ValidationError } from 'class-validator';
import { DECORATORS, Model, describeThrown, thrown } from './helpers';

const LIMIT = 4096;
const MB = 1 << 20;
const REQ = ChatCompletionRequest as unknown as Model;

function errorOf(f: () => unknown): ProtocolValidationError {
  const e = thrown(f);
  expect(e instanceof ProtocolValidationError ? 'ProtocolValidationError' : describeThrown(e)).toBe('ProtocolValidationError');
  return e as ProtocolValidationError;
}

const size = (e: ProtocolValidationError): number => e.message.length + JSON.stringify(e.issues).length;

const big = 'x'.repeat(MB);
// 8,000 keys of 128 characters: 1 MB. (Many more keys would time class-transformer, which dedupes keys in O(n²).)
const bigObject = (): Record<string, string> => Object.fromEntries(Array.from({ length: 8_000 }, (_, i) => [`key${i}`, 'v'.repeat(128)]));

/** A 1 MB bad value in each kind of field. */
const BAD: ReadonlyArray<[string, () => Record<string, unknown>]> = [
  ['a 1 MB string where a list is due (messages)', () => ({ model: 'm', messages: big })],
  ['a 1 MB string in an int field', () => ({ model: 'm', messages: [], max_tokens: big })],
  ['1 MB of digits in an int field', () => ({ model: 'm', messages: [], max_tokens: '9'.repeat(MB) })],
  ['1 MB of digits in a float field', () => ({ model: 'm', messages: [], temperature: '9'.repeat(MB) })],
  ['a list holding a 1 MB string in a str field', () => ({ model: [big], messages: [] })],
  ['a 1 MB object in a float field', () => ({ model: 'm', messages: [], temperature: bigObject() })],
  ['a 1 MB array in a bool field', () => ({ model: 'm', messages: [], stream: Array.from({ length: 200_000 }, () => 12345) })],
  ['a 1 MB string in a literal field', () => ({ model: 'm', messages: [], stop: [1], logit_bias: { 1: big } })],
  ['a 1 MB role in messages[0]', () => ({ model: 'm', messages: [{ role: { text: big } }] })],
  ['a 1 MB union value (content)', () => ({ model: 'm', messages: [{ role: 'user', content: [big] }] })],
  ['a 1 MB key in logit_bias', () => ({ model: 'm', messages: [], logit_bias: { [big]: 'x' } })],
  ['a 1 MB key holding null in chat_template_kwargs', () => ({ model: 'm', messages: [], chat_template_kwargs: { [big]: null } })],
  ['a too-deep extra whose keys are 1 KB each', () => {
    let v: unknown = 1;
    for (let i = 0; i < 600; i++) v = { ['k'.repeat(1024)]: v };
    return { model: 'm', messages: [], deep: v };
  }],
];

describe.each(BAD)('%s', (_name, make) => {
  it(`parse: message + issues under ${LIMIT} characters`, () => {
    const e = errorOf(() => ChatCompletionRequest.parse(make()));
    expect(size(e)).toBeLessThan(LIMIT);
  });

  it(`parseJson: message + issues under ${LIMIT} characters`, () => {
    const text = JSON.stringify(make());
    const e = errorOf(() => ChatCompletionRequest.parseJson(text));
    expect(size(e)).toBeLessThan(LIMIT);
  });
});

describe('the decorator route', () => {
  it.each(BAD.slice(0, 10))('%s: wrapped in a ProtocolValidationError, under 4 KB', (_name, make) => {
    const out = DECORATORS.run(REQ, { value: make() });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    const e = new ProtocolValidationError(out.issues, 'ChatCompletionRequest');
    expect(size(e)).toBeLessThan(LIMIT);
    // class-validator's own errors (what a NestJS exception factory would see) print no values either.
    if (Array.isArray(out.error)) expect(out.error.map(String).join('').length).toBeLessThan(LIMIT);
  });

  it.each(BAD.slice(0, 10))('%s: issuesFromValidationErrors alone cuts the echoes too', (_name, make) => {
    const out = DECORATORS.run(REQ, { value: make() });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(JSON.stringify(issuesFromValidationErrors(out.error as ValidationError[])).length).toBeLessThan(LIMIT);
  });
});

describe('10,000 bad messages', () => {
  const N = 10_000;
  const body = (): Record<string, unknown> => ({ model: 'm', messages: Array.from({ length: N }, (_, i) => ({ role: i, content: 'x' })) });

  it('parse reports every issue, and the message lists 100 and counts the rest', () => {
    const e = errorOf(() => ChatCompletionRequest.parse(body()));
    expect(e.issues).toHaveLength(N);
    expect(e.issues[N - 1]).toMatchObject({ loc: ['messages', N - 1, 'role'], type: 'string_type', input: N - 1 });
    expect(e.message.split('\n')[0]).toBe(`${N} validation errors for ChatCompletionRequest`);
    expect(e.message).toContain(`… and ${N - 100} more errors (see .issues)`);
    expect(e.message.split('\n').filter((l) => l.startsWith('messages.'))).toHaveLength(100);
    expect(e.message.length).toBeLessThan(100 * 200);
  });

  it('parseJson reports the same issues', () => {
    const e = errorOf(() => ChatCompletionRequest.parseJson(JSON.stringify(body())));
    expect(e.issues).toHaveLength(N);
    expect(new Set(e.issues.map((i) => i.loc[1])).size).toBe(N);
  });

  it('the decorator route reports every issue too', () => {
    const out = DECORATORS.run(REQ, { value: body() });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.issues.filter((i) => i.loc[2] === 'role')).toHaveLength(N);
  }, 30_000);

  it('10,000 bad messages, each with a 1 KB bad value: the message stays bounded', () => {
    const messages = Array.from({ length: N }, () => ({ role: 'y'.repeat(1024).split('') }));
    const e = errorOf(() => ChatCompletionRequest.parse({ model: 'm', messages }));
    expect(e.issues).toHaveLength(N);
    expect(e.message.length).toBeLessThan(100 * 300);
    expect(Math.max(...e.issues.map((i) => JSON.stringify(i).length))).toBeLessThan(300);
  });
});
