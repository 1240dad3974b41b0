import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { QueueName } from '@app/jobs';
import { until } from '@app/testing';

/**
 * The worker in this process, on the database and Redis prefix startTestApi set up (it reads the
 * same environment), so a test can follow a referral from HTTP through matching and back.
 */
export async function startTestWorker(): Promise<INestApplicationContext> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { WorkerModule } = require('../../../worker/src/worker.module');
  const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
  await moduleRef.init();
  return moduleRef;
}

/** Matching jobs waiting, running, or delayed for a retry, on both lanes. */
async function matchingLanesBusy(worker: INestApplicationContext): Promise<number> {
  let busy = 0;
  for (const name of [QueueName.Matching, QueueName.Emergency]) {
    const queue = worker.get<Queue>(getQueueToken(name));
    const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
    // Delayed: a match waiting to be retried counts; the nightly snapshot and the rollup rebuild do not.
    const retrying = (await queue.getJobs(['delayed'])).filter((job) => /match/.test(job.name));
    busy += counts.waiting + counts.active + counts.prioritized + retrying.length;
  }
  return busy;
}

/**
 * Nothing left to match: the outbox published and both matching lanes idle. A vacancy made by one
 * test re-matches the open referrals it could serve in the background; a test that needs a
 * referral's matching to stand still (to count alerts, or to change a vacancy under an offer
 * before any re-match sees it) waits for those re-matches to finish first.
 */
export function matchingQuiet(api: { dataSource: DataSource }, worker: INestApplicationContext): Promise<number> {
  return until(
    'the outbox and the matching lanes to be idle',
    async () => {
      // The lanes read on both sides of the outbox: a row published between the two reads is a job by the second.
      const before = await matchingLanesBusy(worker);
      const [{ unsent }] = await api.dataSource.query(`SELECT count(*)::int AS unsent FROM outbox WHERE sent_at IS NULL`);
      return before + unsent + (await matchingLanesBusy(worker));
    },
    (busy: number) => busy === 0,
  );
}
