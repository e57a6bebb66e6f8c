/**
 * A bench server: the demo echo app (examples/echo-server) with the pipe named
 * by `ECHO_PIPE` — `stock` (NestJS's `ValidationPipe({ transform: true })`),
 * `validate` (`OpenAIValidationPipe`) or `parse` (`OpenAIParsePipe`). Logs
 * errors only; no spy controller, so nothing but the app runs per request.
 */
import type { Server } from 'http';
import type { AddressInfo } from 'net';
import { createEchoApp } from '../../examples/echo-server/app';
import { serveForParent } from './child';

const PIPES = ['stock', 'validate', 'parse'] as const;
const pipe = PIPES.find((p) => p === process.env.ECHO_PIPE);
if (!pipe) throw new Error(`ECHO_PIPE must be one of ${PIPES.join(', ')}, not ${JSON.stringify(process.env.ECHO_PIPE)}`);

let close: () => Promise<void> = async () => undefined;
serveForParent(
  async () => {
    const app = await createEchoApp({ pipe, logger: ['error'] });
    close = () => app.close();
    await app.listen(0, '127.0.0.1');
    return ((app.getHttpServer() as Server).address() as AddressInfo).port;
  },
  () => close(),
);
