/**
 * The echo server's API docs: `GET /openapi.json` is the documented OpenAPI
 * 3.1 document, and `GET /docs` renders it with Swagger UI in headless
 * Chromium (the system's, or the one @sparticuz/chromium ships), every file from the server itself.
 */
import { validate, compileErrors } from '@readme/openapi-parser';
import type { Browser, Page } from 'playwright-core';
import { buildOpenApiDocument } from '../../src/nest/openapi';
import { echoOpenApiDocument } from '../../examples/echo-server/docs';
import { PLATFORMS, startEchoServer } from './server';
import type { EchoServer } from './server';
import { launchChromium } from './browser';

const SCREENSHOT = '/tmp/docs.png';

let server: EchoServer | undefined;

describe.each(PLATFORMS)('on %s', (platform) => {
  beforeAll(async () => {
    server = await startEchoServer({ platform });
  }, 90_000);

  afterAll(async () => {
    await server?.close();
  });

  async function getJson(route: string, method = 'GET') {
    const res = await fetch(`${server!.origin}${route}`, { method });
    return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as any };
  }

  describe('GET /openapi.json', () => {
    test('is the echo server document: the library one from the same schemas, with the server title', async () => {
      const { status, type, body } = await getJson('/openapi.json');
      expect(status).toBe(200);
      expect(type).toBe('application/json; charset=utf-8');
      expect(body).toEqual(echoOpenApiDocument());
      expect(body.info.title).toBe('Echo server (oai-protocols)');
      const library = buildOpenApiDocument() as Record<string, any>;
      expect({ ...body, info: library.info }).toEqual(library);
    });

    test('passes @readme/openapi-parser validation', async () => {
      const { body } = await getJson('/openapi.json');
      const result = await validate(body);
      expect(result.valid ? 'valid' : compileErrors(result)).toBe('valid');
    });
  });

  describe('routes next to the docs', () => {
    test.each([
      ['GET', '/docs/index.html'], // a swagger-ui-dist file the page does not use (it would load the Petstore)
      ['GET', '/docs/nope'],
      ['POST', '/openapi.json'],
      ['POST', '/docs'],
    ])('%s %s is a 404 in the OpenAI error form', async (method, route) => {
      const { status, type, body } = await getJson(route, method);
      expect([status, type]).toEqual([404, 'application/json; charset=utf-8']);
      expect(body).toEqual({ error: { message: `Cannot ${method} ${route}`, type: 'invalid_request_error', param: null, code: null } });
    });
  });

  describe('GET /docs in headless Chromium', () => {
    let browser: Browser | undefined;
    let page: Page;
    /** Requests the page made to anything but the echo server (aborted). */
    const outside: string[] = [];
    /** Script errors and console errors (a CSP violation is one). */
    const errors: string[] = [];

    beforeAll(async () => {
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(`${server!.origin}/`) || url.startsWith('data:')) return route.continue();
        outside.push(url);
        return route.abort();
      });
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
      });
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
    });

    test('renders the chat completions operation, with every file from the server', async () => {
      const res = await page.goto(`${server!.origin}/docs`);
      expect(res?.status()).toBe(200);

      const chat = page.locator('.opblock', { has: page.locator('.opblock-summary-path[data-path="/v1/chat/completions"]') });
      await chat.waitFor({ state: 'visible', timeout: 10_000 });
      expect(await chat.locator('.opblock-summary-method').innerText()).toBe('POST');
      expect(await chat.locator('.opblock-summary-path').innerText()).toBe('/v1/chat/completions');
      expect(await page.locator('.info .title').innerText()).toContain('Echo server (oai-protocols)');
      const paths = await page.locator('.opblock-summary-path').evaluateAll((els) => els.map((e) => e.getAttribute('data-path')));
      expect(paths.sort()).toEqual(['/v1/chat/completions', '/v1/completions', '/v1/count_tokens', '/v1/models']);

      // Opened, the operation shows the request body built from ChatCompletionRequest's schema (its max_tokens default).
      await chat.locator('.opblock-summary-control').click();
      const body = chat.locator('.opblock-section-request-body');
      await body.waitFor({ state: 'visible', timeout: 5_000 });
      const text = await body.innerText();
      expect(text).toContain('A ChatCompletionRequest; unknown keys are kept and passed on.');
      expect(text).toMatch(/"max_tokens": 128,/);
      await page.screenshot({ path: SCREENSHOT });

      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
    }, 20_000);
  });
});
