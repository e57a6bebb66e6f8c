/** `@OpenAIBody(Model)`: `@Body()` that tells the pipes the model even without emitted decorator metadata. */
import 'reflect-metadata';
import { Body } from '@nestjs/common';
import type { PipeTransform, Type } from '@nestjs/common';
import type { OpenAIBaseModel } from '../model';

/** The metadata key TypeScript's `emitDecoratorMetadata` uses for parameter types, and NestJS reads. */
const PARAMTYPES = 'design:paramtypes';

/**
 * The request body as `model`: records `model` as the parameter's type (what
 * `emitDecoratorMetadata` would have recorded), then applies `@Body(...pipes)`.
 * Global pipes such as `OpenAIValidationPipe` or `OpenAIParsePipe` then know
 * what to build, whatever the compiler (tsc without decorator metadata, esbuild, …).
 *
 * @example
 * @Post('chat/completions')
 * create(@OpenAIBody(ChatCompletionRequest) body: ChatCompletionRequest) { … }
 */
export function OpenAIBody(
  model: Type<OpenAIBaseModel>,
  ...pipes: Array<Type<PipeTransform> | PipeTransform>
): ParameterDecorator {
  return (target, key, index) => {
    if (key !== undefined) {
      const types: unknown[] = [...((Reflect.getMetadata(PARAMTYPES, target, key) as unknown[] | undefined) ?? [])];
      types[index] = model;
      Reflect.defineMetadata(PARAMTYPES, types, target, key);
    }
    Body(...pipes)(target, key, index);
  };
}
