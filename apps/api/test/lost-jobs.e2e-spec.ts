import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { OutboxRepository } from '@app/persistence';
import { createRedisConnection, jobOptions, LostJobSweeper, OutboxRelay, ROLLUP_SCHEDULE, SNAPSHOT_SCHEDULE, SWEEP_SCHEDULE } from '@app/queue';
import { JobName, QueueName } from '@app/jobs';
import { startRedisServer, until } from '@app/testing';
import type { RedisServer } from '@app/testing';
import { bearer, createOrganisations, openVacancy, Organisations, referralBody, startTestApi, TestApi, todayInEngland } from './support/test-api';
import { startTestWorker } from './support/test-worker';

/** Referrals in flight when the test empties Redis; every tenth an emergency, on the fast lane. */
const IN_FLIGHT = Number(process.env.LOST_JOBS_REFERRALS ?? 300);
const ENDED = ['shortlisted', 'no_match'];

/**
 * Redis losing its data (FLUSHALL here; a restart without persistence or a failover is the same)
 * after the outbox has marked the referrals' jobs sent: the sweeper finds every referral whose job
 * is gone and publishes it again, and the job schedulers come back, with no one restarting anything.
 */
describe('jobs Redis lost (e2e)', () => {
  let redis: RedisServer;
  let api: TestApi;
  let orgs: Organisations;
  let worker: INestApplicationContext | undefined;
  let connection: Redis;
  const queues = new Map<QueueName, Queue>();

  beforeAll(async () => {
    redis = await startRedisServer();
    api = await startTestApi({ REDIS_URL: redis.url, SWEEP_INTERVAL_MS: '500', WORKER_CONCURRENCY: '4' });
    orgs = await createOrganisations(api);
    await openVacancy(api, orgs.providerA);
    await openVacancy(api, orgs.providerA, { vacancy: { emergencyReady: true } });
    connection = createRedisConnection(redis.url, { enableOfflineQueue: false });
    for (const name of Object.values(QueueName)) queues.set(name, new Queue(name, { connection, prefix: api.queuePrefix }));
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    for (const queue of queues.values()) await queue.close();
    connection?.disconnect();
    await api?.close();
    await redis?.stop();
  });

  const statuses = async (ids: string[]): Promise<Record<string, number>> => {
    const rows: { status: string; n: number }[] = await api.dataSource.query(
      `SELECT status, count(*)::int AS n FROM referrals WHERE id = ANY($1::uuid[]) GROUP BY status`,
      [ids],
    );
    return Object.fromEntries(rows.map((row) => [row.status, row.n]));
  };

  async function submit(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let start = 0; start < count; start += 20) {
      const batch = Array.from({ length: Math.min(20, count - start) }, (_, i) => start + i);
      const answers = await Promise.all(
        batch.map((n) =>
          api
            .http()
            .post('/api/v1/referrals')
            .set(bearer(orgs.ealing))
            .set('Idempotency-Key', crypto.randomUUID())
            .send(referralBody(n % 10 === 0 ? { urgency: 'emergency', requiredBy: todayInEngland() } : {}))
            .expect(202),
        ),
      );
      ids.push(...answers.map((answer) => answer.body.id));
    }
    return ids;
  }

  const firstMatchJobs = async () => {
    const jobs = await Promise.all([QueueName.Matching, QueueName.Emergency].map((name) => queues.get(name)!.getJobs(['prioritized', 'waiting'])));
    return jobs.flat().filter((job) => job.name === JobName.MatchReferral || job.name === JobName.MatchEmergency);
  };

  async function publishAll(): Promise<void> {
    const outbox = new OutboxRepository(api.dataSource);
    const relay = new OutboxRelay(outbox, queues, { databaseUrl: api.databaseUrl });
    while ((await outbox.countUnsent()) > 0) await relay.publishOnce();
  }

  it('publishes each lost job once under its own id, however many sweepers run at once, and leaves jobs Redis kept alone', async () => {
    const ids = await submit(20);
    await publishAll();
    const before = (await firstMatchJobs()).map((job) => job.id).sort();
    expect(before).toHaveLength(20);
    const outbox = new OutboxRepository(api.dataSource);
    // Nothing lost: nothing added.
    expect(await new LostJobSweeper(outbox, queues).sweep()).toMatchObject({ republished: 0, retried: 0 });
    await connection.flushall();
    const results = await Promise.all([1, 2, 3].map(() => new LostJobSweeper(outbox, queues).sweep()));
    expect(results.reduce((sum, result) => sum + result.republished, 0)).toBeGreaterThanOrEqual(20);
    const after = await firstMatchJobs();
    expect(after.map((job) => job.id).sort()).toEqual(before);
    expect(after.map((job) => job.data.referralId).sort()).toEqual([...ids].sort());
  });

  it(`matches all ${IN_FLIGHT} referrals whose jobs a FLUSHALL took after the outbox marked them sent`, async () => {
    const ids = await submit(IN_FLIGHT);
    // The relay publishes every row and marks it sent; no worker runs yet, so the jobs wait in Redis.
    await publishAll();
    const inFlight = new Set(ids);
    expect((await firstMatchJobs()).filter((job) => inFlight.has(job.data.referralId))).toHaveLength(IN_FLIGHT);

    await connection.flushall();
    expect(await firstMatchJobs()).toHaveLength(0);
    expect(await statuses(ids)).toEqual({ submitted: IN_FLIGHT });

    // Recovery: a worker starts (its relay finds nothing to publish: every row says sent) and the
    // sweeper, scheduled every 500 ms, publishes each lost job again under its own id.
    const started = Date.now();
    worker = await startTestWorker();
    const ended = await until(
      'every referral matched',
      () => statuses(ids),
      (counts) => ENDED.reduce((sum, status) => sum + (counts[status] ?? 0), 0) === IN_FLIGHT,
      180_000,
    );
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(`lost jobs: ${IN_FLIGHT} referrals in flight after a FLUSHALL all matched ${seconds.toFixed(1)} s after a worker started (sweep every 500 ms): ${JSON.stringify(ended)}\n`);
    // No first match was published twice: one job per referral, under its outbox row's id.
    const states = ['completed', 'failed', 'active', 'waiting', 'prioritized', 'delayed'] as const;
    const jobs = (await Promise.all([QueueName.Matching, QueueName.Emergency].map((name) => queues.get(name)!.getJobs([...states])))).flat();
    const matchJobs = jobs.filter((job) => job.name === JobName.MatchReferral || job.name === JobName.MatchEmergency);
    expect(new Set(matchJobs.map((job) => job.data.referralId)).size).toBe(matchJobs.length);
    expect(matchJobs.every((job) => job.id?.startsWith('outbox-'))).toBe(true);
    // The two vacancy changes published before the FLUSHALL were lost too, and are back under their ids.
    const changes: { id: string }[] = await api.dataSource.query(`SELECT 'outbox-' || id AS id FROM outbox WHERE job_name = $1 ORDER BY id`, [
      JobName.VacanciesChanged,
    ]);
    await until(
      'the vacancy changes published again',
      async () => Promise.all(changes.map(({ id }) => queues.get(QueueName.Matching)!.getJobState(id))),
      (states) => states.length === 2 && states.every((state) => state !== 'unknown'),
    );
  }, 300_000);

  it('puts the job schedulers back after Redis lost them, while the worker runs', async () => {
    await connection.flushall();
    const matching = queues.get(QueueName.Matching)!;
    await until(
      'the schedulers',
      async () => Promise.all([SWEEP_SCHEDULE.id, SNAPSHOT_SCHEDULE.id, ROLLUP_SCHEDULE.id].map((id) => matching.getJobScheduler(id))),
      (schedulers) => schedulers.every((scheduler) => scheduler !== undefined),
    );
    // A referral submitted now, its job then lost, is matched by the recreated sweeper.
    const [id] = await submit(1);
    await until('published', () => api.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL`), ([row]) => row.n === 0);
    await until('matched', () => statuses([id]), (counts) => ENDED.some((status) => counts[status] === 1));
  });

  it('retries a referral whose matching ran out of retries, once its backoff has passed', async () => {
    const [id] = await submit(1);
    await until('matched', () => statuses([id]), (counts) => ENDED.some((status) => counts[status] === 1));
    // Its job completed; say every attempt had failed.
    await api.dataSource.query(`UPDATE referrals SET status = 'match_failed', match_error = 'QueryFailedError', updated_at = now() WHERE id = $1`, [id]);
    const outbox = new OutboxRepository(api.dataSource);
    // Not before the backoff (10 minutes since its last try by default).
    const result = await new LostJobSweeper(outbox, queues).sweep();
    expect(result.retried).toBe(0);
    expect(await statuses([id])).toEqual({ match_failed: 1 });
    await api.dataSource.query(`UPDATE referrals SET updated_at = now() - interval '11 minutes' WHERE id = $1`, [id]);
    const later = await new LostJobSweeper(outbox, queues, { retryFailedAfterMs: 0 }).sweep();
    expect(later.retried).toBe(1);
    await until('matched again', () => statuses([id]), (counts) => ENDED.some((status) => counts[status] === 1));
  });

  it('retries a failing match with its capped backoff instead of failing it at once', async () => {
    const matching = queues.get(QueueName.Matching)!;
    // Not a referral id Postgres can read: every attempt fails.
    const job = await matching.add(JobName.MatchReferral, { referralId: 'not-a-uuid' }, jobOptions(JobName.MatchReferral, { referralId: 'x' }));
    const state = await until('the first retry to wait', () => matching.getJobState(job.id!), (s) => s === 'delayed' || s === 'failed');
    expect(state).toBe('delayed');
    expect((await matching.getJob(job.id!))?.attemptsMade).toBe(1);
    await job.remove();
  });
});
