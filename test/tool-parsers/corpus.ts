/**
 * The per-format corpora: replies as each format's own documentation shows
 * them (sources cited per table), with what extraction must give. A case is
 * `[title, reply, calls, content?, flags?]`: `calls` as `[name, arguments]`
 * pairs (arguments as a JSON value); `content` defaults to the trimmed reply
 * when there is no call, and to null otherwise. `diverges` marks a reply whose
 * call breaks after it is known, where the stream may differ from the whole text.
 */

/** One corpus case. */
export interface Case {
  title: string;
  text: string;
  calls: Array<[string, unknown]>;
  content: string | null;
  diverges: boolean;
}

type Row = [string, string, Array<[string, unknown]>, (string | null)?, { diverges?: boolean }?];

function table(rows: Row[]): Case[] {
  return rows.map(([title, text, calls, content, flags]) => ({
    title,
    text,
    calls,
    content: content !== undefined ? content : calls.length ? null : text.trim() || null,
    diverges: flags?.diverges ?? false,
  }));
}

const W = { city: 'San Francisco' };
const NESTED = { location: { city: 'Paris', coords: [48.85, 2.35] }, options: { units: 'metric', days: [1, 2, { x: null }] } };
const TRICKY = { q: 'a } b { c ] [ "quoted" \\ back', tag: '</tool_call>', m: '✿ARGS✿ [TOOL_CALLS] <<<x>>>' };
const UNI = { city: '東京', note: 'emoji 🌤️👍🏽 and RTL مرحبا שלום', flag: '🇫🇷' };

/**
 * Hermes: NousResearch Hermes-Function-Calling README and the Hermes 2 Pro model card
 * (https://github.com/NousResearch/Hermes-Function-Calling,
 * https://huggingface.co/NousResearch/Hermes-2-Pro-Llama-3-8B): each call is
 * `<tool_call>\n{"arguments": <args-dict>, "name": <function-name>}\n</tool_call>`.
 */
export const hermesCases = table([
  ['no call', 'The weather in Paris is sunny.', []],
  ['empty reply', '', [], null],
  ['one call, model-card layout', '<tool_call>\n{"arguments": {"symbol": "TSLA"}, "name": "get_stock_fundamentals"}\n</tool_call>', [['get_stock_fundamentals', { symbol: 'TSLA' }]]],
  ['one call, name first', '<tool_call>{"name": "get_weather", "arguments": {"city": "San Francisco"}}</tool_call>', [['get_weather', W]]],
  ['several calls', '<tool_call>\n{"name": "a", "arguments": {"x": 1}}\n</tool_call>\n<tool_call>\n{"name": "b", "arguments": {"y": [true, false]}}\n</tool_call>', [['a', { x: 1 }], ['b', { y: [true, false] }]]],
  ['content before', 'Let me check.\n<tool_call>{"name": "get_weather", "arguments": {"city": "San Francisco"}}</tool_call>', [['get_weather', W]], 'Let me check.'],
  ['content between and after', 'First <tool_call>{"name": "a", "arguments": {}}</tool_call> then <tool_call>{"name": "b", "arguments": {}}</tool_call> done.', [['a', {}], ['b', {}]], 'First  then  done.'],
  ['nested arguments', `<tool_call>{"name": "forecast", "arguments": ${JSON.stringify(NESTED)}}</tool_call>`, [['forecast', NESTED]]],
  ['braces, quotes and the close tag inside strings', `<tool_call>{"name": "search", "arguments": ${JSON.stringify(TRICKY)}}</tool_call>`, [['search', TRICKY]]],
  ['unicode, emoji and RTL', `<tool_call>{"name": "get_weather", "arguments": ${JSON.stringify(UNI)}}</tool_call> 👍 مرحبا`, [['get_weather', UNI]], '👍 مرحبا'],
  ['escaped unicode in JSON', '<tool_call>{"name": "f", "arguments": {"s": "\\u00e9\\ud83d\\ude00\\n"}}</tool_call>', [['f', { s: 'é😀\n' }]]],
  ['arguments as a string holding JSON', '<tool_call>{"name": "f", "arguments": "{\\"a\\": 1}"}</tool_call>', [['f', { a: 1 }]]],
  ['arguments as a string that is not JSON', 'x <tool_call>{"name": "f", "arguments": "hello"}</tool_call>', [], 'x <tool_call>{"name": "f", "arguments": "hello"}</tool_call>'],
  ['arguments as an array', '<tool_call>{"name": "f", "arguments": [1, 2]}</tool_call>', []],
  ['arguments null', '<tool_call>{"name": "f", "arguments": null}</tool_call>', []],
  ['parameters key', '<tool_call>{"name": "f", "parameters": {"a": "b"}}</tool_call>', [['f', { a: 'b' }]]],
  ['no arguments key', '<tool_call>{"name": "list_files"}</tool_call>', [['list_files', {}]]],
  ['broken JSON', 'Before <tool_call>{"name": "f", "arguments": {"a": 1,}}</tool_call> after', [], undefined, { diverges: true }],
  ['broken JSON before the name is known', 'A <tool_call>{"name" "f"}</tool_call> B', []],
  ['unclosed block (cut by max_tokens)', 'Sure <tool_call>{"name": "f", "arguments": {"a": 1}}', [], undefined, { diverges: true }],
  ['unclosed JSON', '<tool_call>{"name": "f", "arguments": {"a": "unterminated', [], undefined, { diverges: true }],
  ['a broken block, then a good one', '<tool_call>{oops}</tool_call> <tool_call>{"name": "g", "arguments": {}}</tool_call>', [['g', {}]], '<tool_call>{oops}</tool_call>'],
  ['marker-like text that is not a marker', 'Use the <tool> tag, or <tool_call_x>, or <tool_ and < b.', []],
  ['marker text in plain prose at the end', 'It ends with <tool_cal', []],
  ['extra keys kept out', '<tool_call>{"id": 7, "name": "f", "arguments": {"k": 1}, "extra": [1, {"a": "}"}]}</tool_call>', [['f', { k: 1 }]]],
  ['whitespace and CRLF around the JSON', '<tool_call>\r\n  {"name" : "f" , "arguments" : { "a" : 1.5e3 } }  \r\n</tool_call>', [['f', { a: 1500 }]]],
  ['name that is not a string', '<tool_call>{"name": 5, "arguments": {}}</tool_call>', []],
  ['a number argument at the end of the object', '<tool_call>{"arguments": {"n": -0.25}, "name": "f"}</tool_call>', [['f', { n: -0.25 }]]],
]);

/**
 * Qwen: Qwen-Agent's function-calling prompt (qwen_agent/llm/fncall_prompts/qwen_fncall_prompt.py,
 * https://github.com/QwenLM/Qwen-Agent): `✿FUNCTION✿: <name>`, newline,
 * `✿ARGS✿: <json>`, then `✿RESULT✿:` and `✿RETURN✿:`.
 */
const q = (name: string, args: string): string => `✿FUNCTION✿: ${name}\n✿ARGS✿: ${args}`;
export const qwenCases = table([
  ['no call', 'It is sunny in Beijing today.', []],
  ['one call', q('get_current_weather', '{"location": "Beijing"}'), [['get_current_weather', { location: 'Beijing' }]]],
  ['several calls', `${q('a', '{"x": 1}')}\n${q('b', '{"y": 2}')}`, [['a', { x: 1 }], ['b', { y: 2 }]]],
  ['content before', `Let me look that up.\n${q('search', '{"q": "qwen"}')}`, [['search', { q: 'qwen' }]], 'Let me look that up.'],
  ['result and return are content', `${q('get_current_weather', '{"location": "Beijing"}')}\n✿RESULT✿: {"temp": 20}\n✿RETURN✿: It is 20°C.`, [['get_current_weather', { location: 'Beijing' }]], '✿RESULT✿: {"temp": 20}\n✿RETURN✿: It is 20°C.'],
  ['content between calls', `${q('a', '{}')}\nand then\n${q('b', '{}')}`, [['a', {}], ['b', {}]], 'and then'],
  ['nested arguments', q('forecast', JSON.stringify(NESTED)), [['forecast', NESTED]]],
  ['braces and quotes in strings', q('search', JSON.stringify(TRICKY)), [['search', TRICKY]]],
  ['unicode', `好的。\n${q('get_weather', JSON.stringify(UNI))}`, [['get_weather', UNI]], '好的。'],
  ['no colon after the markers', '✿FUNCTION✿ f\n✿ARGS✿ {"a": 1}', [['f', { a: 1 }]]],
  ['spaces and CRLF', '✿FUNCTION✿:   f  \r\n  ✿ARGS✿:   {"a": 1}', [['f', { a: 1 }]]],
  ['arguments as a string are not a call', q('f', '"{\\"a\\": 1}"'), []],
  ['arguments not an object', q('f', '[1, 2]'), []],
  ['broken JSON', `${q('f', '{"a": 1,, }')} after`, [], undefined, { diverges: true }],
  ['unclosed arguments', q('f', '{"a": {"b": 1}'), [], undefined, { diverges: true }],
  ['missing ARGS line', '✿FUNCTION✿: f\nno args here', []],
  ['empty name', '✿FUNCTION✿: \n✿ARGS✿: {}', []],
  ['name with spaces is not a name', '✿FUNCTION✿: get weather\n✿ARGS✿: {}', []],
  ['marker-like text', 'Flowers ✿ are nice; ✿FUN is not ✿FUNCTION, ✿ARGS✿ alone is text.', []],
  ['partial marker at the end', 'See ✿FUNC', []],
  ['text right after the closing brace', `${q('f', '{"a": "}"}')}Done.`, [['f', { a: '}' }]], 'Done.'],
  ['a broken call then a good one', `✿FUNCTION✿: bad name!\n${q('g', '{"k": true}')}`, [['g', { k: true }]], '✿FUNCTION✿: bad name!'],
  ['marker inside an argument string', q('f', '{"s": "✿FUNCTION✿: x\\n✿ARGS✿: {}"}'), [['f', { s: '✿FUNCTION✿: x\n✿ARGS✿: {}' }]]],
  ['empty arguments object', q('now', '{}'), [['now', {}]]],
  ['numbers and literals', q('f', '{"a": 0, "b": -1.5E-2, "c": true, "d": null}'), [['f', { a: 0, b: -0.015, c: true, d: null }]]],
  ['dotted name', q('math.sqrt', '{"x": 2}'), [['math.sqrt', { x: 2 }]]],
]);

/**
 * Gorilla OpenFunctions (https://github.com/ShishirPatil/gorilla/tree/main/openfunctions,
 * https://huggingface.co/gorilla-llm/gorilla-openfunctions-v2): calls as
 * `<<<name(key=value, …)>>>`, values in JSON or Python syntax.
 */
export const gorillaCases = table([
  ['no call', 'I cannot help with that.', []],
  ['one call', '<<<get_current_weather(location="Boston, MA")>>>', [['get_current_weather', { location: 'Boston, MA' }]]],
  ['no arguments', '<<<get_time()>>>', [['get_time', {}]]],
  ['several calls in one block', '<<<a(x=1), b(y="z")>>>', [['a', { x: 1 }], ['b', { y: 'z' }]]],
  ['several blocks', '<<<a(x=1)>>>\n<<<b(y=2)>>>', [['a', { x: 1 }], ['b', { y: 2 }]]],
  ['content before, between and after', 'Sure: <<<a(x=1)>>> and <<<b()>>> done', [['a', { x: 1 }], ['b', {}]], 'Sure:  and  done'],
  ['python literals', "<<<f(a=True, b=False, c=None, d='single', e=3.5)>>>", [['f', { a: true, b: false, c: null, d: 'single', e: 3.5 }]]],
  ['bare words', '<<<get_weather(city=San Francisco, unit = celsius )>>>', [['get_weather', { city: 'San Francisco', unit: 'celsius' }]]],
  ['nested JSON values', '<<<f(loc={"city": "Paris", "coords": [48.85, 2.35]}, days=[1, 2])>>>', [['f', { loc: { city: 'Paris', coords: [48.85, 2.35] }, days: [1, 2] }]]],
  ['nested Python values', "<<<f(opts={'a': [1, (2, 3)], 'b': {'c': None}})>>>", [['f', { opts: { a: [1, [2, 3]], b: { c: null } } }]]],
  ['brackets and quotes in strings', `<<<f(q="a ) b , c >>> [ { \\" '", r='it\\'s')>>>`, [['f', { q: 'a ) b , c >>> [ { " \'', r: "it's" }]]],
  ['unicode', '<<<get_weather(city="東京", note=\'🌤️ مرحبا\')>>>', [['get_weather', { city: '東京', note: '🌤️ مرحبا' }]]],
  ['JSON string argument stays a string', '<<<f(payload="{\\"a\\": 1}")>>>', [['f', { payload: '{"a": 1}' }]]],
  ['positional argument is not a call', '<<<f(1)>>>', []],
  ['positional then keyword', '<<<f("x", a=1)>>>', []],
  ['broken value', '<<<f(a=[1, 2)>>> rest', [], undefined, { diverges: true }],
  ['broken value before the first keyword is known', '<<<f([1, 2)>>> rest', []],
  ['unclosed block', 'text <<<f(a=1)', [], undefined, { diverges: true }],
  ['unclosed call', '<<<f(a=1', [], undefined, { diverges: true }],
  ['marker-like text', 'Use << and >> or <<x>> freely; 1 << 2.', []],
  ['partial marker at the end', 'shift <<', []],
  ['duplicate keyword is not a call', '<<<f(a=1, a=2)>>>', [], undefined, { diverges: true }],
  ['trailing comma', '<<<f(a=1,)>>>', [['f', { a: 1 }]]],
  ['dotted name', '<<<math.hypot(x=3, y=4)>>>', [['math.hypot', { x: 3, y: 4 }]]],
  ['spaces inside the block', '<<<  f( a = "b" )  >>>', [['f', { a: 'b' }]]],
  ['negative and exponent numbers', '<<<f(a=-2, b=1e3)>>>', [['f', { a: -2, b: 1000 }]]],
  ['empty value is not a call', '<<<f(a=)>>>', [], undefined, { diverges: true }],
]);

/**
 * OpenAI-style JSON calls in raw text (the function-calling guide,
 * https://platform.openai.com/docs/guides/function-calling, call shape
 * `{"name", "arguments"}`): bare, fenced, in `<function_call>` or after `Function call:`.
 */
export const openaiCases = table([
  ['no call', 'Hello! How can I help?', []],
  ['bare object', '{"name": "get_weather", "arguments": {"city": "San Francisco"}}', [['get_weather', W]]],
  ['bare array', '[{"name": "a", "arguments": {}}, {"name": "b", "arguments": {"x": 1}}]', [['a', {}], ['b', { x: 1 }]]],
  ['fenced json block', 'Here:\n```json\n{"name": "a", "arguments": {"x": 1}}\n```\nDone.', [['a', { x: 1 }]], 'Here:\n\nDone.'],
  ['fenced block of another language', '```python\n{"name": "a", "arguments": {}}\n```', [['a', {}]]],
  ['function_call tag', 'Ok <function_call>{"name": "a", "parameters": {"x": "y"}}</function_call>', [['a', { x: 'y' }]], 'Ok'],
  ['Function call: label', 'Function call: {"name": "a", "arguments": {"k": [1]}}', [['a', { k: [1] }]]],
  ['label then fence', 'Function call: ```json\n{"name": "a", "arguments": {}}\n```', [['a', {}]]],
  ['function wrapper form', '{"function": {"name": "a", "arguments": {"x": 2}}}', [['a', { x: 2 }]]],
  ['several calls with text between', 'First {"name": "a", "arguments": {}} then {"name": "b", "arguments": {}} end', [['a', {}], ['b', {}]], 'First  then  end'],
  ['nested arguments', `{"name": "forecast", "arguments": ${JSON.stringify(NESTED)}}`, [['forecast', NESTED]]],
  ['braces and quotes in strings', `{"name": "search", "arguments": ${JSON.stringify(TRICKY)}}`, [['search', TRICKY]]],
  ['unicode', `天气: {"name": "get_weather", "arguments": ${JSON.stringify(UNI)}}`, [['get_weather', UNI]], '天气:'],
  ['arguments as a string (the API wire form)', '{"name": "a", "arguments": "{\\"x\\": 1}"}', [['a', { x: 1 }]]],
  ['OpenAI tool_calls entry', '{"id": "call_1", "type": "function", "function": {"name": "a", "arguments": "{}"}}', [['a', {}]]],
  ['JSON that is not a call', 'Config: {"a": 1, "b": [1, 2]} ok', []],
  ['array that is not calls', 'List [1, 2, 3] and [] and [x]', []],
  ['braces in prose', 'Use {curly} and {"unfinished": and } too', []],
  ['broken JSON in a fence', '```json\n{"name": "a", "arguments": {"x": }}\n```', [], undefined, { diverges: true }],
  ['unclosed tag: the bare object is still a call', '<function_call>{"name": "a", "arguments": {}}', [['a', {}]], '<function_call>', { diverges: true }],
  ['unclosed fence: the bare object is still a call', '```json\n{"name": "a", "arguments": {}}', [['a', {}]], '```json', { diverges: true }],
  ['unclosed fence with broken JSON', '```json\n{"name": "a", "arguments": {', [], undefined, { diverges: true }],
  ['label with nothing after', 'Function call: none needed', []],
  ['marker-like text', 'A <function> tag, ``code`` and Function calls are fine.', []],
  ['arguments an array is not a call', '{"name": "a", "arguments": [1]}', []],
  ['empty array is not a call', '[]', []],
  ['name missing', '{"arguments": {"x": 1}}', []],
  ['fenced non-call stays content', '```json\n{"a": 1}\n```', []],
]);

/**
 * JSON-schema replies (a decoder constrained by a JSON Schema, as in
 * https://platform.openai.com/docs/guides/structured-outputs, with the
 * reference module's `{"function": {"name", "arguments"}}` shape): the whole reply is the call(s).
 */
export const jsonSchemaCases = table([
  ['no call', 'Just text.', []],
  ['function wrapper', '{"function": {"name": "a", "arguments": {"x": 1}}}', [['a', { x: 1 }]]],
  ['name and arguments', '{"name": "a", "arguments": {"x": 1}}', [['a', { x: 1 }]]],
  ['name and parameters', '{"name": "a", "parameters": {"x": 1}}', [['a', { x: 1 }]]],
  ['array of calls', '[{"name": "a", "arguments": {}}, {"function": {"name": "b", "arguments": {"y": 2}}}]', [['a', {}], ['b', { y: 2 }]]],
  ['fenced', '```json\n{"name": "a", "arguments": {}}\n```', [['a', {}]]],
  ['fenced without a tag', '```\n{"name": "a", "arguments": {}}\n```', [['a', {}]]],
  ['surrounding whitespace', '\n\n  {"name": "a", "arguments": {}}  \n', [['a', {}]]],
  ['nested arguments', `{"name": "forecast", "arguments": ${JSON.stringify(NESTED)}}`, [['forecast', NESTED]]],
  ['braces and quotes in strings', `{"name": "search", "arguments": ${JSON.stringify(TRICKY)}}`, [['search', TRICKY]]],
  ['unicode', `{"function": {"name": "get_weather", "arguments": ${JSON.stringify(UNI)}}}`, [['get_weather', UNI]]],
  ['arguments as a string', '{"name": "a", "arguments": "{\\"x\\": [1]}"}', [['a', { x: [1] }]]],
  ['arguments a non-JSON string', '{"name": "a", "arguments": "x=1"}', []],
  ['text before is content', 'Sure: {"name": "a", "arguments": {}}', []],
  ['text after is content', '{"name": "a", "arguments": {}} done', []],
  ['broken JSON', '{"name": "a", "arguments": {"x": 1}', []],
  ['empty array', '[]', []],
  ['array with a non-call', '[{"name": "a", "arguments": {}}, 5]', []],
  ['JSON that is not a call', '{"result": 42}', []],
  ['marker-like text', '```not really a fence', []],
  ['fence not closed', '```json\n{"name": "a", "arguments": {}}', []],
  ['no arguments', '{"name": "ping"}', [['ping', {}]]],
  ['arguments null', '{"name": "a", "arguments": null}', []],
  ['both arguments and parameters', '{"name": "a", "arguments": {}, "parameters": {}}', []],
  ['wrapper with arguments as a string', '{"function": {"name": "a", "arguments": "{}"}}', [['a', {}]]],
  ['empty reply', '   ', [], null],
]);

/**
 * Llama 3.1 / 3.3 JSON tool calling (https://www.llama.com/docs/model-cards-and-prompt-formats/llama3_1/):
 * `{"name": "function_name", "parameters": {…}}`, optionally after `<|python_tag|>`.
 */
export const llama3Cases = table([
  ['no call', 'The capital of France is Paris.', []],
  ['one call', '{"name": "get_weather", "parameters": {"city": "San Francisco"}}', [['get_weather', W]]],
  ['python_tag then call', '<|python_tag|>{"name": "get_weather", "parameters": {"city": "San Francisco"}}', [['get_weather', W]]],
  ['several calls separated by ;', '{"name": "a", "parameters": {"x": 1}}; {"name": "b", "parameters": {}}', [['a', { x: 1 }], ['b', {}]]],
  ['python_tag and several calls', '<|python_tag|>{"name": "a", "parameters": {}};\n{"name": "b", "parameters": {"y": "z"}}', [['a', {}], ['b', { y: 'z' }]]],
  ['arguments key', '{"name": "a", "arguments": {"x": 1}}', [['a', { x: 1 }]]],
  ['nested arguments', `{"name": "forecast", "parameters": ${JSON.stringify(NESTED)}}`, [['forecast', NESTED]]],
  ['braces and quotes in strings', `<|python_tag|>{"name": "search", "parameters": ${JSON.stringify(TRICKY)}}`, [['search', TRICKY]]],
  ['unicode', `{"name": "get_weather", "parameters": ${JSON.stringify(UNI)}}`, [['get_weather', UNI]]],
  ['arguments as a string', '{"name": "a", "parameters": "{\\"x\\": 1}"}', [['a', { x: 1 }]]],
  ['whitespace around', '  \n{"name": "a", "parameters": {}}\n ', [['a', {}]]],
  ['trailing semicolon', '{"name": "a", "parameters": {}};', [['a', {}]]],
  ['text before is content', 'Calling: {"name": "a", "parameters": {}}', []],
  ['text after is content', '{"name": "a", "parameters": {}} and more', []],
  ['broken JSON', '{"name": "a", "parameters": {"x": 1,}}', []],
  ['broken after python_tag', '<|python_tag|>{"name": "a", "parameters": {"x": ]}}', [], undefined, { diverges: true }],
  ['broken second call', '{"name": "a", "parameters": {}}; {"name": "b" "parameters": {}}', []],
  ['JSON that is not a call', '{"answer": 42}', []],
  ['marker-like text', '<|python is a snake|> not a tag', []],
  ['python_tag with text', '<|python_tag|>print("hello")', []],
  ['no parameters key', '{"name": "now"}', [['now', {}]]],
  ['parameters an array', '{"name": "a", "parameters": [1]}', []],
  ['empty reply', '', [], null],
  ['two calls without a separator', '{"name": "a", "parameters": {}} {"name": "b", "parameters": {}}', []],
  ['builtin-style call after python_tag', '<|python_tag|>{"name": "brave_search", "parameters": {"query": "llama 3.1 release"}}', [['brave_search', { query: 'llama 3.1 release' }]]],
]);

/**
 * Mistral (https://huggingface.co/mistralai/Mistral-7B-Instruct-v0.3 and
 * mistral-common's tokenizer docs, https://github.com/mistralai/mistral-common):
 * `[TOOL_CALLS] [{"name": …, "arguments": {…}}]`, or `[TOOL_CALLS]name[ARGS]{…}` (v11 tokenizer).
 */
export const mistralCases = table([
  ['no call', 'Bonjour ! Comment puis-je aider ?', []],
  ['array form', '[TOOL_CALLS] [{"name": "get_current_weather", "arguments": {"location": "Paris, France", "format": "celsius"}}]', [['get_current_weather', { location: 'Paris, France', format: 'celsius' }]]],
  ['array form, several calls', '[TOOL_CALLS][{"name": "a", "arguments": {}}, {"name": "b", "arguments": {"x": 1}}]', [['a', {}], ['b', { x: 1 }]]],
  ['name [ARGS] form', '[TOOL_CALLS]get_current_weather[ARGS]{"location": "Paris"}', [['get_current_weather', { location: 'Paris' }]]],
  ['name [ARGS] form, several', '[TOOL_CALLS]a[ARGS]{"x": 1}[TOOL_CALLS]b[ARGS]{}', [['a', { x: 1 }], ['b', {}]]],
  ['content before', 'Let me check the weather. [TOOL_CALLS][{"name": "a", "arguments": {}}]', [['a', {}]], 'Let me check the weather.'],
  ['trailing whitespace', '[TOOL_CALLS][{"name": "a", "arguments": {}}]\n\n', [['a', {}]]],
  ['nested arguments', `[TOOL_CALLS][{"name": "forecast", "arguments": ${JSON.stringify(NESTED)}}]`, [['forecast', NESTED]]],
  ['braces and quotes in strings', `[TOOL_CALLS]search[ARGS]${JSON.stringify(TRICKY)}`, [['search', TRICKY]]],
  ['unicode', `Je vérifie 🌦️. [TOOL_CALLS][{"name": "get_weather", "arguments": ${JSON.stringify(UNI)}}]`, [['get_weather', UNI]], 'Je vérifie 🌦️.'],
  ['arguments as a string', '[TOOL_CALLS][{"name": "a", "arguments": "{\\"x\\": 1}"}]', [['a', { x: 1 }]]],
  ['[ARGS] as a string', '[TOOL_CALLS]a[ARGS]"{\\"x\\": 2}"', [['a', { x: 2 }]]],
  ['text after the calls is not allowed', '[TOOL_CALLS][{"name": "a", "arguments": {}}] and then text', [], undefined, { diverges: true }],
  ['broken JSON', 'Ok [TOOL_CALLS][{"name": "a", "arguments": {"x": 1}, ]', [], undefined, { diverges: true }],
  ['broken before the name', '[TOOL_CALLS][{"nam', []],
  ['unclosed array', '[TOOL_CALLS][{"name": "a", "arguments": {}}', [], undefined, { diverges: true }],
  ['empty array', '[TOOL_CALLS][]', []],
  ['missing [ARGS]', '[TOOL_CALLS]get_weather', []],
  ['marker-like text', 'See [TOOL] and [TOOL_CALLS-ish] and [TOOLS] here.', []],
  ['partial marker at the end', 'The list: [TOOL_', []],
  ['parameters key', '[TOOL_CALLS][{"name": "a", "parameters": {"k": "v"}}]', [['a', { k: 'v' }]]],
  ['no arguments key', '[TOOL_CALLS][{"name": "now"}]', [['now', {}]]],
  ['arguments an array', '[TOOL_CALLS][{"name": "a", "arguments": [1]}]', []],
  ['content before, [ARGS] form', 'Sure.[TOOL_CALLS]f[ARGS]{"q": "]"}', [['f', { q: ']' }]], 'Sure.'],
  ['array then a second marker', '[TOOL_CALLS][{"name": "a", "arguments": {}}][TOOL_CALLS][{"name": "b", "arguments": {}}]', [['a', {}], ['b', {}]]],
  ['name with spaces is not a name', '[TOOL_CALLS]get weather[ARGS]{}', []],
]);

/**
 * Pythonic (Llama 3.2, https://www.llama.com/docs/model-cards-and-prompt-formats/llama3_2/;
 * Llama 4, https://www.llama.com/docs/model-cards-and-prompt-formats/llama4/):
 * the reply is `[func_name1(params_name1=params_value1, …), func_name2(params)]`.
 */
export const pythonicCases = table([
  ['no call', 'Paris is the capital of France.', []],
  ['one call', "[get_weather(city='San Francisco')]", [['get_weather', W]]],
  ['several calls', "[get_weather(city='SF'), get_time()]", [['get_weather', { city: 'SF' }], ['get_time', {}]]],
  ['Llama 4 wrapper', "<|python_start|>[get_weather(city='SF')]<|python_end|>", [['get_weather', { city: 'SF' }]]],
  ['python literals', '[f(a=True, b=None, c=False, d=1.5, e=-3)]', [['f', { a: true, b: null, c: false, d: 1.5, e: -3 }]]],
  ['double-quoted strings', '[f(a="x", b="y \\"q\\"")]', [['f', { a: 'x', b: 'y "q"' }]]],
  ['nested values', "[f(opts={'units': 'metric', 'days': [1, 2, (3, 4)]}, tags=['a', 'b'])]", [['f', { opts: { units: 'metric', days: [1, 2, [3, 4]] }, tags: ['a', 'b'] }]]],
  ['JSON values', '[f(opts={"a": null, "b": [true, false]})]', [['f', { opts: { a: null, b: [true, false] } }]]],
  ['brackets and quotes in strings', `[f(q='a ) b , ] [ { " \\' }')]`, [['f', { q: 'a ) b , ] [ { " \' }' }]]],
  ['unicode', "[get_weather(city='東京', note='🌤️ مرحبا שלום')]", [['get_weather', { city: '東京', note: '🌤️ مرحبا שלום' }]]],
  ['bare words', '[get_weather(city=San Francisco, unit=celsius)]', [['get_weather', { city: 'San Francisco', unit: 'celsius' }]]],
  ['JSON string argument stays a string', '[f(payload=\'{"a": 1}\')]', [['f', { payload: '{"a": 1}' }]]],
  ['whitespace around', "  \n[ f(a=1) ,  g(b='c') ]\n", [['f', { a: 1 }], ['g', { b: 'c' }]]],
  ['empty list is not a call', '[]', []],
  ['text before is content', "Sure: [get_weather(city='SF')]", []],
  ['text after is content', "[get_weather(city='SF')] done", []],
  ['positional argument', "[get_weather('SF')]", []],
  ['broken call', "[get_weather(city='SF']", []],
  ['unclosed list', "[get_weather(city='SF')", []],
  ['a markdown link is not a call', '[link](https://example.com)', []],
  ['list of words', '[apples, pears]', []],
  ['duplicate keyword', '[f(a=1, a=2)]', []],
  ['trailing commas', '[f(a=1,),]', [['f', { a: 1 }]]],
  ['dotted name', '[math.sqrt(x=2)]', [['math.sqrt', { x: 2 }]]],
  ['call without a list', "get_weather(city='SF')", []],
  ['empty reply', '', [], null],
]);

/** Every format's corpus, by format name (`nous` runs the hermes corpus). */
export const CORPORA: Record<string, Case[]> = {
  hermes: hermesCases,
  nous: hermesCases,
  qwen: qwenCases,
  gorilla: gorillaCases,
  openai: openaiCases,
  json_schema: jsonSchemaCases,
  llama3_json: llama3Cases,
  mistral: mistralCases,
  pythonic: pythonicCases,
};
