/** End to end: referrals matched by the built worker through BullMQ. */
import { Client } from 'pg';
import type { Build } from '../support/build';
import { type AppProcess, startApp } from '../support/child-processes';
import { cpuSnapshot, cpuUsage, postgresBackendPids } from '../support/cpu';
import { sleep, Teardown } from '../support/teardown';
import { settings } from './settings';

export interface EndToEnd {
  referrals: number;
  /** False when BENCH_E2E_TIMEOUT passed first: the figures are over those matched by then. */
  complete: boolean;
  matched: number;
  concurrency: number;
  /** From spawning the worker until every referral is shortlisted or no_match. */
  totalSeconds: number;
  firstMatchedAfter: number;
  matchedAtFirst: number;
  ratePerSecond: number;
  shortlisted: number;
  noMatch: number;
  failed: number;
  cpu: Record<string, number>;
}

export async function runEndToEnd(
  build: Build,
  env: Record<string, string>,
  databaseUrl: string,
  databaseName: string,
  ids: string[],
  logDir: string,
  teardown: Teardown,
): Promise<EndToEnd> {
  const poll = new Client({ connectionString: databaseUrl, application_name: 'bench-poll' });
  await poll.connect();
  teardown.add('close the polling connection', () => poll.end());
  const count = async () => {
    const { rows } = await poll.query<{ done: number; failed: number; shortlisted: number }>({
      name: 'bench-e2e-count',
      text: `SELECT count(*) FILTER (WHERE status IN ('shortlisted', 'no_match'))::int AS done,
                    count(*) FILTER (WHERE status = 'shortlisted')::int AS shortlisted,
                    count(*) FILTER (WHERE status = 'match_failed')::int AS failed
               FROM referrals WHERE id = ANY($1::uuid[])`,
      values: [ids],
    });
    return rows[0];
  };
  let worker: AppProcess | undefined;
  const groups = {
    worker: () => (worker?.child.pid ? [worker.child.pid] : []),
    postgres: () => postgresBackendPids(databaseName),
  };
  const before = cpuSnapshot(groups);
  const started = performance.now();
  worker = startApp('worker', build.apps.worker, env, { logDir });
  teardown.add('stop the worker', () => worker!.stop());
  let firstAt = NaN;
  let atFirst = 0;
  const until = started + settings.e2eTimeout * 1000;
  for (;;) {
    if (!worker.alive()) await worker.exited;
    if (teardown.stopping) return new Promise<EndToEnd>(() => undefined); // the signal handler exits
    const now = performance.now();
    const { done, failed, shortlisted } = await count();
    if (done > 0 && Number.isNaN(firstAt)) {
      firstAt = now;
      atFirst = done;
    }
    const timedOut = now > until;
    if (done + failed >= ids.length || timedOut) {
      const cpu = cpuUsage(before, cpuSnapshot(groups));
      await worker.stop();
      return {
        referrals: ids.length,
        complete: !timedOut,
        matched: done,
        concurrency: settings.concurrency,
        totalSeconds: (now - started) / 1000,
        firstMatchedAfter: (firstAt - started) / 1000,
        matchedAtFirst: atFirst,
        ratePerSecond: now > firstAt ? (done - atFirst) / ((now - firstAt) / 1000) : NaN,
        shortlisted,
        noMatch: done - shortlisted,
        failed,
        cpu,
      };
    }
    await sleep(20);
  }
}
