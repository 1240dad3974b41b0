import { randomUUID } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { JobName } from '@app/jobs';
import { createRedisConnection, JOB_OPTIONS } from '@app/queue';
import { sleep, Teardown } from '../support/teardown';
import { settings } from './settings';

export interface NoopResult {
  jobs: number;
  addSeconds: number;
  processSeconds: number;
  ratePerSecond: number;
}

/** Jobs that do nothing, through the same Redis, job options and concurrency as the worker's. */
export async function runNoop(redisUrl: string, prefix: string, teardown: Teardown): Promise<NoopResult> {
  const queueConnection = createRedisConnection(redisUrl, { connectionName: 'bench-noop-queue' });
  const workerConnection = createRedisConnection(redisUrl, { connectionName: 'bench-noop-worker' });
  const queue = new Queue('noop', { connection: queueConnection, prefix });
  let completed = 0;
  let finished: () => void = () => undefined;
  const allDone = new Promise<void>((resolve) => (finished = resolve));
  const worker = new Worker('noop', async () => undefined, {
    connection: workerConnection,
    prefix,
    concurrency: settings.concurrency,
    autorun: false,
    lockDuration: 30_000,
    stalledInterval: 30_000,
    maxStalledCount: 2,
  });
  worker.on('completed', () => {
    completed += 1;
    if (completed === settings.noopJobs) finished();
  });
  let failure: Error | undefined;
  worker.on('failed', (_job, error) => (failure ??= error));
  worker.on('error', (error) => (failure ??= error));
  const close = async () => {
    await worker.close().catch(() => undefined);
    await queue.close().catch(() => undefined);
    queueConnection.disconnect();
    workerConnection.disconnect();
  };
  teardown.add('close the no-op queue and worker', close);
  try {
    const addStarted = performance.now();
    const options = JOB_OPTIONS[JobName.MatchReferral];
    for (let start = 0; start < settings.noopJobs; start += 1_000) {
      const end = Math.min(settings.noopJobs, start + 1_000);
      await queue.addBulk(
        Array.from({ length: end - start }, (_, k) => ({
          name: 'noop',
          data: { referralId: randomUUID() },
          opts: { ...options, jobId: `noop-${start + k}` },
        })),
      );
    }
    const addSeconds = (performance.now() - addStarted) / 1000;
    const started = performance.now();
    void worker.run();
    const timeout = sleep(settings.e2eTimeout * 1000).then(() => 'timeout' as const);
    if ((await Promise.race([allDone, timeout])) === 'timeout' || teardown.stopping) {
      throw new Error(`only ${completed} of ${settings.noopJobs} no-op jobs completed within ${settings.e2eTimeout}s`);
    }
    const processSeconds = (performance.now() - started) / 1000;
    if (failure) throw failure;
    return { jobs: settings.noopJobs, addSeconds, processSeconds, ratePerSecond: settings.noopJobs / processSeconds };
  } finally {
    await close();
  }
}
