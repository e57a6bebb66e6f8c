/**
 * The JSON Schemas against the whole conformance corpus, with ajv (draft 2020-12):
 * (a) every accepted case's `toJSON()` validates against its model's schema;
 * (b) every case `parse` rejects is rejected by the schema too (the schema may
 *     be stricter than parse, which coerces "5" to 5, but never more permissive).
 */
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import { jsonSchema } from '../../src/schema';
import { loadCorpus, modelClass } from '../corpus';

const cases = loadCorpus();
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
const validators = new Map<string, ValidateFunction>();

function validatorFor(model: string): ValidateFunction {
  let v = validators.get(model);
  if (!v) {
    v = ajv.compile(jsonSchema(modelClass(model)));
    validators.set(model, v);
  }
  return v;
}

function why(v: ValidateFunction): string {
  return ajv.errorsText(v.errors, { separator: '; ' }).slice(0, 300);
}

describe(`JSON Schema over the conformance corpus (${cases.length} cases)`, () => {
  const accepted = cases.filter((c) => c.ok);
  const rejected = cases.filter((c) => !c.ok);

  it('covers every model of the corpus, with both accepted and rejected cases', () => {
    expect(accepted.length).toBeGreaterThan(0);
    expect(rejected.length).toBeGreaterThan(0);
    const models = [...new Set(cases.map((c) => c.model))];
    expect(models.filter((m) => !accepted.some((c) => c.model === m) || !rejected.some((c) => c.model === m))).toEqual([]);
  });

  it('(a) the toJSON() of every accepted case validates against its model schema', () => {
    const failures: string[] = [];
    for (const c of accepted) {
      const result = modelClass(c.model).safeParse(c.input);
      if (!result.success) {
        failures.push(`case ${c.id}: parse rejected it: ${result.error.message}`);
        continue;
      }
      const v = validatorFor(c.model);
      if (!v(result.data.toJSON())) failures.push(`case ${c.id} (${c.model}): ${why(v)}`);
    }
    expect(failures).toEqual([]);
  });

  it('(b) every input that parse rejects is rejected by the schema as well', () => {
    const failures: string[] = [];
    for (const c of rejected) {
      const result = modelClass(c.model).safeParse(c.input);
      if (result.success) {
        failures.push(`case ${c.id}: parse accepted it`);
        continue;
      }
      if (validatorFor(c.model)(c.input)) {
        failures.push(`case ${c.id} (${c.model}): schema accepts, parse says ${result.error.message.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('is stricter than parse only where parse coerces (raw accepted inputs the schema rejects)', () => {
    // Informational bound: parse's lax coercion ("5" → 5, "yes" → true) is what the
    // schema does not model. Each such input still parses to a value that validates, per (a).
    const stricter = accepted.filter((c) => !validatorFor(c.model)(c.input));
    for (const c of stricter) {
      const dumped = modelClass(c.model).parse(c.input).toJSON();
      expect([c.id, validatorFor(c.model)(dumped)]).toEqual([c.id, true]);
    }
    // The corpus has lax inputs, so this must find some.
    expect(stricter.length).toBeGreaterThan(0);
    console.log(`schema summary: (a) ${accepted.length}/${accepted.length} dumps valid; (b) ${rejected.length}/${rejected.length} rejected inputs rejected; ${stricter.length} accepted raw inputs are rejected by the stricter schema`);
  });
});
