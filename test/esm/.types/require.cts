// The `require` side of import.mts.
import lib = require('oai-protocols');
import nest = require('oai-protocols/nest');

const request: lib.ChatCompletionRequest = lib.ChatCompletionRequest.parse({ model: 'm', messages: [] });
const model: string = request.model;
export const used = [model, new nest.OpenAIParsePipe()];
