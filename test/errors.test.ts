/** ProtocolValidationError, issuesFromValidationErrors and dottedLoc (src/errors.ts). */
import { plainToInstance } from 'class-transformer';
import { IsInt, IsOptional, IsString, validateSync } from 'class-validator';
import {
  ChatCompletionRequest,
  ChatMessage,
  OpenAIBaseModel,
  ProtocolValidationError,
  dottedLoc,
  issuesFromValidationErrors,
} from '../src';

/** The error `fn` throws (fails the test when it does not throw a ProtocolValidationError). */
function caught(fn: () => unknown): ProtocolValidationError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ProtocolValidationError);
    return e as ProtocolValidationError;
  }
  throw new Error('did not throw');
}

describe('ProtocolValidationError', () => {
  it('is an Error named ProtocolValidationError with the model name and every issue', () => {
    const e = caught(() => ChatCompletionRequest.parse({ model: 5, messages: [{}] }));
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ProtocolValidationError');
    expect(e.model).toBe('ChatCompletionRequest');
    expect(e.issues).toEqual([
      { loc: ['model'], type: 'string_type', msg: 'Input should be a valid string', input: 5 },
      { loc: ['messages', 0, 'role'], type: 'missing', msg: 'Field required' },
    ]);
  });

  it('has a Pydantic-style message: a count line, then each dotted loc and its msg with [type=…]', () => {
    const e = caught(() => ChatCompletionRequest.parse({ model: 5, messages: [{}] }));
    expect(e.message).toBe(
      [
        '2 validation errors for ChatCompletionRequest',
        'model',
        '  Input should be a valid string [type=string_type, input_value=5, input_type=number]',
        'messages.0.role',
        '  Field required [type=missing]',
      ].join('\n'),
    );
  });

  it('says "1 validation error" (singular) for one issue', () => {
    const e = caught(() => ChatMessage.parse({ role: 'user', content: 7 }));
    expect(e.message.split('\n')[0]).toBe('1 validation error for ChatMessage');
    expect(e.message).toContain('\ncontent\n  Input should be a string or a list [type=union_type');
  });

  it('does not echo a huge input: a 1 MB string value gives a message well under 4 KB', () => {
    const huge = 'y'.repeat(1_000_000);
    const e = caught(() => ChatCompletionRequest.parse({ model: 'm', messages: [], max_tokens: huge, user: { huge } }));
    expect(e.message.length).toBeLessThan(4096);
    expect(e.message).toContain('max_tokens\n  Input should be a valid integer, unable to parse string as an integer [type=int_parsing');
    expect(JSON.stringify(e.issues).length).toBeLessThan(4096);
  });

  it('does not echo a huge array or object either', () => {
    const bigArray = Array.from({ length: 100_000 }, (_, i) => i);
    const e = caught(() => ChatCompletionRequest.parse({ model: bigArray, messages: { a: bigArray } }));
    expect(e.message.length).toBeLessThan(4096);
    expect(JSON.stringify(e.issues).length).toBeLessThan(4096);
  });

  it('lists at most 100 issues in the message but keeps all of them in .issues', () => {
    const bad = Array.from({ length: 150 }, () => 'x');
    const e = caught(() => ChatCompletionRequest.parse({ model: 'm', messages: [], suppress_tokens: bad }));
    expect(e.issues).toHaveLength(150);
    expect(e.issues[149].loc).toEqual(['suppress_tokens', 149]);
    expect(e.message.split('\n')[0]).toBe('150 validation errors for ChatCompletionRequest');
    expect(e.message).toContain('suppress_tokens.99\n');
    expect(e.message).not.toContain('suppress_tokens.100\n');
    expect(e.message).toMatch(/and 50 more errors/);
  });

  it('shows a root error as (root)', () => {
    const e = caught(() => ChatMessage.parse([]));
    expect(e.message.split('\n').slice(0, 2)).toEqual(['1 validation error for ChatMessage', '(root)']);
  });
});

describe('a body that is not an object', () => {
  it.each([[[]], ['text'], [5], [null], [true], [undefined]])('fails at [] with model_type: %p', (input) => {
    const e = caught(() => ChatCompletionRequest.parse(input));
    expect(e.issues.map(({ loc, type, msg }) => ({ loc, type, msg }))).toEqual([
      { loc: [], type: 'model_type', msg: 'Input should be a valid dictionary or instance of ChatCompletionRequest' },
    ]);
  });

  it.each(['[]', '"x"', '5', 'null'])('fails at [] with model_type from parseJson(%p)', (text) => {
    const e = caught(() => ChatCompletionRequest.parseJson(text));
    expect(e.issues.map((i) => [i.loc, i.type])).toEqual([[[], 'model_type']]);
  });
});

describe('parseJson on malformed JSON', () => {
  it.each(['{bad', '', '{"model": "m",', 'undefined', "{'a': 1}", '{"a": NaN}'])(
    'throws ProtocolValidationError (never SyntaxError) with json_invalid at []: %p',
    (text) => {
      const e = caught(() => ChatCompletionRequest.parseJson(text));
      expect(e).not.toBeInstanceOf(SyntaxError);
      expect(e.issues).toHaveLength(1);
      expect(e.issues[0].loc).toEqual([]);
      expect(e.issues[0].type).toBe('json_invalid');
      expect(e.issues[0].msg).toMatch(/^Invalid JSON: /);
      expect(e.message.split('\n')[0]).toBe('1 validation error for ChatCompletionRequest');
    },
  );

  it('handles malformed UTF-8 bytes the same way', () => {
    const e = caught(() => ChatCompletionRequest.parseJson(new TextEncoder().encode('{"model": ')));
    expect(e.issues[0]).toMatchObject({ loc: [], type: 'json_invalid' });
  });

  it('treats an argument that is neither text nor bytes as json_invalid, not a TypeError', () => {
    const e = caught(() => ChatCompletionRequest.parseJson(5 as unknown as string));
    expect(e.issues[0]).toMatchObject({ loc: [], type: 'json_invalid' });
  });
});

describe('dottedLoc', () => {
  it('joins keys and indexes with dots, as OpenAI\'s "param"', () => {
    expect(dottedLoc(['messages', 0, 'role'])).toBe('messages.0.role');
    expect(dottedLoc(['logit_bias', '50256'])).toBe('logit_bias.50256');
  });

  it('gives null for the root', () => {
    expect(dottedLoc([])).toBeNull();
  });
});

describe('issuesFromValidationErrors', () => {
  it("gives this library's constraints the same loc, type and msg as parse, with numeric indexes", () => {
    const body = { model: 'm', messages: [{ role: 'user' }, { role: 7 }], temperature: 'hot' };
    const inst = plainToInstance(ChatCompletionRequest, body);
    const issues = issuesFromValidationErrors(validateSync(inst, { forbidUnknownValues: false }));
    const parsed = ChatCompletionRequest.safeParse(body);
    const strip = (list: { loc: unknown; type: string; msg: string }[]) =>
      list.map(({ loc, type, msg }) => ({ loc, type, msg })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(parsed.success).toBe(false);
    expect(strip(issues)).toEqual(strip(parsed.success ? [] : parsed.error.issues));
    expect(issues.find((i) => i.type === 'string_type')?.loc).toEqual(['messages', 1, 'role']);
  });

  it("reports a user's plain class-validator constraints by constraint name and class-validator's message", () => {
    class Plain extends OpenAIBaseModel {
      @IsString() name!: string;
      @IsOptional() @IsInt() age?: number;
    }
    const inst = plainToInstance(Plain, { name: 5, age: 'x' });
    const issues = issuesFromValidationErrors(validateSync(inst, { forbidUnknownValues: false }));
    expect(issues.map(({ loc, type, msg }) => ({ loc, type, msg }))).toEqual([
      { loc: ['name'], type: 'isString', msg: 'name must be a string' },
      { loc: ['age'], type: 'isInt', msg: 'age must be an integer number' },
    ]);
  });

  it('gives [] for no errors', () => {
    expect(issuesFromValidationErrors([])).toEqual([]);
  });
});
