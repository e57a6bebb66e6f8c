/** formatToolsForPrompt: each format's prompt lists the tools, and a reply written as it asks is extracted. */
import { ToolDefinition, extractToolCalls, formatToolsForPrompt, toolCallFormatNames } from '../../src';
import { outcomeOf } from './helpers';

const tools = [
  ToolDefinition.parse({
    type: 'function',
    function: {
      name: 'get_weather',
      description: 'Current weather for a city',
      parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    },
  }),
  ToolDefinition.parse({ type: 'function', function: { name: 'get_time', description: 'The time now', parameters: { type: 'object', properties: {} } } }),
];

/** Per format: a text the prompt must contain (its call syntax), and a reply written the way the prompt asks. */
const asked: Record<string, [string, string]> = {
  hermes: ['<tool_call>', 'I will check.\n<tool_call>\n{"name": "get_weather", "arguments": {"city": "Paris"}}\n</tool_call>'],
  nous: ['<tool_call>', '<tool_call>\n{"name": "get_weather", "arguments": {"city": "Paris"}}\n</tool_call>'],
  qwen: ['✿FUNCTION✿', 'I will check.\n✿FUNCTION✿: get_weather\n✿ARGS✿: {"city": "Paris"}'],
  gorilla: ['<<<function_name(param_name=value', '<<<get_weather(city="Paris")>>>'],
  openai: ['Function call:', 'I will check. Function call: {"name": "get_weather", "arguments": {"city": "Paris"}}'],
  json_schema: ['"const":"get_weather"', '{"function": {"name": "get_weather", "arguments": {"city": "Paris"}}}'],
  llama3_json: ['{"name": function name, "parameters": dictionary', '{"name": "get_weather", "parameters": {"city": "Paris"}}'],
  mistral: ['[TOOL_CALLS]', 'I will check. [TOOL_CALLS] [{"name": "get_weather", "arguments": {"city": "Paris"}}]'],
  pythonic: ['[func_name1(params_name1=params_value1', "[get_weather(city='Paris')]"],
};

describe.each(toolCallFormatNames().map((f) => [f]))('formatToolsForPrompt, %s', (format) => {
  const prompt = formatToolsForPrompt(tools, format);

  it('lists every tool with its schema', () => {
    for (const t of tools) {
      expect(prompt).toContain(t.function.name);
      expect(prompt).toContain(t.function.description!);
    }
    expect(prompt).toMatch(/"required": ?\[\s*"city"\s*\]/);
  });

  it('asks for the format the parser reads, and such a reply is extracted', () => {
    const [syntax, reply] = asked[format];
    expect(prompt).toContain(syntax);
    const info = extractToolCalls(reply, format);
    expect(outcomeOf(info).calls).toEqual([['get_weather', { city: 'Paris' }]]);
    expect(info.content).toBe(reply.startsWith('I will check.') ? 'I will check.' : null);
  });
});

it('covers every built-in format', () => {
  expect(toolCallFormatNames().sort()).toEqual(Object.keys(asked).sort());
});
