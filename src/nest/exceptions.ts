/** An `HttpException` whose response already has the OpenAI error form. */
import { HttpException } from '@nestjs/common';
import type { Issue } from '../errors';
import { OpenAIErrorOptions, errorBodyFromIssues, errorTypeForStatus, openAIErrorBody } from './error-body';
import type { OpenAIErrorBody } from './error-body';

/**
 * An HTTP error answered as `{"error": {"message", "type", "param", "code"}}`.
 * NestJS sends its `getResponse()` as the body even without
 * `OpenAIExceptionFilter`, so the form holds under any filter setup.
 *
 * @example
 * throw new OpenAIHttpException(400, 'Unknown tool', { param: 'tool_choice' });
 */
export class OpenAIHttpException extends HttpException {
  /** The validation issues behind a 400 built by `fromIssues` (empty otherwise). */
  readonly issues: readonly Issue[];

  constructor(status: number, message: string, options: OpenAIErrorOptions = {}, issues: readonly Issue[] = []) {
    super(openAIErrorBody(message, { ...options, type: options.type ?? errorTypeForStatus(status) }), status);
    this.issues = issues;
  }

  /** The 400 for rejected input; `param` is the dotted location of the first issue. */
  static fromIssues(issues: readonly Issue[]): OpenAIHttpException {
    const body = errorBodyFromIssues(issues);
    return new OpenAIHttpException(400, body.error.message, { param: body.error.param }, issues);
  }

  /** The response body, in the OpenAI error form. */
  override getResponse(): OpenAIErrorBody {
    return super.getResponse() as OpenAIErrorBody;
  }
}
