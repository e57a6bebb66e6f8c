/**
 * The library's pipes and exception filter in real NestJS 10, 11 and 12 apps:
 * 10 and 11 from the fixture folders in test/nest-majors (each with its own
 * lock file, installed here on first use), 12 from the repo's own
 * dependencies. Each app runs in a child process (NestJS 12 is ESM-only).
 */
import { App, MAJORS, prepare, start } from '../helpers/nest-majors';

const PIPES = ['stock', 'validation', 'parse'] as const;

async function post(app: App, body: string): Promise<{ status: number; json: any }> {
  const res = await fetch(`${app.origin}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: res.status, json: await res.json() };
}

const apps = new Map<string, App>();

beforeAll(async () => {
  for (const dir of Object.values(MAJORS)) if (dir) prepare(dir);
  for (const [major, dir] of Object.entries(MAJORS)) {
    for (const pipe of PIPES) apps.set(`${major}/${pipe}`, await start('app.js', [dir, pipe]));
  }
}, 600_000);

afterAll(() => {
  for (const app of apps.values()) app.child.kill();
});

const cases = Object.keys(MAJORS).flatMap((major) => PIPES.map((pipe) => [major, pipe] as const));

describe.each(cases)('NestJS %s with the %s pipe', (major, pipe) => {
  const app = (): App => apps.get(`${major}/${pipe}`)!;

  test('runs on that major, and a valid body arrives as a model with its defaults, answered 200', async () => {
    const { status, json } = await post(app(), JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }], custom: 1 }));
    expect(status).toBe(200);
    expect(json.major.split('.')[0]).toBe(major);
    expect(json.isModel).toBe(true);
    expect(json.body).toMatchObject({ model: 'm', max_tokens: 128, temperature: 0.7, custom: 1 });
  });

  test('a body over the limit is a 413 in the OpenAI error form', async () => {
    const big = JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'x'.repeat(200_000) }] });
    const { status, json } = await post(app(), big);
    expect(status).toBe(413);
    expect(json).toEqual({ error: { message: expect.any(String), type: 'invalid_request_error', param: null, code: null } });
  });

  test('an invalid body is a 400 in the OpenAI error form', async () => {
    const { status, json } = await post(app(), JSON.stringify({ model: 5, messages: [] }));
    expect(status).toBe(400);
    expect(json.error).toMatchObject({ type: 'invalid_request_error', message: expect.stringContaining('model') });
    if (pipe !== 'stock') expect(json.error.param).toBe('model');
  });
});

/** A tool whose JSON Schema has a property named `constructor`, as a code-analysis tool might. */
const CODE_TOOL = {
  type: 'function',
  function: {
    name: 'inspect',
    parameters: { type: 'object', properties: { constructor: { type: 'string' }, toString: { type: 'string' } }, required: ['constructor'] },
  },
};

describe.each(cases)('member-named keys on NestJS %s with the %s pipe', (major, pipe) => {
  const app = (): App => apps.get(`${major}/${pipe}`)!;
  /** NestJS 11 and 12's stock ValidationPipe deletes `constructor`/`prototype`/`__proto__` keys at every depth (stripProtoKeys). */
  const stripped = pipe === 'stock' && major !== '10';

  test('parameters.properties.constructor is accepted and arrives as the pipe gives it', async () => {
    const { status, json } = await post(app(), JSON.stringify({ model: 'm', messages: [], tools: [CODE_TOOL] }));
    expect(status).toBe(200);
    const parameters = json.body.tools[0].function.parameters;
    if (stripped) {
      expect(parameters).toEqual({ type: 'object', properties: { toString: { type: 'string' } }, required: ['constructor'] });
    } else {
      expect(parameters).toEqual(CODE_TOOL.function.parameters);
    }
  });

  test('logit_bias {"valueOf": "x"} is a 400 at logit_bias.valueOf', async () => {
    const { status, json } = await post(app(), JSON.stringify({ model: 'm', messages: [], logit_bias: { valueOf: 'x' } }));
    expect(status).toBe(400);
    if (pipe === 'stock') expect(json.error.message).toMatch(/^logit_bias\.valueOf: /);
    else expect(json.error.param).toBe('logit_bias.valueOf');
  });

  test('a string field holding {"constructor": {"prototype": {}}} is a 400 at that field', async () => {
    const { status, json } = await post(app(), JSON.stringify({ model: { constructor: { prototype: {} } }, messages: [] }));
    expect(status).toBe(400);
    if (pipe === 'stock') expect(json.error.message).toMatch(/^model: /);
    else expect(json.error.param).toBe('model');
  });
});
