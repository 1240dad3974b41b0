import { Queue, Worker } from 'bullmq';
import { deleteRedisKeys, resolveTestSettings, testRedisPrefix } from '@app/testing';
import { JobName, QueueName } from '@app/jobs';
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
    const waiting = await queue.getJobs(['waiting', 'prioritized']);
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

/** The routine queue's order as BullMQ applies it: vacancy changes, then first matches, then re-matches. */
describe('routine queue order', () => {
  const redis = createRedisConnection(resolveTestSettings().redisUrl);
  const prefix = testRedisPrefix();
  const queue = new Queue(QueueName.Matching, { connection: redis, prefix });

  afterAll(async () => {
    await queue.close();
    await deleteRedisKeys(redis, prefix);
    redis.disconnect();
  });

  it('runs a vacancy change ahead of queued re-matches and first matches, and first matches ahead of re-matches', async () => {
    const add = async <J extends JobName.MatchReferral | JobName.RematchReferral>(name: J, referralId: string) =>
      queue.add(name, { referralId }, jobOptions(name, { referralId }));
    for (let n = 0; n < 3; n += 1) await add(JobName.RematchReferral, `r${n}`);
    for (let n = 0; n < 3; n += 1) await add(JobName.MatchReferral, `m${n}`);
    await queue.add(JobName.VacanciesChanged, { vacancyIds: ['v'] }, jobOptions(JobName.VacanciesChanged, { vacancyIds: ['v'] }));
    const order: string[] = [];
    const workerConnection = createRedisConnection(resolveTestSettings().redisUrl);
    const worker = new Worker(QueueName.Matching, async (job) => void order.push(job.data.referralId ?? 'vacancies'), {
      connection: workerConnection,
      prefix,
      concurrency: 1,
    });
    try {
      const deadline = Date.now() + 10_000;
      while (order.length < 7 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(order).toEqual(['vacancies', 'm0', 'm1', 'm2', 'r0', 'r1', 'r2']);
    } finally {
      await worker.close();
      workerConnection.disconnect();
    }
  });
});
