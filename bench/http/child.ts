/**
 * The child-process side of the HTTP bench's servers (see servers.ts): listens
 * on 127.0.0.1 at an ephemeral port, prints `LISTENING <port>` for the parent,
 * and closes when the parent says so (SIGTERM, stdin ending — which also
 * happens when the parent dies) or when its own lifetime runs out.
 */

/** Longest a bench server lives, whatever the parent does (`BENCH_HTTP_SERVER_LIFE_MS`, default 15 min). */
const LIFE_MS = Number(process.env.BENCH_HTTP_SERVER_LIFE_MS || 15 * 60_000);

/** Starts a server with `listen` (which resolves to its port) and arranges its closing with `close`. */
export function serveForParent(listen: () => Promise<number>, close: () => Promise<void>): void {
  let closing = false;
  const stop = (code: number): void => {
    if (closing) return;
    closing = true;
    // A close that hangs (a client holding a socket open) must not keep the process alive.
    setTimeout(() => process.exit(code), 2_000).unref();
    close().then(
      () => process.exit(code),
      () => process.exit(1),
    );
  };
  listen().then(
    (port) => {
      process.on('SIGTERM', () => stop(0));
      process.stdin.on('end', () => stop(0));
      process.stdin.resume();
      setTimeout(() => {
        console.error(`bench server: lifetime of ${LIFE_MS} ms over, exiting`);
        stop(2);
      }, LIFE_MS).unref();
      process.stdout.write(`LISTENING ${port}\n`);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
