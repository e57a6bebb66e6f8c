/**
 * The TSDoc text of the protocol models, used as JSON Schema `description`s
 * (TSDoc is gone at runtime). GENERATED from src/models/*.ts by
 * test/schema/extract-descriptions.ts: do not edit by hand.
 * `npx jest test/schema/descriptions.test.ts` fails when this file is stale;
 * `UPDATE_DESCRIPTIONS=1 npx jest test/schema/descriptions.test.ts` rewrites it.
 */

/** Each model class's description, by runtime class name. */
export const CLASS_DESCRIPTIONS: Readonly<Record<string, string>> = {
  "AudioPart": "An audio part: `{\"type\": \"input_audio\", \"input_audio\": {\"data\": …, \"format\": …}}`.",
  "ChatCompletionRequest": "A `POST /v1/chat/completions` body.",
  "ChatCompletionResponse": "A whole (not streamed) chat response.",
  "ChatCompletionResponseChoice": "One choice of a chat response.",
  "ChatCompletionStreamResponse": "One chunk of a streamed chat response (`data: {…}` in the event stream).",
  "ChatCompletionStreamResponseChoice": "One choice of a stream chunk.",
  "ChatLogprobs": "The log-probabilities of a chat choice's content and refusal tokens.",
  "ChatMessage": "One message of a conversation.",
  "ChatRequestHead": "The head of a chat request: the model and the conversation.",
  "ChatRequestOptions": "The chat template arguments and today's OpenAI chat parameters, all optional.",
  "ChatRequestTools": "The chat-only tool fields, between the sampling and the output parameters.",
  "CompletionLogprobs": "Log-probabilities of the generated tokens.",
  "CompletionRequest": "A `POST /v1/completions` body.",
  "CompletionRequestHead": "The head of a completion request: the model and the prompt.",
  "CompletionRequestOptions": "Today's OpenAI completion parameters, all optional.",
  "CompletionResponse": "A whole (not streamed) completion response.",
  "CompletionResponseChoice": "One choice of a completion response.",
  "CompletionStreamResponse": "One chunk of a streamed completion response.",
  "CompletionStreamResponseChoice": "One choice of a completion stream chunk (the reference declares `index` before `text` here).",
  "CompletionTokensDetails": "A breakdown of the generated tokens.",
  "ContentPart": "One part of a multi-part message content: `{\"type\": \"text\", \"text\": …}`, `{\"type\": \"image_url\", \"image_url\": {…}}`, `{\"type\": \"input_audio\", …}`. Parsed as this class itself, only `type` is checked and every other key is kept as given (C4); in a message's `content`, a known `type` picks its subclass.",
  "CountTokenRequest": "A request to count the tokens of a text or a conversation with a model's tokenizer.",
  "CustomCall": "A custom tool's call: the tool's name and its free-text input.",
  "CustomToolCall": "A call of a custom tool in an assistant message (C13).",
  "CustomToolDefinition": "A custom tool offered in a request's `tools` (`{\"type\": \"custom\", \"custom\": {…}}`, C13): its input is free text.",
  "CustomToolSpec": "The definition of a custom tool: a name, a description and an optional input format.",
  "DeltaCustomCall": "A piece of a custom tool's call in a stream chunk; `input` pieces concatenate.",
  "DeltaFunctionCall": "A piece of a function call in a stream chunk; pieces concatenate. Absent parts are left out of the dump (C15).",
  "DeltaMessage": "The change a stream chunk carries for one choice.",
  "DeltaToolCall": "A piece of a tool call in a stream chunk; pieces with the same `index` merge. Absent `id`, `type` and `function` are left out of the dump (C15): official clients fail on a `null` there.",
  "ExtractedToolCallInformation": "What a tool parser extracted from a model's raw output.",
  "FilePart": "A file part: `{\"type\": \"file\", \"file\": {\"file_id\": …}}`.",
  "FileRef": "The file of a `FilePart`: inline data or an uploaded file's id.",
  "Function": "A function the model may call. Exported as `Function` (its reference name) and as `ToolFunction`, which does not shadow the global `Function` type.",
  "FunctionCall": "A complete function call made by the model.",
  "FunctionDefinition": "A function offered in a request's `functions` or `tools` (same fields as `Function`).",
  "ImagePart": "An image part: `{\"type\": \"image_url\", \"image_url\": {\"url\": …}}`.",
  "ImageURL": "The image of an `ImagePart`: a URL or a `data:` URL.",
  "InputAudio": "The audio of an `AudioPart`: base64 data and its format.",
  "JsonSchemaResponseFormat": "Structured output: `{\"type\": \"json_schema\", \"json_schema\": {\"name\": …, \"schema\": {…}}}`.",
  "JsonSchemaSpec": "The JSON Schema an answer must follow (`response_format.json_schema`).",
  "PromptTokensDetails": "A breakdown of the prompt's tokens.",
  "RefusalPart": "A refusal part of an assistant message: `{\"type\": \"refusal\", \"refusal\": \"…\"}`.",
  "ResponseFormat": "The format the model must answer in: `{\"type\": \"text\"}`, `{\"type\": \"json_object\"}`, or a `JsonSchemaResponseFormat`. Parsed as this class itself, only `type` is checked and other keys are kept; in a request, `json_schema` picks the subclass.",
  "StreamOptions": "Options of a streamed answer (`stream_options`).",
  "TextPart": "A text part: `{\"type\": \"text\", \"text\": \"…\"}`.",
  "TokenLogprob": "A generated token with its log-probability and the most likely alternatives.",
  "Tool": "A tool the model may call; `function` is the only tool type.",
  "ToolCall": "A complete tool call in an assistant message.",
  "ToolDefinition": "A tool offered in a request's `tools` list (its `function` is a `FunctionDefinition`).",
  "TopLogprob": "One of the most likely tokens at a position, with its log-probability.",
  "UsageInfo": "How many tokens a request used, and how fast it ran."
};

/** Each field's description, by the runtime name of the class that declares it, then the field name. */
export const FIELD_DESCRIPTIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "AudioPart": {
    "type": "Always `\"input_audio\"`.",
    "input_audio": "The audio."
  },
  "ChatCompletionRequest": {
    "echo": "Echo the last message back in the answer (vLLM).",
    "add_generation_prompt": "Add the template's generation prompt after the messages (vLLM).",
    "continue_final_message": "Continue the last (assistant) message instead of starting a new one (vLLM).",
    "chat_template": "A chat template (Jinja) to use instead of the model's (vLLM).",
    "documents": "Documents for retrieval-augmented templates, each a dict such as `{title, text}` (vLLM)."
  },
  "ChatCompletionResponse": {
    "choices": "The generated choices.",
    "usage": "Token usage; optional, as in OpenAI's spec (C11).",
    "system_fingerprint": "The backend configuration that answered.",
    "service_tier": "The processing tier that answered."
  },
  "ChatCompletionResponseChoice": {
    "index": "The choice's position in `choices`.",
    "message": "The generated message.",
    "finish_reason": "Why generation stopped.",
    "logprobs": "Log-probabilities of the message's tokens, when requested.",
    "stop_reason": "The stop string or token id that ended generation (vLLM)."
  },
  "ChatCompletionStreamResponse": {
    "choices": "The choices this chunk updates (empty in a usage-only last chunk).",
    "usage": "Token usage, in the last chunk when `stream_options.include_usage` is set (C8).",
    "system_fingerprint": "The backend configuration that answered.",
    "service_tier": "The processing tier that answered."
  },
  "ChatCompletionStreamResponseChoice": {
    "index": "The choice's position.",
    "delta": "What this chunk adds to the choice's message.",
    "finish_reason": "Why generation stopped, in the choice's last chunk.",
    "logprobs": "Log-probabilities of this chunk's tokens, when requested.",
    "stop_reason": "The stop string or token id that ended generation (vLLM)."
  },
  "ChatLogprobs": {
    "content": "One entry per content token.",
    "refusal": "One entry per refusal token."
  },
  "ChatMessage": {
    "role": "Who wrote it: `system`, `user`, `assistant`, `tool` or `function`.",
    "content": "The text, or a list of content parts; null or absent for an assistant turn that only calls tools (C3).",
    "name": "The author's name, or the function's name for a `function` message.",
    "function_call": "The legacy function call of an assistant message (`{name, arguments}`).",
    "tool_calls": "The tool calls of an assistant message (C5); `type: \"custom\"` picks a `CustomToolCall` (C13).",
    "tool_call_id": "For a `tool` message: the id of the call it answers (C5).",
    "refusal": "The model's refusal message, in an assistant message.",
    "reasoning_content": "The model's reasoning, as reasoning servers (vLLM, DeepSeek) send it.",
    "annotations": "Annotations of the answer, such as `url_citation`s of a web search.",
    "audio": "The audio of an assistant message (`{id, data, expires_at, transcript}`), or a reference to it."
  },
  "ChatRequestHead": {
    "model": "The model to use.",
    "messages": "The conversation so far."
  },
  "ChatRequestOptions": {
    "chat_template_kwargs": "Extra keyword arguments for the chat template, such as `{\"enable_thinking\": false}`.",
    "max_completion_tokens": "Most tokens to generate, reasoning tokens included (OpenAI's successor of `max_tokens`).",
    "response_format": "The answer's format: text, any JSON object, or JSON following a schema (chosen by `type`).",
    "stream_options": "Options of a streamed answer, such as `include_usage`.",
    "seed": "A seed for reproducible sampling.",
    "logprobs": "Return the log-probabilities of the generated tokens.",
    "top_logprobs": "How many of the most likely tokens to return at each position (0 to 20), with `logprobs`.",
    "parallel_tool_calls": "Let the model call several tools in one turn.",
    "reasoning_effort": "How hard a reasoning model thinks: `minimal`, `low`, `medium` or `high`.",
    "modalities": "Output kinds: `[\"text\"]`, or `[\"text\", \"audio\"]`.",
    "audio": "Audio output options (`{voice, format}`).",
    "prediction": "Predicted output, to speed up an answer that is mostly known (`{type: \"content\", content}`).",
    "store": "Store the answer for distillation or evals.",
    "metadata": "Key-value tags for the stored answer.",
    "service_tier": "The processing tier: `auto`, `default`, `flex`, `priority`, …",
    "verbosity": "How long the answer should be: `low`, `medium` or `high`.",
    "web_search_options": "Options of the web search tool of search models.",
    "safety_identifier": "A stable, hashed id of the end user, for abuse detection.",
    "prompt_cache_key": "A key that groups requests sharing a prompt prefix, for the prompt cache."
  },
  "ChatRequestTools": {
    "functions": "Legacy functions the model may call (use `tools`).",
    "function_call": "Legacy control of function calls: `\"none\"`, `\"auto\"` or `{\"name\": …}`.",
    "tools": "Tools the model may call; `type: \"custom\"` picks a `CustomToolDefinition` (C13).",
    "tool_choice": "Which tool to call: `\"none\"`, `\"auto\"`, `\"required\"` or `{\"type\": \"function\", \"function\": {\"name\": …}}`."
  },
  "CompletionLogprobs": {
    "tokens": "The generated tokens.",
    "token_logprobs": "The log-probability of each token; null for the first prompt token under `echo` (C14).",
    "top_logprobs": "For each position, the most likely tokens and their log-probabilities (null where there are none, C14).",
    "text_offset": "Each token's character offset in the text."
  },
  "CompletionRequestHead": {
    "model": "The model to use.",
    "prompt": "The prompt: one string, a list of strings, token ids, or lists of token ids (C12)."
  },
  "CompletionRequestOptions": {
    "best_of": "Generate `best_of` candidates and return the best `n`.",
    "echo": "Echo the prompt back before the completion.",
    "logprobs": "How many of the most likely tokens to return log-probabilities for (0 to 5).",
    "seed": "A seed for reproducible sampling.",
    "stream_options": "Options of a streamed answer, such as `include_usage`.",
    "suffix": "Text that comes after the completion (insert mode)."
  },
  "CompletionResponse": {
    "choices": "The generated choices.",
    "usage": "Token usage; optional, as in OpenAI's spec (C11).",
    "system_fingerprint": "The backend configuration that answered."
  },
  "CompletionResponseChoice": {
    "text": "The generated text.",
    "index": "The choice's position in `choices`.",
    "logprobs": "Log-probabilities, when requested.",
    "finish_reason": "Why generation stopped.",
    "stop_reason": "The stop string or token id that ended generation (vLLM)."
  },
  "CompletionStreamResponse": {
    "choices": "The choices this chunk updates.",
    "usage": "Token usage, in the last chunk when requested.",
    "system_fingerprint": "The backend configuration that answered."
  },
  "CompletionStreamResponseChoice": {
    "index": "The choice's position in `choices`.",
    "text": "The next piece of generated text.",
    "logprobs": "Log-probabilities of this piece, when requested.",
    "finish_reason": "Why generation stopped, in the choice's last chunk.",
    "stop_reason": "The stop string or token id that ended generation (vLLM)."
  },
  "CompletionTokensDetails": {
    "reasoning_tokens": "Tokens spent on reasoning.",
    "audio_tokens": "Tokens of audio output.",
    "accepted_prediction_tokens": "Predicted-output tokens that appeared in the answer.",
    "rejected_prediction_tokens": "Predicted-output tokens that did not appear (still billed)."
  },
  "ContentPart": {
    "type": "The part's kind, such as `text`, `image_url` or `input_audio`."
  },
  "CountTokenRequest": {
    "model": "The model whose tokenizer counts.",
    "conversation": "A plain text, or a list of chat messages."
  },
  "CustomCall": {
    "name": "The name of the custom tool.",
    "input": "The call's input, as free text."
  },
  "CustomToolCall": {
    "id": "The call's id, echoed back by the `tool` message that answers it.",
    "type": "Always `\"custom\"`.",
    "custom": "The tool called and its input."
  },
  "CustomToolDefinition": {
    "type": "Always `\"custom\"`.",
    "custom": "The tool."
  },
  "CustomToolSpec": {
    "name": "The tool's name, as the model will call it.",
    "description": "What the tool does.",
    "format": "The input format: free text, or a grammar (`{\"type\": \"grammar\", …}`)."
  },
  "DeltaCustomCall": {
    "name": "The custom tool's name, usually in the first piece only.",
    "input": "The next fragment of the input."
  },
  "DeltaFunctionCall": {
    "name": "The function's name, usually in the first piece only.",
    "arguments": "The next fragment of the JSON-encoded arguments."
  },
  "DeltaMessage": {
    "role": "The role, in the first chunk of a message.",
    "content": "The next piece of content.",
    "function_call": "The next piece of a legacy function call.",
    "tool_calls": "The next pieces of tool calls, merged by `index` (C6).",
    "refusal": "The next piece of a refusal.",
    "reasoning_content": "The next piece of the model's reasoning."
  },
  "DeltaToolCall": {
    "id": "The call's id, in the first piece of that call.",
    "type": "The tool type (`\"function\"` or `\"custom\"`), in the first piece of that call.",
    "index": "Which tool call of the message this piece belongs to.",
    "function": "The function name and the next fragment of its arguments.",
    "custom": "The custom tool's name and the next fragment of its input."
  },
  "ExtractedToolCallInformation": {
    "tools_called": "Whether the output called any tools.",
    "tool_calls": "The tool calls found, in order.",
    "content": "Any plain text around the calls."
  },
  "FilePart": {
    "type": "Always `\"file\"`.",
    "file": "The file."
  },
  "FileRef": {
    "file_data": "The file's content, base64-encoded.",
    "file_id": "The id of an uploaded file.",
    "filename": "The file's name."
  },
  "Function": {
    "name": "The function's name, as the model will call it.",
    "description": "What the function does, for the model to decide when to call it.",
    "parameters": "The function's arguments as a JSON Schema object.",
    "strict": "Whether calls must follow `parameters` exactly (structured outputs)."
  },
  "FunctionCall": {
    "name": "The name of the function to call.",
    "arguments": "The call's arguments, as a JSON-encoded string (the model may produce invalid JSON)."
  },
  "ImagePart": {
    "type": "Always `\"image_url\"`.",
    "image_url": "The image."
  },
  "ImageURL": {
    "url": "The image's URL, or base64 data as a `data:image/…;base64,…` URL.",
    "detail": "How closely the model looks: `auto`, `low` or `high`."
  },
  "InputAudio": {
    "data": "The audio, base64-encoded.",
    "format": "The encoding, such as `wav` or `mp3`."
  },
  "JsonSchemaResponseFormat": {
    "type": "Always `\"json_schema\"`.",
    "json_schema": "The schema the answer follows."
  },
  "JsonSchemaSpec": {
    "name": "The schema's name.",
    "description": "What the format is for.",
    "schema": "The JSON Schema itself.",
    "strict": "Whether the answer must follow the schema exactly."
  },
  "OutputParams": {
    "n": "How many choices to generate.",
    "stream": "Stream the answer as Server-Sent Events.",
    "stop": "Sequences where generation stops: one string or a list.",
    "logit_bias": "Bias added to the logits of token ids (keys are token ids as strings), from -100 to 100.",
    "user": "An end-user id, for abuse monitoring."
  },
  "PromptTokensDetails": {
    "cached_tokens": "Prompt tokens read from the prompt cache.",
    "audio_tokens": "Prompt tokens of audio input."
  },
  "RefusalPart": {
    "type": "Always `\"refusal\"`.",
    "refusal": "The model's refusal message."
  },
  "ResponseFormat": {
    "type": "The format: `text`, `json_object`, `json_schema`, or a server's own."
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
  "ServerExtras": {
    "min_tokens": "Fewest tokens to generate before a stop may apply.",
    "stop_token_ids": "Token ids that end generation.",
    "ignore_eos": "Keep generating past the end-of-sequence token.",
    "skip_special_tokens": "Leave special tokens out of the text.",
    "include_stop_str_in_output": "Keep the matched stop string at the end of the text."
  },
  "StreamOptions": {
    "include_usage": "Send a last chunk with the whole request's `usage`.",
    "continuous_usage_stats": "Send `usage` in every chunk (vLLM).",
    "include_obfuscation": "Pad chunks with random `obfuscation` text against side channels (OpenAI)."
  },
  "TextPart": {
    "type": "Always `\"text\"`.",
    "text": "The text."
  },
  "TokenLogprob": {
    "top_logprobs": "The most likely tokens at this position."
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
  "TopLogprob": {
    "token": "The token.",
    "logprob": "Its log-probability.",
    "bytes": "Its UTF-8 bytes, or null when it has no byte form."
  },
  "UsageInfo": {
    "prompt_tokens": "Tokens in the prompt.",
    "completion_tokens": "Tokens generated (null when not known).",
    "total_tokens": "`prompt_tokens` + `completion_tokens`.",
    "tokens_per_second": "Generation speed, in tokens per second.",
    "processing_time": "Time spent on the request, in seconds.",
    "prompt_tokens_details": "A breakdown of `prompt_tokens`.",
    "completion_tokens_details": "A breakdown of `completion_tokens`."
  }
};
