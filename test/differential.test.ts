/**
 * Differential test: the fast route (`Model.safeParse`) against the bare
 * decorator route (`plainToInstance` + `validateSync(…, { forbidUnknownValues: false })`
 * + `issuesFromValidationErrors`). For every input both must make the same
 * decision, give identical instances and dumps, and report error locations
 * that agree under the rule in ./differential/routes.ts (`locListsAgree`).
 *
 * Inputs: every case of the public conformance corpus (ChatCompletionRequest
 * cases also as four user subclasses), then seeded fast-check mutations of
 * them (1–3 steps each). A failure names the case id, the class and the mutation.
 * `parseJson(text)` is also checked against `safeParse(JSON.parse(text))`.
 * OAI_DIFF_SEED / OAI_DIFF_RUNS change the seed and the number of mutations.
 */
import fc from 'fast-check';
import { ChatCompletionRequest, OpenAIBaseModel } from '../src';
import { loadCorpus, modelClass } from './corpus';
import { applyMutation, mutationArb } from './differential/mutations';
import { bareRoute, compareParseJson, compareRoutes, fastRoute, kindAt, locListsAgree } from './differential/routes';
import {
  NicknamedRequest,
  NotedMessagesRequest,
  REQUEST_SUBCLASSES,
  TaggedRequest,
  VettedRequest,
} from './differential/subclasses';

const cases = loadCorpus();
const SEED = Number(process.env.OAI_DIFF_SEED ?? 42);
const RUNS = Number(process.env.OAI_DIFF_RUNS ?? 3000);
const SHOWN = 25;

/** The classes a case runs as: its own, plus the user subclasses for a ChatCompletionRequest case. */
function classesFor(model: string): Array<typeof OpenAIBaseModel> {
  const own = modelClass(model);
  return own === ChatCompletionRequest ? [own, ...REQUEST_SUBCLASSES] : [own];
}

function report(failures: string[]): string[] {
  return failures.length > SHOWN ? [...failures.slice(0, SHOWN), `… and ${failures.length - SHOWN} more`] : failures;
}

const baseRequest = {
  model: 'm',
  messages: [{ role: 'user', content: 'hi' }],
};

describe('the location rule', () => {
  it('classifies fields by what class-validator can point into', () => {
    expect(kindAt(ChatCompletionRequest, ['messages'])).toBe('model');
    expect(kindAt(ChatCompletionRequest, ['messages', 0])).toBe('model');
    expect(kindAt(ChatCompletionRequest, ['messages', 0, 'role'])).toBe('leaf');
    expect(kindAt(ChatCompletionRequest, ['messages', 0, 'content'])).toBe('opaque');
    expect(kindAt(ChatCompletionRequest, ['stop'])).toBe('opaque');
    expect(kindAt(ChatCompletionRequest, ['logit_bias'])).toBe('opaque');
    expect(kindAt(ChatCompletionRequest, ['suppress_tokens'])).toBe('opaque');
    expect(kindAt(ChatCompletionRequest, ['tools', 1, 'function'])).toBe('model');
    expect(kindAt(ChatCompletionRequest, ['whatever'])).toBe('unknown');
  });

  // locListsAgree(cls, bare, fast)
  it('lets the bare route stop at a union, map or list of scalars', () => {
    expect(locListsAgree(ChatCompletionRequest, [['stop']], [['stop', 1]])).toBe(true);
    expect(locListsAgree(ChatCompletionRequest, [['logit_bias']], [['logit_bias', '50256']])).toBe(true);
    expect(locListsAgree(ChatCompletionRequest, [['messages']], [['messages', 0, 'role']])).toBe(false);
  });

  it('lets the bare route add deeper locations under a nested model, next to the field itself', () => {
    expect(locListsAgree(ChatCompletionRequest, [['messages'], ['messages', 'role']], [['messages']])).toBe(true);
    expect(locListsAgree(ChatCompletionRequest, [['messages', 'role']], [['messages']])).toBe(false);
    expect(locListsAgree(ChatCompletionRequest, [['stop'], ['stop', 1]], [['stop']])).toBe(false);
  });

  it('otherwise wants the same locations both ways', () => {
    expect(locListsAgree(ChatCompletionRequest, [['messages', '0', 'role']], [['messages', 0, 'role']])).toBe(true);
    expect(locListsAgree(ChatCompletionRequest, [['max_tokens']], [['n']])).toBe(false);
    expect(locListsAgree(ChatCompletionRequest, [['max_tokens']], [['max_tokens'], ['n']])).toBe(false);
    expect(locListsAgree(ChatCompletionRequest, [['max_tokens'], ['n']], [['max_tokens']])).toBe(false);
    expect(locListsAgree(ChatCompletionRequest, [[]], [['model']])).toBe(false);
    expect(locListsAgree(ChatCompletionRequest, [[]], [[]])).toBe(true);
  });
});

describe('user subclasses keep their decorators on both routes', () => {
  const cases: Array<[string, typeof OpenAIBaseModel, Record<string, unknown>, (string | number)[] | null]> = [
    ['IsString accepts a string', NicknamedRequest, { ...baseRequest, nickname: 'bob' }, null],
    ['IsString rejects a number', NicknamedRequest, { ...baseRequest, nickname: 5 }, ['nickname']],
    ['MaxLength rejects a long nickname', NicknamedRequest, { ...baseRequest, nickname: 'x'.repeat(13) }, ['nickname']],
    ['ValidateBy accepts an even length', VettedRequest, { ...baseRequest, tag: 'ab' }, null],
    ['ValidateBy rejects an odd length', VettedRequest, { ...baseRequest, tag: 'abc' }, ['tag']],
    ['Max on an inherited field rejects', VettedRequest, { ...baseRequest, max_tokens: '5000' }, ['max_tokens']],
    ['Max on an inherited field accepts a coerced value', VettedRequest, { ...baseRequest, max_tokens: '4000' }, null],
    ['library fields on a subclass coerce', TaggedRequest, { ...baseRequest, priority: '7' }, null],
    ['library fields on a subclass reject', TaggedRequest, { ...baseRequest, priority: 'high' }, ['priority']],
    ['a nested user class accepts', NotedMessagesRequest, { ...baseRequest, messages: [{ role: 'user', note: 'short' }] }, null],
    ['a nested user class rejects, located under the list', NotedMessagesRequest, { ...baseRequest, messages: [{ role: 'user' }, { role: 'user', note: 'x'.repeat(21) }] }, ['messages', 1, 'note']],
  ];

  it.each(cases)('%s', (_name, cls, input, loc) => {
    const fast = fastRoute(cls, input);
    const bare = bareRoute(cls, input);
    expect(fast.threw).toBeUndefined();
    expect(bare.threw).toBeUndefined();
    expect(fast.ok).toBe(loc === null);
    expect(bare.ok).toBe(loc === null);
    if (loc) {
      expect(fast.locs).toContainEqual(loc);
      expect(bare.locs).toContainEqual(loc);
    } else {
      expect(fast.dump).toEqual(bare.dump);
    }
    expect(compareRoutes(cls, input)).toBeNull();
  });

  // Core bug (see the report): for a class on the decorator route, parse hands the raw
  // input to plainToInstance, which throws on a nested own `constructor` key; parse
  // turns that into a root-level "Input could not be read", while the library's own
  // class accepts the body and drops the key.
  it.each([
    ['an extra', { ...baseRequest, x: JSON.parse('{"constructor": "a"}') }, ['x']],
    ['a dict field', { ...baseRequest, tool_choice: JSON.parse('{"type": "function", "constructor": {"prototype": {}}}') }, ['tool_choice']],
  ])('a user subclass accepts a nested `constructor` key in %s, as its parent does', (_name, input, at) => {
    const parent = ChatCompletionRequest.safeParse(input);
    expect(parent.success).toBe(true);
    for (const cls of [NicknamedRequest, NotedMessagesRequest]) {
      const r = cls.safeParse(input);
      expect(r.success ? [] : r.error.issues.map((i) => [i.loc, i.msg])).toEqual([]);
      const key = at[0] as string;
      expect(JSON.parse(JSON.stringify(r.success && r.data))[key]).toEqual(JSON.parse(JSON.stringify(parent.success && parent.data))[key]);
    }
  });

  it('coerces the inherited field before the user constraint sees it', () => {
    const r = VettedRequest.parse({ ...baseRequest, max_tokens: '4000' });
    expect(r.max_tokens).toBe(4000);
    expect(r).toBeInstanceOf(VettedRequest);
  });
});

describe(`differential: both routes agree (${cases.length} corpus cases)`, () => {
  it('on every corpus case, as its own class and as the user subclasses', () => {
    const failures: string[] = [];
    for (const c of cases) {
      for (const cls of classesFor(c.model)) {
        const d = compareRoutes(cls, c.input);
        if (d) failures.push(`case ${c.id} as ${cls.name}: ${d}`);
        const j = compareParseJson(cls, c.input);
        if (j) failures.push(`case ${c.id} as ${cls.name}: parseJson vs safeParse: ${j}`);
      }
    }
    expect(report(failures)).toEqual([]);
  });

  it(`on ${RUNS} seeded mutations of corpus inputs (seed ${SEED})`, () => {
    const draws = fc.sample(mutationArb(cases.length), { seed: SEED, numRuns: RUNS });
    const failures: string[] = [];
    let accepted = 0;
    for (const m of draws) {
      const c = cases[m.caseIndex];
      const classes = classesFor(c.model);
      const cls = classes[m.variant % classes.length];
      const { input, description } = applyMutation(c.input, m);
      const d = compareRoutes(cls, input);
      if (d) failures.push(`case ${c.id} as ${cls.name}, ${description}: ${d}`);
      const j = compareParseJson(cls, input);
      if (j) failures.push(`case ${c.id} as ${cls.name}, ${description}: parseJson vs safeParse: ${j}`);
      if (fastRoute(cls, input).ok) accepted++;
    }
    // Guard against a vacuous run: the mutations must produce both outcomes.
    expect(accepted).toBeGreaterThan(RUNS * 0.1);
    expect(accepted).toBeLessThan(RUNS * 0.9);
    expect(report(failures)).toEqual([]);
  });
});
