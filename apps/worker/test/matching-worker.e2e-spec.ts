import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { ReferralRepository } from '@app/persistence';
import { jobOptions } from '@app/queue';
import { JobName, QueueName } from '@app/jobs';
import {
  buildReferral,
  deleteRedisKeys,
  insertProvider,
  insertSetting,
  insertUser,
  insertVacancy,
  OpenTestDatabase,
  openTestDatabase,
  resolveTestSettings,
  testRedisPrefix,
  until,
} from '@app/testing';

const ROOT = join(__dirname, '../../..');
const JOB_LOCK_MS = 1_500;

/**
 * Worker processes as they run in production (main.ts), on a database and Redis prefix of their
 * own: jobs redelivered, a worker killed in the middle of a job, two workers racing.
 */
describe('matching worker processes (e2e)', () => {
  let database: OpenTestDatabase;
  let redis: Redis;
  let queue: Queue;
  let prefix: string;
  let referrals: ReferralRepository;
  let officerId: string;
  const running = new Set<ChildProcess>();

  beforeAll(async () => {
    database = await openTestDatabase({ poolSize: 4 });
    prefix = testRedisPrefix();
    redis = new Redis(resolveTestSettings().redisUrl, { maxRetriesPerRequest: null });
    queue = new Queue(QueueName.Matching, { connection: redis, prefix });
    referrals = new ReferralRepository(database.dataSource);
    officerId = (await insertUser(database.dataSource)).id;
    const provider = await insertProvider(database.dataSource);
    for (const district of ['UB1', 'W5', 'HA0']) {
      const setting = await insertSetting(database.dataSource, provider.id, { postcodeDistrict: district });
      await insertVacancy(database.dataSource, setting);
    }
  });

  afterEach(() => {
    for (const child of running) child.kill('SIGKILL');
    running.clear();
  });

  afterAll(async () => {
    await queue?.close();
    if (redis) await deleteRedisKeys(redis, prefix);
    redis?.disconnect();
    await database?.close();
  });

  /** A worker process; resolves once it is taking jobs. */
  async function startWorker(): Promise<ChildProcess> {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        REDIS_URL: resolveTestSettings().redisUrl,
        JWT_SECRET: 'worker-e2e-secret-worker-e2e-secret',
        QUEUE_PREFIX: prefix,
        LOG_LEVEL: 'info',
        JOB_LOCK_MS: String(JOB_LOCK_MS),
        WORKER_CONCURRENCY: '2',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`worker did not start:\n${output}`)), 30_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('processing queue matching')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('exit', (code) => reject(new Error(`worker exited with ${code}:\n${output}`)));
    });
    return child;
  }

  async function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill(signal);
    const code = await exited;
    running.delete(child);
    return code;
  }

  async function submit(): Promise<string> {
    const result = await referrals.submit(buildReferral(officerId));
    if (result.outcome === 'key_reused') throw new Error('unexpected');
    return result.referral.id;
  }

  const statusOf = async (id: string) =>
    (await database.dataSource.query(`SELECT status, matched_at FROM referrals WHERE id = $1`, [id]))[0];
  const shortlistRows = async (id: string) =>
    (await database.dataSource.query(`SELECT count(*)::int AS n FROM referral_matches WHERE referral_id = $1`, [id]))[0].n;

  it('matches a referral from the outbox, and a redelivered job changes nothing', async () => {
    const worker = await startWorker();
    const id = await submit();
    const first = await until('shortlist', () => statusOf(id), (row) => row.status === 'shortlisted');
    expect(await shortlistRows(id)).toBe(3);
    // The same job delivered again, as BullMQ may after a lost acknowledgement.
    const again = await queue.add(JobName.MatchReferral, { referralId: id }, jobOptions(JobName.MatchReferral, { referralId: id }));
    await until('redelivered job', async () => (await again.getState()) as string, (state) => state === 'completed');
    expect((await queue.getJob(again.id!))?.returnvalue).toEqual({ outcome: 'not_claimable' });
    expect(await statusOf(id)).toEqual(first);
    expect(await shortlistRows(id)).toBe(3);
    expect(await stop(worker, 'SIGTERM')).toBe(0);
  }, 60_000);

  it('hands a job whose worker was killed mid-job to another worker once the lock lapses: one shortlist', async () => {
    const id = await submit();
    // Hold the referral's row so the first worker's claim waits: it is then mid-job, lock held.
    const blocker = new Client({ connectionString: database.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('SELECT 1 FROM referrals WHERE id = $1 FOR UPDATE', [id]);
    const doomed = await startWorker();
    await until('the job to be active', () => queue.getActiveCount(), (n) => n === 1);
    await stop(doomed, 'SIGKILL');
    await blocker.query('ROLLBACK');
    await blocker.end();
    expect((await statusOf(id)).status).toBe('submitted');

    const rescuer = await startWorker();
    await until('shortlist', () => statusOf(id), (row) => row.status === 'shortlisted', JOB_LOCK_MS * 10);
    expect(await shortlistRows(id)).toBe(3);
    // The shortlist commits before the worker reports the job done to Redis: wait for that too.
    await until(
      'the job to complete',
      () => queue.getJobs(['completed']).then((jobs) => jobs.filter((j) => j.data.referralId === id).length),
      (n) => n === 1,
    );
    expect(await queue.getFailedCount()).toBe(0);
    await stop(rescuer, 'SIGTERM');
  }, 90_000);

  it('on SIGTERM finishes the job it is running, then exits 0', async () => {
    const id = await submit();
    const blocker = new Client({ connectionString: database.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('SELECT 1 FROM referrals WHERE id = $1 FOR UPDATE', [id]);
    const worker = await startWorker();
    await until('the job to be active', () => queue.getActiveCount(), (n) => n === 1);
    const exited = new Promise<number | null>((resolve) => worker.once('exit', (code) => resolve(code)));
    worker.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await blocker.query('ROLLBACK');
    await blocker.end();
    expect(await exited).toBe(0);
    running.delete(worker);
    expect((await statusOf(id)).status).toBe('shortlisted');
    expect(await queue.getActiveCount()).toBe(0);
  }, 60_000);

  it('lets two workers race for the same referrals: each is matched once', async () => {
    const ids = await Promise.all(Array.from({ length: 20 }, () => submit()));
    // Each referral's job twice more, under other ids, so both workers get some of every kind.
    await queue.addBulk(
      ids.flatMap((referralId) =>
        [1, 2].map(() => ({ name: JobName.MatchReferral, data: { referralId }, opts: jobOptions(JobName.MatchReferral, { referralId }) })),
      ),
    );
    const [a, b] = await Promise.all([startWorker(), startWorker()]);
    await until(
      'all referrals shortlisted',
      async () => (await database.dataSource.query(`SELECT count(*)::int AS n FROM referrals WHERE id = ANY($1) AND status = 'shortlisted'`, [ids]))[0].n,
      (n) => n === ids.length,
    );
    // Drained: nothing waiting (prioritised or not), running or delayed, but the nightly snapshot's next run.
    await until(
      'the queue to drain',
      async () => {
        const { wait, prioritized, active } = await queue.getJobCounts('wait', 'prioritized', 'active');
        return { wait, prioritized, active, delayed: (await queue.getDelayed()).filter((job) => !job.repeatJobKey).length };
      },
      (c) => c.wait + c.prioritized + c.active + c.delayed === 0,
    );
    const [{ n }] = await database.dataSource.query(
      `SELECT count(*)::int AS n FROM referral_matches WHERE referral_id = ANY($1)`,
      [ids],
    );
    expect(n).toBe(ids.length * 3);
    expect(await queue.getFailedCount()).toBe(0);
    const completed = await queue.getJobs(['completed']);
    const matchedRuns = completed.filter((job) => ids.includes(job.data.referralId) && job.returnvalue?.outcome === 'matched');
    expect(matchedRuns).toHaveLength(ids.length);
    expect(await Promise.all([stop(a, 'SIGTERM'), stop(b, 'SIGTERM')])).toEqual([0, 0]);
  }, 90_000);
});
