import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { OutboxRepository } from '@app/persistence';
import { createRedisConnection, OutboxRelay } from '@app/queue';
import { outboxJobId, QueueName } from '@app/jobs';
import { startRedisServer } from '@app/testing';
import type { RedisServer } from '@app/testing';
import { ADMIN, bearer, createOrganisations, Organisations, referralBody, startTestApi, TestApi } from './support/test-api';

/** The api on a redis-server of the test's own, which the test takes away and brings back. */
describe('referral intake while Redis is down (e2e)', () => {
  let redis: RedisServer;
  let api: TestApi;
  let orgs: Organisations;

  beforeAll(async () => {
    redis = await startRedisServer();
    api = await startTestApi({ REDIS_URL: redis.url });
    orgs = await createOrganisations(api);
  });
  afterAll(async () => {
    await redis.start();
    await api.close();
    await redis.stop();
  });

  it('still takes referrals (202), reports itself unhealthy, and queues each referral once Redis is back', async () => {
    await redis.stop();

    const health = await api.http().get('/health').expect(503);
    expect(health.body).toMatchObject({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'Unhealthy: redis, queues down',
      checks: { database: { status: 'up' }, redis: { status: 'down' } },
    });

    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const response = await api
        .http()
        .post('/api/v1/referrals')
        .set(bearer(orgs.ealing))
        .set('Idempotency-Key', randomUUID())
        .send(referralBody())
        .expect(202);
      ids.push(response.body.id);
    }

    await redis.start();
    const connection = createRedisConnection(redis.url, { enableOfflineQueue: false });
    const queue = new Queue(QueueName.Matching, { connection, prefix: api.queuePrefix });
    const relay = new OutboxRelay(new OutboxRepository(api.dataSource), new Map([[QueueName.Matching, queue]]), {
      databaseUrl: api.databaseUrl,
      pollIntervalMs: 50,
    });
    try {
      await new Promise<void>((resolve) => (connection.status === 'ready' ? resolve() : connection.once('ready', () => resolve())));
      relay.start();
      const deadline = Date.now() + 10_000;
      // Match jobs wait prioritised (first matches ahead of re-matches).
      while ((await queue.getJobCounts('prioritized')).prioritized < ids.length && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const jobs = await queue.getJobs(['prioritized']);
      expect(jobs.map((job) => job.data.referralId).sort()).toEqual([...ids].sort());
      const rows: { id: string }[] = await api.dataSource.query(`SELECT id::text FROM outbox ORDER BY id`);
      expect(jobs.map((job) => job.id).sort()).toEqual(rows.map((row) => outboxJobId(row.id)).sort());
      // The api's own connection reconnects with backoff; it reports healthy again once it has.
      let status = 0;
      for (const stop = Date.now() + 10_000; status !== 200 && Date.now() < stop; ) {
        status = (await api.http().get('/health')).status;
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(status).toBe(200);
      // The backlog shows on the health report, prioritised jobs included.
      expect((await api.http().get('/health')).body.info.queues.matching.waiting).toBe(ids.length);
    } finally {
      await relay.stop();
      await queue.close();
      connection.disconnect();
    }
  });

  it('lets sign-in through while Redis, which holds the login counts, is down', async () => {
    await redis.stop();
    try {
      const started = Date.now();
      await api.http().post('/api/v1/auth/login').send(ADMIN).expect(200);
      await api.http().post('/api/v1/auth/login').send({ ...ADMIN, password: 'guess' }).expect(401);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await redis.start();
    }
  });
});
