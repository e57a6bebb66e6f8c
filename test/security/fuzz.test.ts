/**
 * Guarantee 9: property-based tests with fast-check, seeded and reproducible,
 * RUNS (default 1,000) runs per property per exported model (JS_RUNS = 500
 * for the costliest one), 4,500 runs per model in all:
 *
 * - arbitrary JSON (fast-check's `jsonValue`, and JSON whose objects carry
 *   hostile and declared keys) into `parse` and `parseJson`, and arbitrary JS
 *   values (`anything`: Maps, Dates, typed arrays, bigints, null-prototype
 *   objects, …) into `parse`, throw nothing but `ProtocolValidationError`;
 * - mostly-valid bodies (accepted corpus inputs with random edits: extra and
 *   hostile keys, replaced or deleted values, numbers as strings) do the same,
 *   and are accepted often enough (≥ 30%) for the next properties to bite;
 * - for every accepted x: `Model.parse(JSON.parse(JSON.stringify(x)))` dumps
 *   the same as `Model.parse(x)`, and parsing an instance's own wire form
 *   gives the same wire form again (idempotent round trip);
 * - `JSON.stringify`, `dump` (every option), `copy` never throw on a parsed
 *   instance; the dump equals the wire form; nothing is polluted;
 * - on mostly-valid bodies, `parseJson` and the decorator route agree with
 *   `parse` on acceptance and on the wire form (the decorator route skips
 *   bodies with a `constructor` key, its known upstream limit);
 * - mostly-valid bodies edited to hold values JSON cannot carry (NaN,
 *   ±Infinity, bigint, Date, functions, Maps, cycles, 600-deep nesting) are
 *   rejected, or accepted only when nothing was lost: x has a JSON form and
 *   parsing that form dumps the same.
 *
 * Reproduce a failure with the seed and path fast-check prints; FUZZ_SEED and
 * FUZZ_RUNS override the defaults (e.g. FUZZ_RUNS=10000 for a longer soak).
 */
import fc from 'fast-check';
import { OpenAIBaseModel, ProtocolValidationError } from '../../src';
import { anythingArb, dumpOptionsArb, jsonArb, validishArb, validishJsArb } from './arbitraries';
import { DECORATORS, MODELS, Model, deepFreeze, pollution, snapshot } from './helpers';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
/** The JS-only property builds cycles and 600-deep values, the costliest inputs: half the runs keep the suite under a minute. */
const JS_RUNS = Math.ceil(RUNS / 2);
const BASE_SEED = Number(process.env.FUZZ_SEED ?? 20_260_501);

/** A fixed seed per model and property, so each property's runs are reproducible on their own. */
function seedFor(model: Model, property: string): number {
  let h = BASE_SEED;
  for (const ch of `${model.name}/${property}`) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

/** What `run` returns; undefined when it throws a ProtocolValidationError (anything else escapes). */
function unlessRejected(run: () => OpenAIBaseModel): OpenAIBaseModel | undefined {
  try {
    return run();
  } catch (e) {
    if (e instanceof ProtocolValidationError) return undefined;
    throw e;
  }
}

/** parse, throwing only ProtocolValidationError; undefined when rejected. */
const tryParse = (model: Model, x: unknown): OpenAIBaseModel | undefined => unlessRejected(() => model.parse(x));
/** parseJson, throwing only ProtocolValidationError; undefined when rejected. */
const tryParseJson = (model: Model, text: string): OpenAIBaseModel | undefined => unlessRejected(() => model.parseJson(text));

/** Everything an accepted instance must satisfy. Throws (with a reason) when it does not. */
function checkAccepted(model: Model, inst: OpenAIBaseModel, options: Parameters<OpenAIBaseModel['dump']>[0]): void {
  if (!(inst instanceof model) || Object.getPrototypeOf(inst) !== model.prototype) throw new Error('not an instance of the model');
  const wire = JSON.stringify(inst);
  if (JSON.stringify(inst.dump()) !== wire) throw new Error(`dump() differs from the wire form: ${wire.slice(0, 300)}`);
  inst.dump(options);
  if (JSON.stringify(inst.copy()) !== wire) throw new Error('copy() changed the wire form');
  if (JSON.stringify(inst.copy(undefined, { deep: true })) !== wire) throw new Error('deep copy() changed the wire form');
  const again = model.parse(JSON.parse(wire));
  if (JSON.stringify(again) !== wire) throw new Error(`not idempotent:\n${wire.slice(0, 300)}\n${JSON.stringify(again).slice(0, 300)}`);
  const fromText = model.parseJson(wire);
  if (JSON.stringify(fromText) !== wire) throw new Error('parseJson of the wire form differs');
  const found = pollution();
  if (found.length) throw new Error(`polluted: ${found.join('; ')}`);
}

/** The dump of what the caller sent (fields they set, extras): generated defaults such as `id` differ per parse. */
const sent = (inst: OpenAIBaseModel): string => JSON.stringify(inst.dump({ excludeUnset: true }));

describe.each(MODELS.map((m) => [m.name, m] as const))('%s', (_name, model) => {
  it(`arbitrary JSON (${RUNS} runs): parse and parseJson throw only ProtocolValidationError and agree`, () => {
    fc.assert(
      fc.property(jsonArb, dumpOptionsArb, (x, options) => {
        const text = JSON.stringify(x);
        const a = tryParse(model, x);
        const b = tryParseJson(model, text);
        if (!!a !== !!b) throw new Error(`parse ${a ? 'accepts' : 'rejects'} but parseJson ${b ? 'accepts' : 'rejects'} ${text.slice(0, 300)}`);
        if (a && b) {
          checkAccepted(model, a, options);
          if (sent(a) !== sent(b)) throw new Error('parse and parseJson dump differently');
          const roundTrip = model.parse(JSON.parse(text));
          if (sent(roundTrip) !== sent(a)) throw new Error('parse(JSON round trip of x) dumps differently from parse(x)');
        }
      }),
      { seed: seedFor(model, 'json'), numRuns: RUNS },
    );
  }, 60_000);

  it(`JSON text (${RUNS} runs): parseJson of any JSON text throws only ProtocolValidationError`, () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (text) => {
        const inst = tryParseJson(model, text);
        if (inst) JSON.stringify(inst);
      }),
      { seed: seedFor(model, 'text'), numRuns: RUNS },
    );
  }, 60_000);

  it(`arbitrary JS values (${RUNS} runs): parse throws only ProtocolValidationError`, () => {
    fc.assert(
      fc.property(anythingArb, dumpOptionsArb, (x, options) => {
        const inst = tryParse(model, x);
        if (inst) checkAccepted(model, inst, options);
      }),
      { seed: seedFor(model, 'anything'), numRuns: RUNS },
    );
  }, 60_000);

  it(`mostly-valid bodies (${RUNS} runs): accepted often, round trip, routes agree, input untouched`, () => {
    let accepted = 0;
    fc.assert(
      fc.property(validishArb(model), dumpOptionsArb, (x, options) => {
        const text = JSON.stringify(x);
        const before = snapshot(x);
        deepFreeze(x);
        const a = tryParse(model, x);
        if (snapshot(x) !== before) throw new Error('parse changed its input');
        const b = tryParseJson(model, text);
        if (!!a !== !!b) throw new Error(`parse ${a ? 'accepts' : 'rejects'} but parseJson ${b ? 'accepts' : 'rejects'} ${text.slice(0, 300)}`);
        if (!text.includes('"constructor"')) {
          const d = DECORATORS.run(model, { text });
          if (d.ok !== !!a) throw new Error(`parse ${a ? 'accepts' : 'rejects'} but the decorator route ${d.ok ? 'accepts' : 'rejects'} ${text.slice(0, 300)}`);
          if (d.ok && a && JSON.stringify(d.inst.dump({ excludeUnset: true })) !== sent(a)) {
            throw new Error(`the decorator route dumps differently:\n${sent(a).slice(0, 300)}\n${JSON.stringify(d.inst.dump({ excludeUnset: true })).slice(0, 300)}`);
          }
        }
        if (a && b) {
          accepted++;
          checkAccepted(model, a, options);
          if (sent(a) !== sent(b)) throw new Error('parse and parseJson dump differently');
        }
      }),
      { seed: seedFor(model, 'validish'), numRuns: RUNS },
    );
    expect(accepted / RUNS).toBeGreaterThanOrEqual(0.3);
  }, 60_000);

  it(`mostly-valid bodies holding JS-only values (${JS_RUNS} runs): rejected, or accepted exactly as JSON would carry them`, () => {
    fc.assert(
      fc.property(validishJsArb(model), dumpOptionsArb, (x, options) => {
        const before = snapshot(x);
        const inst = tryParse(model, x);
        if (snapshot(x) !== before) throw new Error('parse changed its input');
        if (!inst) return;
        checkAccepted(model, inst, options);
        // Accepted means nothing was lost or changed on the way: x itself has a JSON form, and
        // parsing that form gives the same dump (NaN would become null, a Date a string, a cycle throw).
        let text: string;
        try {
          text = JSON.stringify(x);
        } catch (e) {
          throw new Error(`parse accepted a value JSON cannot represent (${(e as Error).message}); it dumps as ${sent(inst).slice(0, 300)}`);
        }
        const viaJson = tryParse(model, JSON.parse(text));
        if (!viaJson || sent(viaJson) !== sent(inst)) {
          throw new Error(`accepted with data changed:\n  parse(x):            ${sent(inst).slice(0, 300)}\n  parse(JSON form of x): ${viaJson ? sent(viaJson).slice(0, 300) : 'rejected'}`);
        }
      }),
      { seed: seedFor(model, 'validish-js'), numRuns: JS_RUNS },
    );
  }, 60_000);
});
