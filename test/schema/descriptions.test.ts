/**
 * src/schema/descriptions.ts must hold exactly the TSDoc of src/models/*.ts.
 * Run with UPDATE_DESCRIPTIONS=1 to rewrite it after changing a model's TSDoc.
 */
import * as fs from 'fs';
import { CLASS_DESCRIPTIONS, FIELD_DESCRIPTIONS } from '../../src/schema/descriptions';
import { FunctionDefinition, ToolFunction } from '../../src';
import { DESCRIPTIONS_FILE, extractDescriptions, renderDescriptions } from './extract-descriptions';

describe('src/schema/descriptions.ts', () => {
  const fresh = renderDescriptions(extractDescriptions());

  it('is up to date with the TSDoc in src/models (UPDATE_DESCRIPTIONS=1 rewrites it)', () => {
    if (process.env.UPDATE_DESCRIPTIONS === '1') fs.writeFileSync(DESCRIPTIONS_FILE, fresh);
    expect(fs.readFileSync(DESCRIPTIONS_FILE, 'utf8')).toBe(fresh);
  });

  it('keys classes by their runtime name, mixin classes included', () => {
    expect(ToolFunction.name).toBe('Function');
    expect(FIELD_DESCRIPTIONS.Function.name).toBe('The function\'s name, as the model will call it.');
    expect(FIELD_DESCRIPTIONS.ToolFunction).toBeUndefined();
    expect(CLASS_DESCRIPTIONS[FunctionDefinition.name]).toMatch(/^A function offered in a request's `functions` or `tools`/);
    expect(FIELD_DESCRIPTIONS.SamplingParams.max_tokens).toBe('Most tokens to generate.');
    expect(FIELD_DESCRIPTIONS.ResponseHead.created).toMatch(/^When the response was created, in Unix seconds/);
  });

  it('joins the lines of a multi-line comment and leaves out tags', () => {
    expect(CLASS_DESCRIPTIONS.ContentPart).toBe(
      'One part of a multi-part message content: `{"type": "text", "text": …}`, ' +
        '`{"type": "image_url", "image_url": {…}}`, `{"type": "input_audio", …}`. ' +
        'Parsed as this class itself, only `type` is checked and every other key is kept as given (C4); ' +
        "in a message's `content`, a known `type` picks its subclass.",
    );
    expect(Object.values(CLASS_DESCRIPTIONS).some((d) => d.includes('@example'))).toBe(false);
  });
});
