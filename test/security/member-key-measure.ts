/** Prints, per route, how many member-key corpus cases agree with the rules and how many keys were lost (a measuring aid). */
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ProtocolValidationError, issuesFromValidationErrors } from '../../src';
import { MEMBER_KEY_CORPUS, MemberKeyCase, RouteOutcome, checkOutcome } from './member-key-corpus';
import type { Model } from './helpers';

/** The three in-process routes of the corpus. */
export const IN_PROCESS: Record<string, (cls: Model, c: MemberKeyCase) => RouteOutcome> = {
  parse: (cls, c) => fromParse(() => cls.parse(JSON.parse(c.text))),
  parseJson: (cls, c) => fromParse(() => cls.parseJson(c.text)),
  bare: (cls, c) => {
    try {
      const inst = plainToInstance(cls, JSON.parse(c.text) as object);
      const errors = validateSync(inst, { forbidUnknownValues: false });
      return errors.length ? { ok: false, locs: issuesFromValidationErrors(errors).map((i) => i.loc) } : { ok: true, inst };
    } catch (e) {
      return { thrown: e };
    }
  },
};

function fromParse(f: () => InstanceType<Model>): RouteOutcome {
  try {
    return { ok: true, inst: f() };
  } catch (e) {
    if (e instanceof ProtocolValidationError) return { ok: false, locs: e.issues.map((i) => i.loc) };
    return { thrown: e };
  }
}

if (require.main === module) {
  for (const [name, run] of Object.entries(IN_PROCESS)) {
    let agree = 0;
    let lost = 0;
    let casesLosing = 0;
    const sample: string[] = [];
    for (const c of MEMBER_KEY_CORPUS) {
      const out = { diffs: [] as string[], lostKeys: 0 };
      checkOutcome(c, run(c.model, c), out, name);
      if (out.diffs.length === 0) agree++;
      else if (sample.length < 5) sample.push(`${c.name}: ${out.diffs[0]}`);
      lost += out.lostKeys;
      if (out.lostKeys) casesLosing++;
    }
    console.log(`${name}: ${agree}/${MEMBER_KEY_CORPUS.length} agree; ${casesLosing} cases lost ${lost} keys`);
    for (const s of sample) console.log('   ', s);
  }
}
