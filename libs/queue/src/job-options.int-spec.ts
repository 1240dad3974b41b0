import { Queue, Worker } from 'bullmq';
import { deleteRedisKeys, resolveTestSettings, testRedisPrefix } from '@app/testing';
import { JobName, QueueName } from './job-catalogue';
import { jobOptions } from './job-options';
import { createRedisConnection } from './redis-connection';

/** Re-match deduplication as BullMQ really applies it, on a real Redis. */
describe('re-match deduplication', () => {
  const redis = createRedisConnection(resolveTestSettings().redisUrl);
  const prefix = testRedisPrefix();
  const queue = new Queue(QueueName.Matching, { connection: redis, prefix });
  const rematch = (referralId: string) => ({
    name: JobName.RematchReferral,
    data: { referralId },
    opts: jobOptions(JobName.RematchReferral, { referralId }),
  });

  afterAll(async () => {
    await queue.close();
    await deleteRedisKeys(redis, prefix);
    redis.disconnect();
  });

  it('keeps one waiting re-match per referral, however many are asked for', async () => {
    await queue.addBulk([rematch('a'), rematch('a'), rematch('b')]);
    await queue.add(rematch('a').name, rematch('a').data, rematch('a').opts);
    const waiting = await queue.getJobs(['waiting']);
    expect(waiting.map((job) => job.data.referralId).sort()).toEqual(['a', 'b']);
  });

  it('runs once more after the active one when asked again while it runs', async () => {
    await queue.drain();
    const runs: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const workerConnection = createRedisConnection(resolveTestSettings().redisUrl);
    const worker = new Worker(
      QueueName.Matching,
      async (job) => {
        runs.push(job.data.referralId);
        if (runs.length === 1) await gate;
      },
      { connection: workerConnection, prefix, concurrency: 1 },
    );
    try {
      await queue.add(rematch('c').name, rematch('c').data, rematch('c').opts);
      while (runs.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      // While the first runs: three more requests collapse into one further run.
      for (let i = 0; i < 3; i += 1) await queue.add(rematch('c').name, rematch('c').data, rematch('c').opts);
      release();
      const deadline = Date.now() + 10_000;
      while (runs.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(runs).toEqual(['c', 'c']);
    } finally {
      await worker.close();
      workerConnection.disconnect();
    }
  });
});
