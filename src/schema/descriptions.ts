/**
 * The TSDoc text of the protocol models, used as JSON Schema `description`s
 * (TSDoc is gone at runtime). GENERATED from src/models/*.ts by
 * test/schema/extract-descriptions.ts: do not edit by hand.
 * `npx jest test/schema/descriptions.test.ts` fails when this file is stale;
 * `UPDATE_DESCRIPTIONS=1 npx jest test/schema/descriptions.test.ts` rewrites it.
 */

/** Each model class's description, by runtime class name. */
export const CLASS_DESCRIPTIONS: Readonly<Record<string, string>> = {
  "ChatCompletionRequest": "A `POST /v1/chat/completions` body.",
  "ChatCompletionResponse": "A whole (not streamed) chat response.",
  "ChatCompletionResponseChoice": "One choice of a chat response.",
  "ChatCompletionStreamResponse": "One chunk of a streamed chat response (`data: {…}` in the event stream).",
  "ChatCompletionStreamResponseChoice": "One choice of a stream chunk.",
  "ChatMessage": "One message of a conversation.",
  "ChatRequestHead": "The head of a chat request: the model and the conversation.",
  "ChatRequestTools": "The chat-only tool fields, between the sampling and the output parameters.",
  "CompletionLogprobs": "Log-probabilities of the generated tokens.",
  "CompletionRequest": "A `POST /v1/completions` body.",
  "CompletionRequestHead": "The head of a completion request: the model and the prompt.",
  "CompletionResponse": "A whole (not streamed) completion response.",
  "CompletionResponseChoice": "One choice of a completion response.",
  "CompletionStreamResponse": "One chunk of a streamed completion response.",
  "CompletionStreamResponseChoice": "One choice of a completion stream chunk (the reference declares `index` before `text` here).",
  "ContentPart": "One part of a multi-part message content: `{\"type\": \"text\", \"text\": …}`, `{\"type\": \"image_url\", \"image_url\": {…}}`, `{\"type\": \"input_audio\", …}`. Only `type` is checked; every other key is kept as given (C4).",
  "CountTokenRequest": "A request to count the tokens of a text or a conversation with a model's tokenizer.",
  "DeltaFunctionCall": "A piece of a function call in a stream chunk; pieces concatenate.",
  "DeltaMessage": "The change a stream chunk carries for one choice.",
  "DeltaToolCall": "A piece of a tool call in a stream chunk; pieces with the same `index` merge.",
  "ExtractedToolCallInformation": "What a tool parser extracted from a model's raw output.",
  "Function": "A function the model may call. Exported as `Function` (its reference name) and as `ToolFunction`, which does not shadow the global `Function` type.",
  "FunctionCall": "A complete function call made by the model.",
  "FunctionDefinition": "A function offered in a request's `functions` or `tools` (same fields as `Function`).",
  "Tool": "A tool the model may call; `function` is the only tool type.",
  "ToolCall": "A complete tool call in an assistant message.",
  "ToolDefinition": "A tool offered in a request's `tools` list (its `function` is a `FunctionDefinition`).",
  "UsageInfo": "How many tokens a request used, and how fast it ran."
};

/** Each field's description, by the runtime name of the class that declares it, then the field name. */
export const FIELD_DESCRIPTIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "ChatCompletionRequest": {
    "chat_template_kwargs": "Extra keyword arguments for the chat template, such as `{\"enable_thinking\": false}`."
  },
  "ChatCompletionResponse": {
    "choices": "The generated choices.",
    "usage": "Token usage."
  },
  "ChatCompletionResponseChoice": {
    "index": "The choice's position in `choices`.",
    "message": "The generated message.",
    "finish_reason": "Why generation stopped."
  },
  "ChatCompletionStreamResponse": {
    "choices": "The choices this chunk updates (empty in a usage-only last chunk).",
    "usage": "Token usage, in the last chunk when `stream_options.include_usage` is set (C8)."
  },
  "ChatCompletionStreamResponseChoice": {
    "index": "The choice's position.",
    "delta": "What this chunk adds to the choice's message.",
    "finish_reason": "Why generation stopped, in the choice's last chunk."
  },
  "ChatMessage": {
    "role": "Who wrote it: `system`, `user`, `assistant`, `tool` or `function`.",
    "content": "The text, or a list of content parts; null or absent for an assistant turn that only calls tools (C3).",
    "name": "The author's name, or the function's name for a `function` message.",
    "function_call": "The legacy function call of an assistant message (`{name, arguments}`).",
    "tool_calls": "The tool calls of an assistant message (C5).",
    "tool_call_id": "For a `tool` message: the id of the call it answers (C5)."
  },
  "ChatRequestHead": {
    "model": "The model to use.",
    "messages": "The conversation so far."
  },
  "ChatRequestTools": {
    "functions": "Legacy functions the model may call (use `tools`).",
    "function_call": "Legacy control of function calls: `\"none\"`, `\"auto\"` or `{\"name\": …}`.",
    "tools": "Tools the model may call.",
    "tool_choice": "Which tool to call: `\"none\"`, `\"auto\"`, `\"required\"` or `{\"type\": \"function\", \"function\": {\"name\": …}}`."
  },
  "CompletionLogprobs": {
    "tokens": "The generated tokens.",
    "token_logprobs": "The log-probability of each token.",
    "top_logprobs": "For each position, the most likely tokens and their log-probabilities.",
    "text_offset": "Each token's character offset in the text."
  },
  "CompletionRequestHead": {
    "model": "The model to use.",
    "prompt": "The prompt: one string, or a list of strings."
  },
  "CompletionResponse": {
    "choices": "The generated choices.",
    "usage": "Token usage."
  },
  "CompletionResponseChoice": {
    "text": "The generated text.",
    "index": "The choice's position in `choices`.",
    "logprobs": "Log-probabilities, when requested.",
    "finish_reason": "Why generation stopped."
  },
  "CompletionStreamResponse": {
    "choices": "The choices this chunk updates.",
    "usage": "Token usage, in the last chunk when requested."
  },
  "CompletionStreamResponseChoice": {
    "index": "The choice's position in `choices`.",
    "text": "The next piece of generated text.",
    "logprobs": "Log-probabilities of this piece, when requested.",
    "finish_reason": "Why generation stopped, in the choice's last chunk."
  },
  "ContentPart": {
    "type": "The part's kind, such as `text`, `image_url` or `input_audio`."
  },
  "CountTokenRequest": {
    "model": "The model whose tokenizer counts.",
    "conversation": "A plain text, or a list of chat messages."
  },
  "DeltaFunctionCall": {
    "name": "The function's name, usually in the first piece only.",
    "arguments": "The next fragment of the JSON-encoded arguments."
  },
  "DeltaMessage": {
    "role": "The role, in the first chunk of a message.",
    "content": "The next piece of content.",
    "function_call": "The next piece of a legacy function call.",
    "tool_calls": "The next pieces of tool calls, merged by `index` (C6)."
  },
  "DeltaToolCall": {
    "id": "The call's id, in the first piece of that call.",
    "type": "The tool type (`\"function\"`), in the first piece of that call.",
    "index": "Which tool call of the message this piece belongs to.",
    "function": "The function name and the next fragment of its arguments."
  },
  "ExtractedToolCallInformation": {
    "tools_called": "Whether the output called any tools.",
    "tool_calls": "The tool calls found, in order.",
    "content": "Any plain text around the calls."
  },
  "Function": {
    "name": "The function's name, as the model will call it.",
    "description": "What the function does, for the model to decide when to call it.",
    "parameters": "The function's arguments as a JSON Schema object."
  },
  "FunctionCall": {
    "name": "The name of the function to call.",
    "arguments": "The call's arguments, as a JSON-encoded string (the model may produce invalid JSON)."
  },
  "OutputParams": {
    "n": "How many choices to generate.",
    "stream": "Stream the answer as Server-Sent Events.",
    "stop": "Sequences where generation stops: one string or a list.",
    "logit_bias": "Bias added to the logits of token ids (keys are token ids as strings), from -100 to 100.",
    "user": "An end-user id, for abuse monitoring."
  },
  "ResponseHead": {
    "id": "The response id (`chat-…` or `cmpl-…` + 32 hex digits unless given); every chunk of a stream shares it.",
    "object": "The object type, such as `chat.completion` or `text_completion.chunk`.",
    "created": "When the response was created, in Unix seconds; every chunk of a stream shares it.",
    "model": "The model that answered."
  },
  "SamplingParams": {
    "max_tokens": "Most tokens to generate.",
    "presence_penalty": "Penalises tokens that already appeared at all, from -2 to 2.",
    "frequency_penalty": "Penalises tokens by how often they appeared, from -2 to 2.",
    "repetition_penalty": "Multiplicative penalty on repeated tokens; 1 means none.",
    "temperature": "Sampling temperature; higher is more random.",
    "top_p": "Nucleus sampling: keep the smallest token set whose probability reaches `top_p`.",
    "top_k": "Keep only the `top_k` most likely tokens; 0 means no limit.",
    "min_p": "Drop tokens whose probability is below `min_p` times the top token's.",
    "suppress_tokens": "Token ids that must never be generated."
  },
  "Tool": {
    "type": "The tool type; always `\"function\"` today.",
    "function": "The function this tool exposes."
  },
  "ToolCall": {
    "id": "The call's id, echoed back by the `tool` message that answers it.",
    "type": "The tool type; always `\"function\"` today.",
    "function": "The function called and its arguments."
  },
  "ToolDefinition": {
    "function": "The function this tool exposes."
  },
  "UsageInfo": {
    "prompt_tokens": "Tokens in the prompt.",
    "completion_tokens": "Tokens generated (null when not known).",
    "total_tokens": "`prompt_tokens` + `completion_tokens`.",
    "tokens_per_second": "Generation speed, in tokens per second.",
    "processing_time": "Time spent on the request, in seconds."
  }
};
