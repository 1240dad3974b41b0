import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { ReferralRepository } from '@app/persistence';
import { createRedisConnection, jobOptions } from '@app/queue';
import { JOB_QUEUE, JobName, QueueName } from '@app/jobs';
import {
  buildReferral,
  deleteRedisKeys,
  insertProvider,
  insertSetting,
  insertUser,
  insertVacancy,
  openTestDatabase,
  OpenTestDatabase,
  resolveTestSettings,
  testRedisPrefix,
} from '@app/testing';

const ROUTINE = 3_000;

/**
 * The fast lane under load: thousands of routine matches queued ahead, and emergencies still
 * matched first; a steady stream of emergencies, and routine matching still moving.
 */
describe('emergency fast lane (e2e)', () => {
  let database: OpenTestDatabase;
  let dataSource: DataSource;
  let redis: Redis;
  let prefix: string;
  let worker: INestApplicationContext | undefined;
  let referrals: ReferralRepository;
  let officerId: string;
  const queues: Queue[] = [];

  beforeAll(async () => {
    database = await openTestDatabase();
    dataSource = database.dataSource;
    prefix = testRedisPrefix();
    redis = createRedisConnection(resolveTestSettings().redisUrl);
    referrals = new ReferralRepository(dataSource);
    officerId = (await insertUser(dataSource)).id;
    const provider = await insertProvider(dataSource);
    for (let n = 0; n < 20; n += 1) {
      const setting = await insertSetting(dataSource, provider.id);
      await insertVacancy(dataSource, setting, { emergencyReady: n % 2 === 0, beds: 2 });
    }
  });

  const savedEnv = { ...process.env };

  afterAll(async () => {
    await worker?.close();
    // This file's worker settings must not reach the next test file run in this process.
    for (const key of ['WORKER_CONCURRENCY', 'EMERGENCY_CONCURRENCY']) {
      if (savedEnv[key] === undefined) delete process.env[key];
      else process.env[key] = savedEnv[key];
    }
    for (const queue of queues) await queue.close();
    await deleteRedisKeys(redis, prefix);
    redis.disconnect();
    await database?.close();
  });

  const queue = (name: QueueName) => {
    const created = new Queue(name, { connection: redis, prefix });
    queues.push(created);
    return created;
  };

  /**
   * Referrals stored as intake stores them; their jobs are added to the queues by the test, not the
   * relay, so their outbox rows go (and with them, anything for the sweeper to re-publish).
   */
  async function submit(count: number, urgency: 'planned' | 'emergency'): Promise<string[]> {
    const ids: string[] = [];
    const requiredBy = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
    for (let n = 0; n < count; n += 1) {
      const result = await referrals.submit(buildReferral(officerId, { urgency, requiredBy }));
      if (result.outcome !== 'created') throw new Error(result.outcome);
      ids.push(result.referral.id);
    }
    await dataSource.query(`DELETE FROM outbox WHERE payload->>'referralId' = ANY($1)`, [ids]);
    return ids;
  }

  async function enqueue(ids: string[], job: JobName.MatchReferral | JobName.MatchEmergency): Promise<void> {
    const target = queue(JOB_QUEUE[job]);
    for (let start = 0; start < ids.length; start += 500) {
      await target.addBulk(
        ids.slice(start, start + 500).map((referralId) => ({ name: job, data: { referralId }, opts: jobOptions(job, { referralId }) })),
      );
    }
  }

  const matchedAt = async (ids: string[]): Promise<(Date | null)[]> =>
    (await dataSource.query(`SELECT matched_at FROM referrals WHERE id = ANY($1) ORDER BY matched_at NULLS LAST`, [ids])).map(
      (row: { matched_at: Date | null }) => row.matched_at,
    );

  const countMatched = async (ids: string[]): Promise<number> =>
    (await dataSource.query(`SELECT count(*)::int AS n FROM referrals WHERE id = ANY($1) AND matched_at IS NOT NULL`, [ids]))[0].n;

  it('matches an emergency before the thousands of routine referrals queued ahead of it, and routine work keeps moving through a stream of emergencies', async () => {
    const routine = await submit(ROUTINE, 'planned');
    await enqueue(routine, JobName.MatchReferral);
    const [first] = await submit(1, 'emergency');
    await enqueue([first], JobName.MatchEmergency);
    // Rows for the stream below, stored now so that only the matching is timed.
    const stream = await submit(30, 'emergency');

    Object.assign(process.env, {
      DATABASE_URL: database.url,
      REDIS_URL: resolveTestSettings().redisUrl,
      JWT_SECRET: 'fast-lane-secret-fast-lane-secret-0123',
      QUEUE_PREFIX: prefix,
      LOG_LEVEL: 'silent',
      WORKER_CONCURRENCY: '2',
      EMERGENCY_CONCURRENCY: '1',
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { WorkerModule } = require('../src/worker.module');
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    worker = await moduleRef.init();

    const deadline = Date.now() + 30_000;
    while ((await countMatched([first])) === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const [emergencyAt] = await matchedAt([first]);
    expect(emergencyAt).not.toBeNull();
    const routineBefore = (await matchedAt(routine)).filter((at) => at !== null && at <= emergencyAt!).length;
    // Queued behind 3,000 routine jobs, it waited for at most a handful that were already running.
    expect(routineBefore).toBeLessThan(50);

    // A steady stream of emergencies, one every 50 ms: each is matched, and routine work goes on.
    const routineAtStart = await countMatched(routine);
    for (const id of stream) {
      await enqueue([id], JobName.MatchEmergency);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const streamDeadline = Date.now() + 20_000;
    while ((await countMatched(stream)) < stream.length && Date.now() < streamDeadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await countMatched(stream)).toBe(stream.length);
    expect(await countMatched(routine)).toBeGreaterThan(routineAtStart + 20);
  }, 120_000);
});
