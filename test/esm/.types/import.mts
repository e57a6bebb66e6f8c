// Type-checked by test/esm/module-formats.test.ts (this folder starts with a dot, so the project tsconfig, whose node10 resolution cannot read "exports", leaves it out) with `moduleResolution: node16`:
// the "types" of each "exports" entry resolve, for `import` (this file) and `require` (require.cts).
import { ChatCompletionRequest } from 'oai-protocols';
import type { ChatCompletionResponse } from 'oai-protocols';
import { OpenAIValidationPipe, OpenAIExceptionFilter } from 'oai-protocols/nest';

const request: ChatCompletionRequest = ChatCompletionRequest.parse({ model: 'm', messages: [] });
const model: string = request.model;
const respond = (r: ChatCompletionResponse): number => r.choices.length;
export const used = [model, respond, new OpenAIValidationPipe(), OpenAIExceptionFilter];
