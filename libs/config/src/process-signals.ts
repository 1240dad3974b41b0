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
