/**
 * The echo server driven by the official `openai` client, over real HTTP:
 * what a user of any OpenAI SDK would see.
 */
import OpenAI from 'openai';
import { zodFunction, zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import { PLATFORMS, startEchoServer } from './server';
import type { EchoServer } from './server';

let server: EchoServer;
let client: OpenAI;

describe.each(PLATFORMS)('on %s', (platform) => {
  beforeAll(async () => {
    server = await startEchoServer({ platform });
    client = new OpenAI({ baseURL: server.baseURL, apiKey: 'x', maxRetries: 0 });
  }, 90_000);

  afterAll(async () => {
    await server?.close();
  });

  const tools: OpenAI.Chat.ChatCompletionTool[] = [
    { type: 'function', function: { name: 'get_weather', description: 'The weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } },
    { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: {} } } },
  ];

  test('models.list() lists echo', async () => {
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toEqual(['echo']);
  });

  test('a chat completion echoes the last user message, with usage and a chat- id', async () => {
    const res = await client.chat.completions.create({
      model: 'echo',
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: 'first question' },
        { role: 'assistant', content: 'an answer' },
        { role: 'user', content: 'hello   brave new world' },
      ],
    });
    expect(res.id).toMatch(/^chat-[0-9a-f]{32}$/);
    expect(res.object).toBe('chat.completion');
    expect(res.model).toBe('echo');
    expect(res.choices).toHaveLength(1);
    expect(res.choices[0].message).toMatchObject({ role: 'assistant', content: 'hello   brave new world' });
    expect(res.choices[0].finish_reason).toBe('stop');
    // prompt: 2 + 2 + 2 + 4 words; reply: 4 words
    expect(res.usage).toMatchObject({ prompt_tokens: 10, completion_tokens: 4, total_tokens: 14 });
  });

  test('text parts of the last user message are joined by a space; other parts are ignored', async () => {
    const res = await client.chat.completions.create({
      model: 'echo',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'look at' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
            { type: 'text', text: 'this picture' },
          ],
        },
      ],
    });
    expect(res.choices[0].message.content).toBe('look at this picture');
  });

  test('max_tokens cuts the reply to that many words, with finish_reason "length"', async () => {
    const res = await client.chat.completions.create({
      model: 'echo',
      max_tokens: 2,
      messages: [{ role: 'user', content: 'one two three four' }],
    });
    expect(res.choices[0].message.content).toBe('one two');
    expect(res.choices[0].finish_reason).toBe('length');
    expect(res.usage).toMatchObject({ prompt_tokens: 4, completion_tokens: 2, total_tokens: 6 });
  });

  test('a streamed chat completion: deltas join to the reply, one id, a usage chunk last', async () => {
    const stream = await client.chat.completions.create({
      model: 'echo',
      messages: [{ role: 'user', content: ' spaced  out\twords ' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks: OpenAI.Chat.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    const ids = new Set(chunks.map((c) => c.id));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/^chat-[0-9a-f]{32}$/);
    expect(new Set(chunks.map((c) => c.created)).size).toBe(1);
    expect(chunks[0].choices[0].delta.role).toBe('assistant');
    const text = chunks.flatMap((c) => c.choices.map((ch) => ch.delta.content ?? '')).join('');
    expect(text).toBe(' spaced  out\twords ');
    // role chunk, three word chunks, finish chunk, usage chunk
    expect(chunks).toHaveLength(6);
    expect(chunks.slice(1, 4).map((c) => c.choices[0].delta.content)).toEqual([' spaced', '  out', '\twords ']);
    expect(chunks[4].choices[0].finish_reason).toBe('stop');
    const last = chunks[chunks.length - 1];
    expect(last.choices).toEqual([]);
    expect(last.usage).toMatchObject({ prompt_tokens: 3, completion_tokens: 3, total_tokens: 6 });
  });

  test('without include_usage, no usage chunk is sent', async () => {
    const stream = await client.chat.completions.create({ model: 'echo', messages: [{ role: 'user', content: 'a b' }], stream: true });
    const chunks: OpenAI.Chat.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.every((c) => c.choices.length === 1 && !c.usage)).toBe(true);
    expect(chunks[chunks.length - 1].choices[0].finish_reason).toBe('stop');
  });

  test('a named tool_choice gives a tool call (not streamed)', async () => {
    const res = await client.chat.completions.create({
      model: 'echo',
      messages: [{ role: 'user', content: 'weather in Paris?' }],
      tools,
      tool_choice: { type: 'function', function: { name: 'get_time' } },
    });
    const choice = res.choices[0];
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.content).toBeNull();
    expect(choice.message.tool_calls).toHaveLength(1);
    const call = choice.message.tool_calls![0] as OpenAI.Chat.ChatCompletionMessageFunctionToolCall;
    expect(call.id).toMatch(/^call_[0-9a-f]+$/);
    expect(call.type).toBe('function');
    expect(call.function.name).toBe('get_time');
    expect(JSON.parse(call.function.arguments)).toEqual({});
  });

  test('a named tool_choice gives a tool call (streamed, through chat.completions.stream().finalChatCompletion())', async () => {
    const seen: OpenAI.Chat.ChatCompletionChunk[] = [];
    const runner = client.chat.completions.stream({
      model: 'echo',
      messages: [{ role: 'user', content: 'weather in Paris?' }],
      tools,
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
    });
    runner.on('chunk', (chunk) => seen.push(chunk));
    const final = await runner.finalChatCompletion();
    const choice = final.choices[0];
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.content).toBeNull();
    const call = choice.message.tool_calls![0] as OpenAI.Chat.ChatCompletionMessageFunctionToolCall;
    expect(call.id).toMatch(/^call_[0-9a-f]+$/);
    // Arguments that satisfy the tool's parameter schema (the sampler's value for a string property).
    expect(call.function).toMatchObject({ name: 'get_weather', arguments: '{"city":"string"}' });
    // It came as tool_calls deltas with an index, the arguments in more than one piece.
    const pieces = seen.flatMap((c) => c.choices.flatMap((ch) => ch.delta.tool_calls ?? []));
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.every((p) => p.index === 0)).toBe(true);
    expect(pieces.filter((p) => p.id).map((p) => p.id)).toEqual([call.id]);
  });

  describe.each(['hermes', 'nous', 'qwen', 'gorilla', 'openai', 'json_schema', 'llama3_json', 'mistral', 'pythonic'])(
    'function_call_format %s: the echo model writes raw text, the server parses it',
    (format) => {
      const params = {
        model: 'echo',
        messages: [{ role: 'user' as const, content: 'what time is it?' }],
        tools,
        tool_choice: { type: 'function' as const, function: { name: 'get_time' } },
        function_call_format: format,
      };

      test('not streamed', async () => {
        const res = await client.chat.completions.create(params as OpenAI.Chat.ChatCompletionCreateParamsNonStreaming);
        const choice = res.choices[0];
        expect(choice.finish_reason).toBe('tool_calls');
        expect(choice.message.content).toBeNull();
        const call = choice.message.tool_calls![0] as OpenAI.Chat.ChatCompletionMessageFunctionToolCall;
        expect(choice.message.tool_calls).toHaveLength(1);
        expect(call.function.name).toBe('get_time');
        expect(JSON.parse(call.function.arguments)).toEqual({});
      });

      test('streamed', async () => {
        const runner = client.chat.completions.stream({ ...params, stream: true } as OpenAI.Chat.ChatCompletionCreateParamsStreaming);
        const final = await runner.finalChatCompletion();
        const choice = final.choices[0];
        expect(choice.finish_reason).toBe('tool_calls');
        expect(choice.message.content ?? null).toBeNull();
        const call = choice.message.tool_calls![0] as OpenAI.Chat.ChatCompletionMessageFunctionToolCall;
        expect(choice.message.tool_calls).toHaveLength(1);
        expect(call.function.name).toBe('get_time');
        expect(JSON.parse(call.function.arguments)).toEqual({});
      });
    },
  );

  test('an unknown function_call_format is a 400 naming the field', async () => {
    const params = {
      model: 'echo',
      messages: [{ role: 'user' as const, content: 'x' }],
      tools,
      tool_choice: 'required' as const,
      function_call_format: 'klingon',
    };
    const err = await client.chat.completions.create(params as OpenAI.Chat.ChatCompletionCreateParamsNonStreaming).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.BadRequestError);
    expect((err as InstanceType<typeof OpenAI.BadRequestError>).param).toBe('function_call_format');
  });

  test('tool_choice "required" calls the first tool', async () => {
    const res = await client.chat.completions.create({
      model: 'echo',
      messages: [{ role: 'user', content: 'anything' }],
      tools,
      tool_choice: 'required',
    });
    const call = res.choices[0].message.tool_calls![0] as OpenAI.Chat.ChatCompletionMessageFunctionToolCall;
    expect(call.function.name).toBe('get_weather');
  });

  test('a replayed tool turn is accepted: assistant tool_calls with null content, a tool message, text + image parts', async () => {
    const res = await client.chat.completions.create({
      model: 'echo',
      tools,
      messages: [
        { role: 'user', content: 'weather in Paris?' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'call_abc123', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }],
        },
        { role: 'tool', tool_call_id: 'call_abc123', content: 'sunny and warm' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'and this?' },
            { type: 'image_url', image_url: { url: 'https://example.com/cloud.png', detail: 'low' } },
          ],
        },
      ],
    });
    expect(res.choices[0].message.content).toBe('and this?');
    expect(res.choices[0].finish_reason).toBe('stop');
    // 3 + 0 + 3 + 2 words
    expect(res.usage?.prompt_tokens).toBe(8);
  });

  test('a legacy completion echoes the prompt (not streamed)', async () => {
    const res = await client.completions.create({ model: 'echo', prompt: 'once upon a time', max_tokens: 3 });
    expect(res.id).toMatch(/^cmpl-[0-9a-f]{32}$/);
    expect(res.object).toBe('text_completion');
    expect(res.choices[0]).toMatchObject({ index: 0, text: 'once upon a', finish_reason: 'length' });
    expect(res.usage).toMatchObject({ prompt_tokens: 4, completion_tokens: 3, total_tokens: 7 });
  });

  test('a legacy completion with a list of prompts echoes the first', async () => {
    const res = await client.completions.create({ model: 'echo', prompt: ['first one', 'second'] });
    expect(res.choices[0]).toMatchObject({ text: 'first one', finish_reason: 'stop' });
  });

  test('a legacy completion, streamed: pieces join to the prompt, one id, usage last', async () => {
    const stream = await client.completions.create({
      model: 'echo',
      prompt: 'stream  me please',
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks: OpenAI.Completion[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1);
    expect(chunks.flatMap((c) => c.choices.map((ch) => ch.text)).join('')).toBe('stream  me please');
    const finishes = chunks.flatMap((c) => c.choices.map((ch) => ch.finish_reason)).filter(Boolean);
    expect(finishes).toEqual(['stop']);
    const last = chunks[chunks.length - 1];
    expect(last.choices).toEqual([]);
    expect(last.usage).toMatchObject({ prompt_tokens: 3, completion_tokens: 3, total_tokens: 6 });
  });

  test('count_tokens counts the words of a text or a conversation', async () => {
    const text = await client.post<{ model: string; count: number }>('/count_tokens', { body: { model: 'echo', conversation: 'three little words' } });
    expect(text).toEqual({ model: 'echo', count: 3 });
    const chat = await client.post<{ model: string; count: number }>('/count_tokens', {
      body: { model: 'echo', conversation: [{ role: 'user', content: 'a b' }, { role: 'assistant', content: 'c' }] },
    });
    expect(chat).toEqual({ model: 'echo', count: 3 });
  });

  describe("the official client's helpers", () => {
    const Weather = z.object({ city: z.string(), unit: z.enum(['c', 'f']) });

    test('chat.completions.stream with a strict zodFunction tool: the final completion carries the parsed arguments', async () => {
      const stream = client.chat.completions.stream({
        model: 'echo',
        messages: [{ role: 'user', content: 'weather?' }],
        tools: [zodFunction({ name: 'get_weather', parameters: Weather })],
        tool_choice: { type: 'function', function: { name: 'get_weather' } },
      });
      const final = await stream.finalChatCompletion();
      const call = final.choices[0].message.tool_calls![0];
      expect(call.type).toBe('function');
      if (call.type !== 'function') throw new Error('not a function call');
      expect(call.function.name).toBe('get_weather');
      expect(Weather.safeParse(call.function.parsed_arguments).success).toBe(true);
      expect(final.choices[0].finish_reason).toBe('tool_calls');
    });

    test('runTools with a tool whose schema has required properties: the tool gets valid arguments, then the model answers', async () => {
      const seen: unknown[] = [];
      const runner = client.chat.completions.runTools({
        model: 'echo',
        messages: [{ role: 'user', content: 'weather?' }],
        tool_choice: 'required',
        tools: [
          {
            type: 'function',
            function: {
              name: 'get_weather',
              description: 'The weather for some days',
              parameters: { type: 'object', properties: { city: { type: 'string' }, days: { type: 'integer', minimum: 1 } }, required: ['city', 'days'] },
              parse: (text: string) => JSON.parse(text) as { city: string; days: number },
              function: (args: { city: string; days: number }) => {
                seen.push(args);
                return `sunny in ${args.city} for ${args.days} days`;
              },
            },
          },
        ],
      });
      expect(await runner.finalContent()).toBe(`sunny in string for 1 days`);
      expect(seen).toEqual([{ city: 'string', days: 1 }]);
    });

    test('chat.completions.parse with a zod response_format gives a parsed value of that schema', async () => {
      const res = await client.chat.completions.parse({
        model: 'echo',
        messages: [{ role: 'user', content: 'weather as JSON' }],
        response_format: zodResponseFormat(Weather, 'weather'),
      });
      expect(Weather.parse(res.choices[0].message.parsed)).toEqual(res.choices[0].message.parsed);
    });
  });

  describe('the parameters an echo model can honour', () => {
    const ask = (extra: Partial<OpenAI.Chat.ChatCompletionCreateParamsNonStreaming>) =>
      client.chat.completions.create({ model: 'echo', messages: [{ role: 'user', content: 'one two three four' }], ...extra });

    test('stop cuts the reply before the stop sequence', async () => {
      const res = await ask({ stop: [' three'] });
      expect(res.choices[0].message.content).toBe('one two');
      expect(res.choices[0].finish_reason).toBe('stop');
    });

    test('max_completion_tokens limits the words, and n gives that many choices', async () => {
      const res = await ask({ max_completion_tokens: 2, n: 3 });
      expect(res.choices.map((c) => [c.index, c.message.content, c.finish_reason])).toEqual([
        [0, 'one two', 'length'],
        [1, 'one two', 'length'],
        [2, 'one two', 'length'],
      ]);
    });

    test('logprobs and top_logprobs give one well-formed entry per token', async () => {
      const res = await ask({ logprobs: true, top_logprobs: 2 });
      const content = res.choices[0].logprobs!.content!;
      expect(content.map((t) => t.token).join('')).toBe('one two three four');
      for (const t of content) {
        expect(t.logprob).toBeLessThanOrEqual(0);
        expect(Buffer.from(t.bytes!).toString('utf8')).toBe(t.token);
        expect(t.top_logprobs).toHaveLength(2);
      }
    });

    test('response_format json_object makes the reply JSON', async () => {
      const res = await ask({ response_format: { type: 'json_object' } });
      expect(JSON.parse(res.choices[0].message.content!)).toEqual({ echo: 'one two three four' });
    });

    test('stream_options.include_usage ends the stream with a usage chunk', async () => {
      const stream = await client.chat.completions.create({
        model: 'echo',
        messages: [{ role: 'user', content: 'one two' }],
        stream: true,
        stream_options: { include_usage: true },
      });
      const chunks: OpenAI.Chat.ChatCompletionChunk[] = [];
      for await (const c of stream) chunks.push(c);
      expect(chunks[chunks.length - 1]).toMatchObject({ choices: [], usage: { completion_tokens: 2 } });
    });
  });
});
