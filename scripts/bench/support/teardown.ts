/**
 * Cleanup steps run once, newest first, each with a time limit, whether the benchmark finishes,
 * fails, is interrupted (SIGINT/SIGTERM) or overruns its deadline. (Child processes still alive
 * at exit are killed as a last resort, whatever happens.)
 */
export class Teardown {
  private readonly steps: { name: string; run: () => Promise<unknown> }[] = [];
  private running: Promise<void> | undefined;
  private interruptHandlers: (() => void)[] = [];

  constructor(private readonly log: (line: string) => void) {
    const onSignal = (signal: NodeJS.Signals) => {
      this.log(`\n${signal}: stopping and cleaning up`);
      for (const handler of this.interruptHandlers) handler();
      void this.run().finally(() => process.exit(130));
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }

  add(name: string, run: () => Promise<unknown>): void {
    this.steps.push({ name, run });
  }

  /** Called on SIGINT/SIGTERM before the steps run (e.g. to stop a load run). */
  onInterrupt(handler: () => void): void {
    this.interruptHandlers.push(handler);
  }

  /** Stops everything after `ms` whatever is happening, and exits non-zero. */
  deadline(ms: number): void {
    const timer = setTimeout(() => {
      this.log(`\nthe benchmark overran its ${Math.round(ms / 1000)}s deadline: stopping and cleaning up`);
      for (const handler of this.interruptHandlers) handler();
      void this.run().finally(() => process.exit(1));
    }, ms);
    timer.unref();
  }

  /** True once cleaning up has begun (the benchmark should stop starting work). */
  get stopping(): boolean {
    return this.running !== undefined;
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (const step of this.steps.splice(0).reverse()) {
        try {
          await withTimeout(step.run(), 20_000, step.name);
        } catch (error) {
          this.log(`cleanup: ${step.name} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    })();
    return this.running;
  }
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000}s`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
