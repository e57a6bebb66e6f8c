/** A pipe that builds protocol DTOs with the fast `Model.parse` route. */
import { Injectable } from '@nestjs/common';
import type { ArgumentMetadata, PipeTransform, Type } from '@nestjs/common';
import type { ProtocolChecks } from '../checks';
import { bodyModelOf, bodyShapeProblem } from './body-model';
import { OpenAIHttpException } from './exceptions';

/** Options of `OpenAIParsePipe`. */
export interface OpenAIParsePipeOptions {
  /** The model to parse into, whatever the parameter's declared type (needed without emitted decorator metadata). */
  expectedType?: Type<unknown>;
  /** The opt-in protocol checks, as in `Model.parse(input, { checks })`: `true` or a `ProtocolLimits`. Off by default. */
  checks?: ProtocolChecks;
}

/**
 * Parses arguments declared as a protocol model with `Model.safeParse`, the
 * fast route: same instances, same extras and the same 400s as
 * `OpenAIValidationPipe`, without class-transformer and class-validator at
 * request time. Arguments of any other type pass through unchanged.
 *
 * @example
 * app.useGlobalPipes(new OpenAIParsePipe({ checks: { maxLogprobs: 20 } }));
 */
@Injectable()
export class OpenAIParsePipe implements PipeTransform<unknown, unknown> {
  private readonly expectedType: Type<unknown> | undefined;
  private readonly checks: ProtocolChecks | undefined;

  constructor(options: OpenAIParsePipeOptions = {}) {
    this.expectedType = options.expectedType;
    this.checks = options.checks;
  }

  /** Parses one argument; throws `OpenAIHttpException` (400) when it is rejected. */
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const model = bodyModelOf(this.expectedType ?? metadata.metatype);
    if (!model) return value;
    const problem = bodyShapeProblem(value);
    if (problem) throw new OpenAIHttpException(400, problem);
    const result = model.safeParse(value, { checks: this.checks });
    if (!result.success) throw OpenAIHttpException.fromIssues(result.error.issues);
    return result.data;
  }
}
