/**
 * The places in a body where hostile keys can sit: each is a JSON template
 * with `@@` where the hostile members go, the model it is sent to, the path of
 * the object that receives them, and what kind of object that is.
 */
import {
  ChatCompletionRequest,
  ChatCompletionResponse,
  ChatCompletionStreamResponse,
  ChatMessage,
  CompletionLogprobs,
  ContentPart,
  TextPart,
  DeltaMessage,
  FunctionDefinition,
  OpenAIBaseModel,
  UsageInfo,
} from '../../src';
import type { Model } from './helpers';

/**
 * `model`: a nested model instance (class-transformer builds it from `@Type`);
 * `free`: a free-form JSON object (a `dict` field, or an extra's value);
 * `map`: a `dict[str, T]` field whose values must be scalars.
 */
export type SpotKind = 'model' | 'free' | 'map';

export interface Spot {
  readonly name: string;
  readonly model: Model;
  readonly template: string;
  readonly path: readonly (string | number)[];
  readonly kind: SpotKind;
  /** For `model` spots: the class the object at `path` must be an instance of. */
  readonly cls?: typeof OpenAIBaseModel;
}

const REQ = ChatCompletionRequest as unknown as Model;

export const SPOTS: readonly Spot[] = [
  { name: 'request top level', model: REQ, template: '{"model":"m","messages":[],@@}', path: [], kind: 'model', cls: ChatCompletionRequest },
  {
    name: 'messages[0]',
    model: REQ,
    template: '{"model":"m","messages":[{"role":"user","content":"hi",@@}]}',
    path: ['messages', 0],
    kind: 'model',
    cls: ChatMessage,
  },
  {
    name: 'tools[0].function',
    model: REQ,
    template: '{"model":"m","messages":[],"tools":[{"type":"function","function":{"name":"f",@@}}]}',
    path: ['tools', 0, 'function'],
    kind: 'model',
    cls: FunctionDefinition,
  },
  {
    name: 'content part',
    model: REQ,
    template: '{"model":"m","messages":[{"role":"user","content":[{"type":"video_url","text":"hi",@@}]}]}',
    path: ['messages', 0, 'content', 0],
    kind: 'model',
    cls: ContentPart,
  },
  {
    name: 'text part',
    model: REQ,
    template: '{"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"hi",@@}]}]}',
    path: ['messages', 0, 'content', 0],
    kind: 'model',
    cls: TextPart,
  },
  {
    name: 'choices[0].message',
    model: ChatCompletionResponse as unknown as Model,
    template: '{"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"a",@@}}],"usage":{}}',
    path: ['choices', 0, 'message'],
    kind: 'model',
    cls: ChatMessage,
  },
  {
    name: 'usage',
    model: ChatCompletionResponse as unknown as Model,
    template: '{"model":"m","choices":[],"usage":{"prompt_tokens":1,@@}}',
    path: ['usage'],
    kind: 'model',
    cls: UsageInfo,
  },
  {
    name: 'stream choices[0].delta',
    model: ChatCompletionStreamResponse as unknown as Model,
    template: '{"model":"m","choices":[{"index":0,"delta":{"content":"a",@@}}]}',
    path: ['choices', 0, 'delta'],
    kind: 'model',
    cls: DeltaMessage,
  },
  {
    name: 'tools[0].function.parameters',
    model: REQ,
    template: '{"model":"m","messages":[],"tools":[{"function":{"name":"f","parameters":{"type":"object",@@}}}]}',
    path: ['tools', 0, 'function', 'parameters'],
    kind: 'free',
  },
  {
    name: 'parameters.properties.city (deeper)',
    model: REQ,
    template: '{"model":"m","messages":[],"tools":[{"function":{"name":"f","parameters":{"properties":{"city":{"type":"string",@@}}}}}]}',
    path: ['tools', 0, 'function', 'parameters', 'properties', 'city'],
    kind: 'free',
  },
  {
    name: 'messages[0].function_call',
    model: REQ,
    template: '{"model":"m","messages":[{"role":"assistant","function_call":{"name":"f",@@}}]}',
    path: ['messages', 0, 'function_call'],
    kind: 'free',
  },
  {
    name: 'tool_choice',
    model: REQ,
    template: '{"model":"m","messages":[],"tool_choice":{"type":"function",@@}}',
    path: ['tool_choice'],
    kind: 'free',
  },
  {
    name: 'request function_call',
    model: REQ,
    template: '{"model":"m","messages":[],"function_call":{"name":"f",@@}}',
    path: ['function_call'],
    kind: 'free',
  },
  {
    name: 'top-level extra value',
    model: REQ,
    template: '{"model":"m","messages":[],"extra":{"a":1,@@}}',
    path: ['extra'],
    kind: 'free',
  },
  {
    name: 'content part extra (video_url)',
    model: REQ,
    template: '{"model":"m","messages":[{"role":"user","content":[{"type":"video_url","video_url":{"url":"u",@@}}]}]}',
    path: ['messages', 0, 'content', 0, 'video_url'],
    kind: 'free',
  },
  {
    name: 'usage extra value',
    model: ChatCompletionResponse as unknown as Model,
    template: '{"model":"m","choices":[],"usage":{"details":{"a":1,@@}}}',
    path: ['usage', 'details'],
    kind: 'free',
  },
  {
    name: 'logit_bias',
    model: REQ,
    template: '{"model":"m","messages":[],"logit_bias":{"50256":-100,@@}}',
    path: ['logit_bias'],
    kind: 'map',
  },
  {
    name: 'chat_template_kwargs',
    model: REQ,
    template: '{"model":"m","messages":[],"chat_template_kwargs":{"enable_thinking":false,@@}}',
    path: ['chat_template_kwargs'],
    kind: 'map',
  },
  {
    name: 'logprobs top_logprobs[0]',
    model: CompletionLogprobs as unknown as Model,
    template: '{"tokens":["a"],"token_logprobs":[-0.1],"top_logprobs":[{"a":-0.1,@@}]}',
    path: ['top_logprobs', 0],
    kind: 'map',
  },
];

/** The body of `spot` with `members` (JSON object members, e.g. `"k":1`) inserted. */
export function fill(spot: Spot, members: string): string {
  return spot.template.replace('@@', members);
}
