import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { OutboxRepository } from '@app/persistence';
import { JobName, QueueName } from '@app/jobs';
import { createTestDatabase, startRedisServer, TestDatabase } from '@app/testing';
import type { RedisServer } from '@app/testing';

/** The worker as main.ts boots it, on its own database and its own redis-server. */
async function bootWorker(databaseUrl: string, redisUrl: string): Promise<INestApplicationContext> {
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    JWT_SECRET: 'worker-test-secret-worker-test-secret',
    QUEUE_PREFIX: 'worker-test',
    LOG_LEVEL: 'silent',
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { WorkerModule } = require('../src/worker.module');
  const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
  try {
    await moduleRef.init();
  } catch (error) {
    await moduleRef.close();
    throw error;
  }
  return moduleRef;
}

describe('worker start-up (e2e)', () => {
  let database: TestDatabase;
  let redisServer: RedisServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    redisServer = await startRedisServer();
  });
  afterAll(async () => {
    await redisServer.stop();
    await database.drop();
  });

  it('refuses to start when Redis may evict keys', async () => {
    const admin = new Redis(redisServer.url);
    await admin.config('SET', 'maxmemory-policy', 'allkeys-lru');
    try {
      await expect(bootWorker(database.url, redisServer.url)).rejects.toThrow(
        "Redis maxmemory-policy is 'allkeys-lru'; the worker needs 'noeviction'",
      );
    } finally {
      await admin.config('SET', 'maxmemory-policy', 'noeviction');
      admin.disconnect();
    }
  });

  it('starts on a safe Redis, relays the outbox to the matching queue and runs the job', async () => {
    const worker = await bootWorker(database.url, redisServer.url);
    const connection = new Redis(redisServer.url, { maxRetriesPerRequest: null });
    const queue = new Queue(QueueName.Matching, { connection, prefix: 'worker-test' });
    try {
      const outbox = worker.get(OutboxRepository);
      const { DataSource } = await import('typeorm');
      await worker.get(DataSource).transaction((manager) =>
        OutboxRepository.append(manager, JobName.MatchReferral, { referralId: '00000000-0000-4000-8000-000000000001' }),
      );
      const deadline = Date.now() + 10_000;
      while ((await outbox.countUnsent()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(await outbox.countUnsent()).toBe(0);
      // Published under the outbox row's id and run: the referral does not exist, so nothing to do.
      const [job] = (await queue.getJobs(['waiting', 'active', 'completed'])).filter((queued) => queued.name === 'match-referral');
      expect(job.id).toMatch(/^outbox-\d+$/);
      expect(job.data).toEqual({ referralId: '00000000-0000-4000-8000-000000000001' });
      while ((await job.getState()) !== 'completed' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect((await queue.getJob(job.id!))?.returnvalue).toEqual({ outcome: 'not_claimable' });
      // The nightly supply snapshot, the rollup rebuild and the day's turn are scheduled, once each, however many workers start.
      const scheduler = await queue.getJobScheduler('supply-snapshot-daily');
      expect(scheduler).toMatchObject({ name: 'snapshot-supply', pattern: '0 55 23 * * *', tz: 'Europe/London' });
      // Its next run carries the time it is due (snapshotDay reads the day it records from it).
      const [due] = (await queue.getJobs(['delayed'])).filter((queued) => queued.name === 'snapshot-supply');
      expect(due.opts.prevMillis).toBe(scheduler!.next);
      expect(await queue.getJobScheduler('sufficiency-rollup-rebuild')).toMatchObject({ name: 'rebuild-sufficiency', every: 60_000 });
      // The day's turn, just after midnight and hourly to catch a missed one.
      expect(await queue.getJobScheduler('day-turn-daily')).toMatchObject({ name: 'turn-day', pattern: '0 1 0 * * *', tz: 'Europe/London' });
      expect(await queue.getJobScheduler('day-turn-hourly')).toMatchObject({ name: 'turn-day', pattern: '0 17 * * * *', tz: 'Europe/London' });
      expect(await queue.getJobScheduler('lost-job-sweeper')).toMatchObject({ name: 'sweep-lost-jobs' });
      expect(await queue.getJobSchedulersCount()).toBe(5);
    } finally {
      await worker.close();
      await queue.close();
      connection.disconnect();
    }
  });
});
