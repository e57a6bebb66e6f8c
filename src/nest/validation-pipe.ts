/** NestJS's `ValidationPipe`, configured for the protocol DTOs. */
import { ValidationPipe } from '@nestjs/common';
import type { ArgumentMetadata, ValidationPipeOptions } from '@nestjs/common';
import * as classTransformer from 'class-transformer';
import * as classValidator from 'class-validator';
import { checkProtocol } from '../checks';
import type { ProtocolChecks } from '../checks';
import { ProtocolValidationError, issuesFromValidationErrors } from '../errors';
import { isBareRouteHazard } from './bare-route-hazards';
import { bodyModelOf, bodyShapeProblem } from './body-model';
import { OpenAIHttpException } from './exceptions';

/**
 * The options `OpenAIValidationPipe` starts from:
 * - `transform: true`, so handlers get class instances;
 * - no `whitelist`, so extra keys survive (`custom_field` reaches the handler);
 * - `forbidUnknownValues: false`;
 * - errors keep their target and value, so issues are located as precisely as by `parse`,
 *   and are listed in `parse`'s order;
 * - a 400 in the OpenAI error form, `param` being the first issue's dotted location.
 */
export const OPENAI_VALIDATION_OPTIONS: Readonly<ValidationPipeOptions> = Object.freeze({
  transform: true,
  whitelist: false,
  forbidNonWhitelisted: false,
  forbidUnknownValues: false,
  validationError: { target: true, value: true },
  exceptionFactory: (errors: unknown[]) =>
    OpenAIHttpException.fromIssues(issuesFromValidationErrors(errors as classValidator.ValidationError[])),
  // The copies this library registered its rules with, not whichever NestJS would import.
  validatorPackage: classValidator,
  transformerPackage: classTransformer,
});

/** Options of `OpenAIValidationPipe`: NestJS's `ValidationPipeOptions`, plus the protocol checks. */
export interface OpenAIValidationPipeOptions extends ValidationPipeOptions {
  /** The opt-in protocol checks, as in `Model.parse(input, { checks })`: `true` or a `ProtocolLimits`. Off by default. */
  checks?: ProtocolChecks;
}
/** Bodies on their way to a protocol model, whose `__proto__`/`constructor`/`prototype` keys the pipe keeps. */
const keepKeysOf = new WeakSet<object>();

/**
 * A `ValidationPipe` ready for the protocol DTOs (see `OPENAI_VALIDATION_OPTIONS`).
 * A body that is not a JSON object (an array, a scalar, nothing) is a 400 too.
 * Options given here override the defaults; `checks` adds the protocol checks
 * to a body class-validator accepted.
 *
 * Unlike NestJS 11 and 12's stock pipe, it does not delete `__proto__`,
 * `constructor` and `prototype` keys at every depth of a protocol body
 * (`stripProtoKeys`): the models keep them inside data as own data properties
 * and leave them out only where they would shadow a member, without touching a
 * prototype, so the body arrives as `OpenAIParsePipe` would give it. Bodies of
 * other DTOs are stripped as NestJS does.
 *
 * @example
 * app.useGlobalPipes(new OpenAIValidationPipe());
 * // or per parameter, without emitted decorator metadata:
 * create(@Body(new OpenAIValidationPipe({ expectedType: ChatCompletionRequest })) body: ChatCompletionRequest)
 */
export class OpenAIValidationPipe extends ValidationPipe {
  private readonly checks: ProtocolChecks | undefined;

  constructor(options: OpenAIValidationPipeOptions = {}) {
    const { checks, ...rest } = options;
    super({ ...OPENAI_VALIDATION_OPTIONS, ...rest });
    this.checks = checks;
  }

  /** Validates and transforms one argument; protocol bodies must be JSON objects. */
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const model = bodyModelOf(this.expectedType ?? metadata.metatype);
    if (model) {
      const problem = bodyShapeProblem(value);
      if (problem) throw new OpenAIHttpException(400, problem);
      // Bodies class-transformer cannot take safely (very deep, `constructor` keys,
      // huge objects) take the `parse` route, which answers as OpenAIParsePipe does.
      if (isBareRouteHazard(value)) {
        const result = model.safeParse(value, { checks: this.checks });
        if (!result.success) throw OpenAIHttpException.fromIssues(result.error.issues);
        return result.data;
      }
      keepKeysOf.add(value as object);
    }
    const out: unknown = await super.transform(value, metadata);
    if (model && this.checks && out instanceof model) {
      const issues = checkProtocol(out, this.checks);
      // Through the error's constructor, so the issues' echoes are cut as parse's are.
      if (issues.length) throw OpenAIHttpException.fromIssues(new ProtocolValidationError(issues, model.name).issues);
    }
    return out;
  }

  /** NestJS 11+'s prototype-key stripping, skipped for protocol bodies (see the class comment). */
  protected override stripProtoKeys(value: unknown): void {
    if (value !== null && typeof value === 'object' && keepKeysOf.has(value)) return;
    super.stripProtoKeys(value);
  }
}
