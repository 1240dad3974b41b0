/** Longer than a worker needs to finish a job in hand; shorter than an orchestrator's kill timeout. */
const SHUTDOWN_LIMIT_MS = 25_000;

/** Anything with Nest's close(): an application or an application context. */
interface Closable {
  close(): Promise<void>;
}

/**
 * On SIGTERM or SIGINT: run every shutdown hook (the api stops taking requests, the worker stops
 * its relay and hands back its jobs, connections close), then exit 0. Nest's own
 * enableShutdownHooks re-raises the signal afterwards, which ends the process with 143, and
 * orchestrators read that as a crash.
 */
export function closeOnSignals(app: Closable, onError: (error: unknown) => void = () => undefined): void {
  let closing = false;
  const close = () => {
    if (closing) return;
    closing = true;
    // A hook that hangs must not keep a stopped process alive for ever.
    setTimeout(() => {
      onError(new Error(`shutdown did not finish within ${SHUTDOWN_LIMIT_MS / 1000}s`));
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        onError(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
}
