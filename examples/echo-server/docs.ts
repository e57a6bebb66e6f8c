/**
 * The echo server's API docs: `GET /openapi.json`, the OpenAPI 3.1 document
 * built from the models' schemas, and `GET /docs`, a Swagger UI page whose
 * files come from the installed `swagger-ui-dist` package (no CDN).
 */
import * as fs from 'fs';
import type { ServerResponse } from 'http';
import * as path from 'path';
import type { INestApplication } from '@nestjs/common';
// The submodule, not '../../src/nest', so tests can import this file without loading NestJS.
import { buildOpenApiDocument } from '../../src/nest/openapi';
import type { OpenApiDocument } from '../../src/nest/openapi';

/** The echo server's OpenAPI document: the library's, with the server's title and description. */
export function echoOpenApiDocument(): OpenApiDocument {
  return buildOpenApiDocument({
    title: 'Echo server (oai-protocols)',
    description: 'OpenAI routes answered by the `echo` model. Point any OpenAI client at `/v1` with model `echo`.',
  });
}

/** The Swagger UI files the page loads, under `/docs/`, with their types. Nothing else of the package is served. */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

/** Starts Swagger UI on the document; a file, not inline, so the page's CSP can forbid inline scripts. */
const INIT_JS = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', validatorUrl: null, deepLinking: true });\n`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Echo server API docs</title>
<link rel="icon" type="image/png" href="/docs/favicon-32x32.png">
<link rel="stylesheet" href="/docs/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body>
</html>
`;

/** Same-origin only, so the page cannot reach any other host (Swagger UI sets inline styles and shows data: images). */
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'";

/** A route's response object: Node's own (Express), or a Fastify reply that wraps it as `raw`. */
export type AnyResponse = ServerResponse | { raw: ServerResponse; hijack(): unknown };

/** The Node response under `res`; a Fastify reply is hijacked first, so Fastify leaves the answer to us. */
export function nodeResponse(res: AnyResponse): ServerResponse {
  if ('raw' in res) {
    res.hijack();
    return res.raw;
  }
  return res;
}

function send(reply: AnyResponse, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  const res = nodeResponse(reply);
  res.statusCode = 200;
  res.setHeader('Content-Type', type);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(body);
}

/**
 * Mounts `GET /openapi.json`, `GET /docs` and the page's files on the app.
 * Express or Fastify alike. Call it before `listen`; other paths, `/docs/…` ones included, still fall
 * through to the app's 404 in the OpenAI error form.
 */
export function serveDocs(app: INestApplication, document: OpenApiDocument = echoOpenApiDocument()): void {
  const dir = path.dirname(require.resolve('swagger-ui-dist/package.json'));
  const files = Object.entries(ASSETS).map(([name, type]) => ({ name, type, body: fs.readFileSync(path.join(dir, name)) }));
  const json = JSON.stringify(document);
  const http = app.getHttpAdapter();
  http.get('/openapi.json', (_req: unknown, res: AnyResponse) => send(res, 'application/json; charset=utf-8', json));
  http.get('/docs', (_req: unknown, res: AnyResponse) =>
    send(res, 'text/html; charset=utf-8', PAGE, { 'Content-Security-Policy': CSP }),
  );
  http.get('/docs/init.js', (_req: unknown, res: AnyResponse) => send(res, 'text/javascript; charset=utf-8', INIT_JS));
  for (const file of files) {
    http.get(`/docs/${file.name}`, (_req: unknown, res: AnyResponse) => send(res, file.type, file.body));
  }
}
