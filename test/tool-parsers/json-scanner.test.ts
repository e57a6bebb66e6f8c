/** The incremental JSON scanner agrees with JSON.parse on where a value is complete and valid. */
import * as fc from 'fast-check';
import { JsonScanner, Step } from '../../src/tool-parsers/json-scanner';

/** Feeds `text` and says whether it is exactly one valid JSON value (whitespace around allowed). */
function scans(text: string): boolean {
  const sc = new JsonScanner();
  let done = -1;
  for (let i = 0; i < text.length; i++) {
    const r = sc.push(text.charCodeAt(i));
    if (r === Step.Error) return false;
    if (r === Step.Done || r === Step.DoneBefore) {
      done = r === Step.Done ? i + 1 : i;
      break;
    }
  }
  if (done < 0) done = sc.end() === Step.Done ? text.length : -1;
  return done >= 0 && text.slice(done).trim() === '';
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('JsonScanner', () => {
  it.each([
    '{}', '[]', '0', '-0.5e+3', '"a\\u00e9\\n"', 'true', ' null ', '{"a": [1, {"b": "}"}], "c": false}', '[1,]', '{"a" 1}', '01', '1.', '-', '"\u0001"',
    '{"a":1,}', '[', '"\\x"', 'nul', '{"a":1}}', '1 2', '.5', '"\\u12G4"', '[1 2]', '{,}', '',
  ])('%j: valid exactly when JSON.parse accepts it', (text) => {
    expect(scans(text)).toBe(parses(text));
  });

  it('agrees with JSON.parse on generated JSON and on mutations of it', () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.string({ maxLength: 2 }), (json, at, insert) => {
        expect(scans(json)).toBe(true);
        const k = at % (json.length + 1);
        const mutated = json.slice(0, k) + insert + json.slice(k);
        expect(scans(mutated)).toBe(parses(mutated));
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
});
