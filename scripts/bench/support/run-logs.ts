/** Where the apps of one run write their logs, kept when the run fails. */
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Teardown } from './teardown';

/** A scratch directory for one run's logs, under the OS temp directory. */
export function runDirectory(id: string): string {
  const dir = join(tmpdir(), `pm-bench-${id}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A directory for the apps' logs, removed at teardown unless the run failed or BENCH_KEEP_LOGS=1. */
export function logDirectory(id: string, teardown: Teardown, log: (line: string) => void): { dir: string; succeeded(): void } {
  const dir = runDirectory(id);
  let ok = false;
  teardown.add('logs', async () => {
    if (ok && process.env.BENCH_KEEP_LOGS !== '1') removeDirectory(dir);
    else log(`logs kept in ${dir}`);
  });
  return {
    dir,
    succeeded: () => {
      ok = true;
    },
  };
}

export function removeDirectory(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
