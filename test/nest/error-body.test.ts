/** The OpenAI error form, built from issues (no NestJS needed for these helpers). */
import {
  NOT_AN_OBJECT_MESSAGE,
  errorBodyFromIssues,
  errorTypeForStatus,
  isJsonObjectBody,
  isOpenAIErrorBody,
  messageFromIssues,
  openAIErrorBody,
} from '../../src/nest/error-body';
import { ChatCompletionRequest } from '../../src';

function issuesOf(input: unknown) {
  const result = ChatCompletionRequest.safeParse(input);
  if (result.success) throw new Error('accepted');
  return result.error.issues;
}

test('a rejected body becomes invalid_request_error with the first issue as a dotted param', () => {
  const body = errorBodyFromIssues(issuesOf({ model: 'm', messages: [{ role: 'user' }, { content: 'x' }], max_tokens: 'lots' }));
  expect(body).toEqual({
    error: {
      message: 'messages.1.role: Field required; max_tokens: Input should be a valid integer, unable to parse string as an integer',
      type: 'invalid_request_error',
      param: 'messages.1.role',
      code: null,
    },
  });
});

test('a root-level problem has a null param', () => {
  expect(errorBodyFromIssues([{ loc: [], type: 'model_type', msg: 'Input should be an object' }]).error.param).toBeNull();
  expect(messageFromIssues([{ loc: [], type: 'model_type', msg: 'Input should be an object' }])).toBe('body: Input should be an object');
});

test('long issue lists are cut to ten, the rest counted', () => {
  const issues = Array.from({ length: 13 }, (_, i) => ({ loc: ['suppress_tokens', i], type: 'int_parsing', msg: 'bad' }));
  const message = messageFromIssues(issues);
  expect(message.split('; ')).toHaveLength(11);
  expect(message.endsWith('; and 3 more errors')).toBe(true);
});

test('error types follow the status', () => {
  expect([400, 404, 413, 415, 422].map(errorTypeForStatus)).toEqual(Array(5).fill('invalid_request_error'));
  expect(errorTypeForStatus(401)).toBe('authentication_error');
  expect(errorTypeForStatus(403)).toBe('permission_error');
  expect(errorTypeForStatus(429)).toBe('rate_limit_error');
  expect(errorTypeForStatus(500)).toBe('server_error');
  expect(errorTypeForStatus(503)).toBe('server_error');
});

test('openAIErrorBody fills type, param and code, keeping the key order clients expect', () => {
  const body = openAIErrorBody('nope', { param: 'model', code: 'model_not_found' });
  expect(JSON.stringify(body)).toBe('{"error":{"message":"nope","type":"invalid_request_error","param":"model","code":"model_not_found"}}');
  expect(isOpenAIErrorBody(body)).toBe(true);
  expect(isOpenAIErrorBody({ message: 'x' })).toBe(false);
  expect(isOpenAIErrorBody({ error: 'x' })).toBe(false);
});

test('only JSON objects are request bodies', () => {
  expect([{}, { a: 1 }].map(isJsonObjectBody)).toEqual([true, true]);
  expect([[], null, undefined, 'x', 1, true, new Uint8Array(2)].map(isJsonObjectBody)).toEqual(Array(7).fill(false));
  expect(NOT_AN_OBJECT_MESSAGE).toMatch(/JSON object/);
});
