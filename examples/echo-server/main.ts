/**
 * `npm start`: the echo server on HOST (default 127.0.0.1) and PORT (default 8000).
 * Point any OpenAI client at http://HOST:PORT/v1 with model "echo".
 * `PLATFORM=fastify npm start` runs it on Fastify instead of Express.
 */
import { Logger } from '@nestjs/common';
import type { AddressInfo } from 'net';
import { createEchoApp, platformFromEnv } from './app';

async function main(): Promise<void> {
  const host = process.env.HOST || '127.0.0.1';
  const port = Number(process.env.PORT || 8000);
  const platform = platformFromEnv();
  const app = await createEchoApp({ platform, pipe: process.env.ECHO_PIPE === 'parse' ? 'parse' : 'validate' });
  app.enableShutdownHooks();
  await app.listen(port, host);
  const address = app.getHttpServer().address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  new Logger('EchoServer').log(`Listening on http://${shown}:${address.port}/v1 (model "echo", ${platform})`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
