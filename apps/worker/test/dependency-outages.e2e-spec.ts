import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { ReferralRepository } from '@app/persistence';
import {
  buildReferral,
  insertProvider,
  insertSetting,
  insertUser,
  insertVacancy,
  OpenTestDatabase,
  openTestDatabase,
  startRedisServer,
  startTcpProxy,
  testRedisPrefix,
  until,
} from '@app/testing';
import type { RedisServer, TcpProxy } from '@app/testing';

const ROOT = join(__dirname, '../../..');
/** How long each dependency stays away; `WORKER_OUTAGE_MS=30000` is the production-sized fault. */
const OUTAGE_MS = Number(process.env.WORKER_OUTAGE_MS ?? 4_000);
/** Routine retries double (1, 2, 4 … s): after an outage the next one may be as far off again. */
const RECOVERY_MS = 30_000 + 2 * OUTAGE_MS;
const TEST_MS = 30_000 + OUTAGE_MS + RECOVERY_MS;

/**
 * A worker process as main.ts runs it, reaching Postgres through a proxy the test cuts and
 * restores and Redis on a redis-server of the test's own that it stops and starts empty. No
 * supervisor: the same process must live through both and match every referral acknowledged.
 */
describe('a worker process through Postgres and Redis outages (e2e)', () => {
  let database: OpenTestDatabase;
  let proxy: TcpProxy;
  let redis: RedisServer;
  let referrals: ReferralRepository;
  let officerId: string;
  let worker: ChildProcess;
  let output = '';
  let exited: string | undefined;

  beforeAll(async () => {
    database = await openTestDatabase({ poolSize: 4 });
    const direct = new URL(database.url);
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    redis = await startRedisServer();
    referrals = new ReferralRepository(database.dataSource);
    officerId = (await insertUser(database.dataSource)).id;
    const provider = await insertProvider(database.dataSource);
    for (const district of ['UB1', 'W5', 'HA0']) {
      await insertVacancy(database.dataSource, await insertSetting(database.dataSource, provider.id, { postcodeDistrict: district }));
    }
    worker = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: proxy.rewrite(database.url),
        DATABASE_CONNECT_TIMEOUT_MS: '1000',
        DATABASE_POOL_SIZE: '4',
        REDIS_URL: redis.url,
        JWT_SECRET: 'worker-outage-secret-worker-outage-secret',
        QUEUE_PREFIX: testRedisPrefix(),
        LOG_LEVEL: 'info',
        JOB_LOCK_MS: '2000',
        SWEEP_INTERVAL_MS: '500',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
    worker.stdout!.on('data', keep);
    worker.stderr!.on('data', keep);
    worker.once('exit', (code, signal) => (exited = `worker exited (${signal ?? code})`));
    await until('the worker to take jobs', async () => exited ?? output.includes('outbox relay started'), (ready) => ready !== false, 30_000);
    if (exited) throw new Error(`${exited}:\n${output}`);
  }, 60_000);

  afterAll(async () => {
    if (worker && !exited) {
      const gone = new Promise((resolve) => worker.once('exit', resolve));
      worker.kill('SIGKILL');
      await gone;
    }
    await proxy?.close();
    await redis?.stop();
    await database?.close();
  });

  const submit = async (count: number, urgency: 'planned' | 'emergency' = 'planned'): Promise<string[]> => {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const result = await referrals.submit(buildReferral(officerId, { urgency }));
      if (result.outcome === 'key_reused') throw new Error('an idempotency key was reused');
      ids.push(result.referral.id);
    }
    return ids;
  };
  /** Sessions on the test's database matching `condition` (pg_stat_activity columns). */
  const sessions = (condition: string) => async () =>
    (await database.dataSource.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND ${condition}`))[0]
      .n as number;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  /** Every referral given settled (matched or found no home), the worker process still the same. */
  const allMatched = (ids: string[], ms = RECOVERY_MS) =>
    until(
      'every acknowledged referral to be matched',
      async () => {
        if (exited) throw new Error(`${exited}:\n${output}`);
        const rows: { status: string; n: number }[] = await database.dataSource.query(
          `SELECT status, count(*)::int AS n FROM referrals WHERE id = ANY($1) GROUP BY status ORDER BY status`,
          [ids],
        );
        return rows;
      },
      (rows) => rows.every((row) => row.status === 'shortlisted' || row.status === 'no_match'),
      ms,
    );
  const report = (dependency: string, back: number) =>
    process.stdout.write(`worker outage: ${dependency} away ${OUTAGE_MS / 1000} s; every referral matched ${((Date.now() - back) / 1000).toFixed(1)} s after it was back\n`);
  const expectAlive = () => {
    if (exited) throw new Error(`${exited}:\n${output}`);
    expect(worker.exitCode).toBeNull();
  };

  it('matches before, across and after Postgres going away for a few seconds, in the same process', async () => {
    const before = [...(await submit(3)), ...(await submit(1, 'emergency'))];
    await allMatched(before);
    // One referral's row held, so the worker's match of it waits inside its transaction: the cut
    // then ends a connection the worker has checked out, the case pg-pool leaves to its user. The
    // lock is taken the moment the referral is acknowledged; if the worker claimed it first (it
    // may: it is told at once), that one is simply matched and another is tried.
    const blocker = new Client({ connectionString: database.url });
    blocker.on('error', () => undefined);
    await blocker.connect();
    const held: string[] = [];
    const claimedFirst: string[] = [];
    while (held.length === 0) {
      if (claimedFirst.length >= 10) throw new Error('the worker claimed 10 referrals before they could be held');
      await blocker.query('BEGIN');
      const [id] = await submit(1);
      const { rows } = await blocker.query<{ status: string }>('SELECT status FROM referrals WHERE id = $1 FOR UPDATE', [id]);
      if (rows[0].status === 'submitted') held.push(id);
      else {
        await blocker.query('ROLLBACK');
        claimedFirst.push(id);
      }
    }
    await until('the worker to wait on the held referral', sessions(`wait_event_type = 'Lock'`), (n) => n > 0);
    const inFlight = [...held, ...claimedFirst, ...(await submit(4)), ...(await submit(1, 'emergency'))];
    await proxy.cut();
    await blocker.query('ROLLBACK');
    await blocker.end();
    // Acknowledged while the worker cannot reach Postgres (the api may still, from elsewhere).
    const during = [...(await submit(3)), ...(await submit(1, 'emergency'))];
    await pause(OUTAGE_MS);
    expectAlive();
    await proxy.restore();
    const back = Date.now();
    await allMatched([...before, ...inFlight, ...during]);
    report('Postgres', back);
    expectAlive();
    // The relay's LISTEN connection is back too (until then it polls).
    await until('the outbox relay to LISTEN again', sessions(`application_name = 'outbox-relay'`), (n) => n === 1);
  }, TEST_MS);

  it('matches across Redis stopping and starting again empty, in the same process', async () => {
    const inFlight = [...(await submit(5)), ...(await submit(1, 'emergency'))];
    await redis.stop();
    const during = [...(await submit(3)), ...(await submit(1, 'emergency'))];
    await pause(OUTAGE_MS);
    expectAlive();
    await redis.start();
    const back = Date.now();
    const after = await submit(2);
    await allMatched([...inFlight, ...during, ...after]);
    report('Redis', back);
    expectAlive();
  }, TEST_MS);
});
