/** Tool and function-calling models (src/models/tools.ts). */
import {
  DeltaFunctionCall,
  DeltaToolCall,
  ExtractedToolCallInformation,
  Function as FunctionModel,
  FunctionCall,
  FunctionCallFormat,
  FunctionDefinition,
  Tool,
  ToolCall,
  ToolDefinition,
  ToolFunction,
} from '../../src';
import { accept, reject } from '../helpers/routes';

describe('Function (ToolFunction) and FunctionDefinition', () => {
  it('is exported under both names and is named "Function" in errors', () => {
    expect(FunctionModel).toBe(ToolFunction);
    expect(ToolFunction.name).toBe('Function');
    expect(() => ToolFunction.parse({})).toThrow(/^1 validation error for Function\n/);
  });

  it.each([
    ['Function', ToolFunction],
    ['FunctionDefinition', FunctionDefinition],
  ] as const)('%s needs name; description defaults to null and parameters to {}', (_n, Cls) => {
    expect(accept(Cls, { name: 'f' })[0].toJSON()).toEqual({ name: 'f', description: null, parameters: {} });
    expect(reject(Cls, { description: 'd' })).toEqual([{ loc: ['name'], type: 'missing', msg: 'Field required' }]);
  });

  it('gives each instance its own parameters default', () => {
    const a = ToolFunction.parse({ name: 'f' });
    a.parameters.x = 1;
    expect(ToolFunction.parse({ name: 'f' }).parameters).toEqual({});
  });
});

describe('Tool and ToolDefinition', () => {
  it('type defaults to "function"; function is required', () => {
    expect(accept(Tool, { function: { name: 'f' } })[0].toJSON()).toEqual({ type: 'function', function: { name: 'f', description: null, parameters: {} } });
    expect(reject(Tool, { type: 'function' })).toEqual([{ loc: ['function'], type: 'missing', msg: 'Field required' }]);
  });

  it('Tool builds a Function, ToolDefinition a FunctionDefinition', () => {
    expect(accept(Tool, { function: { name: 'f' } })[1].function.constructor).toBe(ToolFunction);
    const [fast, deco] = accept(ToolDefinition, { function: { name: 'f' } });
    expect(fast.function).toBeInstanceOf(FunctionDefinition);
    expect(deco.function).toBeInstanceOf(FunctionDefinition);
  });
});

describe('FunctionCall and ToolCall', () => {
  it('FunctionCall needs name and arguments (a string)', () => {
    expect(accept(FunctionCall, { name: 'f', arguments: '{}' })[0].toJSON()).toEqual({ name: 'f', arguments: '{}' });
    expect(reject(FunctionCall, { name: 'f', arguments: {} })).toEqual([
      { loc: ['arguments'], type: 'string_type', msg: 'Input should be a valid string' },
    ]);
  });

  it('ToolCall needs id and function; type defaults to "function"', () => {
    expect(accept(ToolCall, { id: 'c', function: { name: 'f', arguments: '' } })[0].toJSON()).toEqual({
      id: 'c',
      type: 'function',
      function: { name: 'f', arguments: '' },
    });
    expect(reject(ToolCall, { function: {} })).toEqual([
      { loc: ['id'], type: 'missing', msg: 'Field required' },
      { loc: ['function', 'name'], type: 'missing', msg: 'Field required' },
      { loc: ['function', 'arguments'], type: 'missing', msg: 'Field required' },
    ]);
  });
});

describe('DeltaFunctionCall and DeltaToolCall', () => {
  it('DeltaFunctionCall has optional name and arguments, left out of the dump when absent (C15), kept when null', () => {
    expect(accept(DeltaFunctionCall, {})[0].toJSON()).toEqual({});
    expect(JSON.stringify(accept(DeltaFunctionCall, { arguments: '{' })[1])).toBe('{"arguments":"{"}');
    expect(accept(DeltaFunctionCall, { name: null })[0].toJSON()).toEqual({ name: null });
  });

  it('DeltaToolCall needs index; id, type, function and custom are left out when absent (C15)', () => {
    expect(accept(DeltaToolCall, { index: 1 })[0].toJSON()).toEqual({ index: 1 });
    expect(JSON.stringify(new DeltaToolCall({ index: 0, function: { arguments: 'x' } }))).toBe('{"index":0,"function":{"arguments":"x"}}');
    expect(accept(DeltaToolCall, { index: 0, function: { arguments: '{"a' } })[1].function).toBeInstanceOf(DeltaFunctionCall);
  });
});

describe('ExtractedToolCallInformation', () => {
  it('needs tools_called and tool_calls; content defaults to null', () => {
    const [fast, deco] = accept(ExtractedToolCallInformation, { tools_called: 'yes', tool_calls: [{ id: 'c', function: { name: 'f', arguments: '{}' } }] });
    expect(fast.tools_called).toBe(true);
    expect(deco.tool_calls[0]).toBeInstanceOf(ToolCall);
    expect(fast.content).toBeNull();
    expect(reject(ExtractedToolCallInformation, {})).toEqual([
      { loc: ['tools_called'], type: 'missing', msg: 'Field required' },
      { loc: ['tool_calls'], type: 'missing', msg: 'Field required' },
    ]);
  });
});

describe('FunctionCallFormat', () => {
  it('is a string enum of the six formats', () => {
    expect(Object.values(FunctionCallFormat).sort()).toEqual(['gorilla', 'hermes', 'json_schema', 'nous', 'openai', 'qwen']);
    expect(FunctionCallFormat.OPENAI).toBe('openai');
  });
});
