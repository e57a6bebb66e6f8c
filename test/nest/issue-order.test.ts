/**
 * class-validator lists a class's own fields before its parents', while `parse`
 * lists them in declaration order, parents first. For a body with several
 * errors the first issue is OpenAI's `param`, so `issuesFromValidationErrors`
 * restores parse's order and both routes name the same `param`.
 */
import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ChatCompletionRequest, ChatCompletionResponse, issuesFromValidationErrors } from '../../src';
import type { OpenAIBaseModel } from '../../src';

const CASES: Array<[string, typeof OpenAIBaseModel, object]> = [
  ['ChatCompletionRequest', ChatCompletionRequest, { model: 5, messages: [], max_tokens: 'x', chat_template_kwargs: 5 }],
  ['ChatCompletionResponse', ChatCompletionResponse, { model: 5, created: 'x', choices: 3, usage: { total_tokens: 'z' } }],
];

function parseLocs(cls: typeof OpenAIBaseModel, input: object): string[] {
  const result = cls.safeParse(input);
  if (result.success) throw new Error('accepted');
  return result.error.issues.map((i) => i.loc.join('.'));
}

function decoratorErrors(cls: typeof OpenAIBaseModel, input: object) {
  return validateSync(plainToInstance(cls, input) as object, { forbidUnknownValues: false });
}

test.each(CASES)('%s: issuesFromValidationErrors lists decorator-route issues in parse order', (_name, cls, input) => {
  const locs = issuesFromValidationErrors(decoratorErrors(cls, input)).map((i) => i.loc.join('.'));
  expect(locs).toEqual(parseLocs(cls, input));
});
