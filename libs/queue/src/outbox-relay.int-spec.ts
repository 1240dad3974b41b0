import { randomUUID } from 'node:crypto';
import { AddressInfo, connect, createServer, Socket } from 'node:net';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { OutboxRepository, OutboxSignal, ReferralRepository } from '@app/persistence';
import type { OutboxRow } from '@app/persistence';
import {
  buildReferral,
  deleteRedisKeys,
  insertUser,
  openTestDatabase,
  OpenTestDatabase,
  RedisServer,
  resolveTestSettings,
  startRedisServer,
  testRedisPrefix,
} from '@app/testing';
import { JobName, outboxJobId, QueueName } from '@app/jobs';
import { JOB_OPTIONS } from './job-options';
import { OutboxRelay } from './outbox-relay';
import { createRedisConnection } from './redis-connection';

/**
 * The relay's promise: every committed outbox row becomes exactly one BullMQ job, whatever
 * happens to Redis or to the relay in between. No worker consumes the queue, so every job the
 * relay published is still there to count.
 */
describe('OutboxRelay', () => {
  let database: OpenTestDatabase;
  let outbox: OutboxRepository;
  /** Everything a test opened, closed again in afterEach in reverse order. */
  let cleanups: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    database = await openTestDatabase({ poolSize: 10 });
    outbox = new OutboxRepository(database.dataSource);
  });

  afterEach(async () => {
    // Bounded, and carrying on past a failure, so that one stuck relay fails its own test only.
    const failures: string[] = [];
    for (const cleanup of cleanups.reverse()) {
      await within(cleanup(), 5_000, 'a cleanup step').catch((error: Error) => failures.push(error.message));
    }
    cleanups = [];
    await database.dataSource.query(`TRUNCATE outbox`);
    if (failures.length > 0) throw new Error(`cleanup failed: ${failures.join('; ')}`);
  });

  afterAll(async () => {
    await database?.close();
  });

  // -- helpers -------------------------------------------------------------------------------

  /** A producer's view of Redis: commands fail at once while Redis is unreachable. */
  function connectQueue(redisUrl: string, prefix: string): { queue: Queue; connection: Redis; errors: unknown[] } {
    const connection = createRedisConnection(redisUrl, { enableOfflineQueue: false });
    const errors: unknown[] = [];
    connection.on('error', (error) => errors.push(error));
    const queue = new Queue(QueueName.Matching, { connection, prefix });
    queue.on('error', (error) => errors.push(error));
    cleanups.push(async () => {
      await queue.close().catch(() => undefined);
      connection.disconnect();
    });
    return { queue, connection, errors };
  }

  /** The shared Redis, under a prefix of this test's own that is deleted afterwards. */
  function connectSharedQueue(): { queue: Queue; errors: unknown[] } {
    const prefix = testRedisPrefix();
    const { queue, connection, errors } = connectQueue(resolveTestSettings().redisUrl, prefix);
    cleanups.push(() => deleteRedisKeys(connection, prefix));
    return { queue, errors };
  }

  function newRelay(
    queue: Queue,
    options: { batchSize?: number; pollIntervalMs?: number } = {},
  ): { relay: OutboxRelay; errors: unknown[] } {
    const errors: unknown[] = [];
    const relay = new OutboxRelay(outbox, new Map([[QueueName.Matching, queue]]), {
      databaseUrl: database.url,
      batchSize: options.batchSize ?? 200,
      pollIntervalMs: options.pollIntervalMs ?? 100,
      publishTimeoutMs: 1_000,
      onError: (error) => errors.push(error),
    });
    cleanups.push(() => relay.stop());
    return { relay, errors };
  }

  /** Writes `count` match-referral messages, `perTransaction` to a transaction, as producers do. */
  async function appendMessages(count: number, perTransaction = 10): Promise<string[]> {
    const ids: string[] = [];
    for (let start = 0; start < count; start += perTransaction) {
      const size = Math.min(perTransaction, count - start);
      const written = await database.dataSource.transaction(async (manager) => {
        const batch: string[] = [];
        for (let i = 0; i < size; i += 1) {
          batch.push(
            await OutboxRepository.append(manager, JobName.MatchReferral, { referralId: randomUUID() }),
          );
        }
        return batch;
      });
      ids.push(...written);
      new OutboxSignal(database.dataSource).signal();
    }
    return ids;
  }

  async function outboxRows(): Promise<{ id: string; sent: boolean; attempts: number; lastError: string | null }[]> {
    return database.dataSource.query(
      `SELECT id::text AS id, sent_at IS NOT NULL AS sent, attempts, last_error AS "lastError" FROM outbox ORDER BY id`,
    );
  }

  /** Every job id in the queue, in any state, duplicates included. */
  async function jobIds(queue: Queue): Promise<string[]> {
    const jobs = await queue.getJobs(['wait', 'prioritized', 'delayed', 'active', 'completed', 'failed', 'waiting-children']);
    return jobs.map((job) => String(job.id)).sort();
  }

  const expectedJobIds = (outboxIds: string[]) => outboxIds.map(outboxJobId).sort();

  async function waitUntil(condition: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const allSent = async () => (await outbox.countUnsent()) === 0;

  /** Jobs waiting to run, prioritised or not. */
  const queued = async (queue: Queue): Promise<number> => {
    const counts = await queue.getJobCounts('wait', 'prioritized');
    return counts.wait + counts.prioritized;
  };

  /** The relay's LISTEN session, once it is listening. */
  async function listenerPids(): Promise<number[]> {
    const rows: { pid: number }[] = await database.dataSource.query(
      `SELECT pid FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'outbox-relay' AND query ILIKE 'LISTEN%'`,
    );
    return rows.map((row) => row.pid);
  }

  // -- a: the ordinary path ------------------------------------------------------------------

  it('publishes every stored row as exactly one job named after the row', async () => {
    const user = await insertUser(database.dataSource);
    const referrals = new ReferralRepository(database.dataSource);
    const submitted: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const result = await referrals.submit(buildReferral(user.id));
      if (result.outcome !== 'created') throw new Error(`referral ${i} was ${result.outcome}`);
      submitted.push(result.referral.id);
    }
    // A replayed submission writes no second message.
    const replay = buildReferral(user.id);
    await referrals.submit(replay);
    expect(await referrals.submit(replay)).toMatchObject({ outcome: 'replayed' });
    const direct = await appendMessages(5);

    const { queue } = connectSharedQueue();
    const { relay, errors } = newRelay(queue, { batchSize: 7 });
    relay.start();
    await waitUntil(allSent, 'every outbox row is sent');
    await relay.stop();

    const rows = await outboxRows();
    expect(rows).toHaveLength(26);
    expect(rows.every((row) => row.sent && row.attempts === 1 && row.lastError === null)).toBe(true);
    expect(await jobIds(queue)).toEqual(expectedJobIds(rows.map((row) => row.id)));
    // Match jobs wait prioritised (job-options.ts): first matches ahead of re-matches.
    expect(await queue.getJobCounts('wait', 'prioritized', 'delayed', 'failed')).toEqual({
      wait: 0,
      prioritized: 26,
      delayed: 0,
      failed: 0,
    });

    const stored: { id: string; jobName: string; payload: { referralId: string } }[] = await database.dataSource.query(
      `SELECT id::text AS id, job_name AS "jobName", payload FROM outbox`,
    );
    for (const row of stored) {
      const published = await queue.getJob(outboxJobId(row.id));
      expect({ name: published?.name, data: published?.data }).toEqual({ name: row.jobName, data: row.payload });
      expect(published?.opts).toMatchObject({ attempts: JOB_OPTIONS[JobName.MatchReferral].attempts });
    }
    const referralIds = stored.map((row) => row.payload.referralId);
    expect(referralIds).toEqual(expect.arrayContaining([...submitted, ...direct.map(() => expect.any(String))]));
    expect(errors).toEqual([]);
  });

  it('leaves rows of jobs it does not know for a relay that does, and publishes the rest', async () => {
    const { queue } = connectSharedQueue();
    const { relay, errors } = newRelay(queue);
    const [before] = await appendMessages(1);
    await database.dataSource.transaction((manager) =>
      // Written as such a version would: the catalogue's append cannot name a job it does not know.
      manager.query(`INSERT INTO outbox (queue_name, job_name, payload) VALUES ('matching', 'job-from-a-newer-version', '{}')`),
    );
    const [after] = await appendMessages(1);
    relay.start();
    await waitUntil(async () => (await jobIds(queue)).length === 2, 'the known rows are published');
    expect(await jobIds(queue)).toEqual(expectedJobIds([before, after]));
    // Marked sent by the relay's commit, just after the jobs reach Redis.
    await waitUntil(async () => (await outboxRows()).filter((row) => row.sent).length === 2, 'the published rows are marked sent');
    const rows = await outboxRows();
    expect(rows.filter((row) => !row.sent)).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it("publishes the fast lane's rows first, however many routine rows were written before them", async () => {
    await database.dataSource.query(
      `INSERT INTO outbox (queue_name, job_name, payload)
       SELECT $1, $2, jsonb_build_object('referralId', gen_random_uuid()) FROM generate_series(1, 450)`,
      [QueueName.Matching, JobName.MatchReferral],
    );
    await database.dataSource.query(`INSERT INTO outbox (queue_name, job_name, payload) VALUES ($1, $2, $3)`, [
      QueueName.Emergency,
      JobName.MatchEmergency,
      { referralId: randomUUID() },
    ]);
    const batches: OutboxRow[][] = [];
    await outbox.publishPending(200, Object.values(JobName), async (rows) => void batches.push(rows), [QueueName.Emergency]);
    expect(batches[0]).toHaveLength(200);
    expect(batches[0][0]).toMatchObject({ queueName: QueueName.Emergency, jobName: JobName.MatchEmergency });
    expect(batches[0].slice(1).every((row) => row.queueName === QueueName.Matching)).toBe(true);
    // A relay that serves only the routine queue leaves the emergency row for one that serves it.
    await database.dataSource.query(`UPDATE outbox SET sent_at = NULL`);
    const routineOnly: OutboxRow[] = [];
    await outbox.publishPending(1_000, [JobName.MatchReferral], async (rows) => void routineOnly.push(...rows), [QueueName.Emergency]);
    expect(routineOnly).toHaveLength(450);
  });

  it('is woken by the NOTIFY that follows a commit rather than waiting for the next poll', async () => {
    const { queue } = connectSharedQueue();
    const { relay } = newRelay(queue, { pollIntervalMs: 60_000 });
    relay.start();
    await waitUntil(async () => (await listenerPids()).length === 1, 'the relay is listening');
    // Let the first (empty) poll finish, so that only a notification can start the next one.
    await new Promise((resolve) => setTimeout(resolve, 200));

    const [id] = await appendMessages(1);
    await waitUntil(allSent, 'the notified row is sent', 5_000);
    expect(await jobIds(queue)).toEqual([outboxJobId(id)]);
  });

  it('listens again after its LISTEN connection is cut', async () => {
    const { queue } = connectSharedQueue();
    const { relay } = newRelay(queue, { pollIntervalMs: 60_000 });
    relay.start();
    await waitUntil(async () => (await listenerPids()).length === 1, 'the relay is listening');
    const [first] = await listenerPids();
    await database.dataSource.query(`SELECT pg_terminate_backend($1)`, [first]);
    await waitUntil(async () => {
      const pids = await listenerPids();
      return pids.length === 1 && pids[0] !== first;
    }, 'the relay listens on a new connection');

    const [id] = await appendMessages(1);
    await waitUntil(allSent, 'the row is sent', 5_000);
    expect(await jobIds(queue)).toEqual([outboxJobId(id)]);
  });

  it('leaves no connection behind when stopped while its LISTEN connection is still opening', async () => {
    // Postgres behind a proxy that holds new connections for a moment, so that stop() is certain
    // to be called while the relay's LISTEN connection is still being opened.
    const proxy = await slowPostgresProxy(database.url, 500);
    cleanups.push(() => proxy.close());
    const { queue } = connectSharedQueue();
    const relay = new OutboxRelay(outbox, new Map([[QueueName.Matching, queue]]), {
      databaseUrl: proxy.url,
      pollIntervalMs: 100,
    });
    cleanups.push(() => relay.stop());
    relay.start();
    await within(relay.stop(), 5_000, 'relay.stop() while the LISTEN connection was opening');

    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const sessions: { n: number }[] = await database.dataSource.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'outbox-relay'`,
    );
    expect(sessions[0].n).toBe(0);
  });

  // -- b: Redis goes away --------------------------------------------------------------------

  describe('while Redis is down', () => {
    let redis: RedisServer;

    beforeEach(async () => {
      redis = await startRedisServer();
      cleanups.push(() => redis.stop());
    });

    it('keeps the rows, keeps retrying, and publishes each exactly once when Redis returns', async () => {
      const prefix = testRedisPrefix();
      const { queue } = connectQueue(redis.url, prefix);
      const { relay, errors } = newRelay(queue, { batchSize: 10 });
      relay.start();

      // Healthy first: the relay and the queue are connected and working.
      await appendMessages(3);
      await waitUntil(allSent, 'the first rows are sent');
      expect(await queue.count()).toBe(3);

      await redis.stop();
      const duringOutage = await appendMessages(25, 5);
      await waitUntil(async () => errors.length >= 3, 'the relay has failed to publish three times');

      const rows = await outboxRows();
      const waiting = rows.filter((row) => duringOutage.includes(row.id));
      expect(waiting.every((row) => !row.sent)).toBe(true);
      expect(waiting.some((row) => row.attempts > 0 && row.lastError !== null)).toBe(true);

      // The restarted server is empty (no persistence), so only what the relay publishes from
      // now on is in it: exactly the rows written during the outage, once each.
      await redis.start();
      await waitUntil(allSent, 'every row written during the outage is sent');
      expect(await jobIds(queue)).toEqual(expectedJobIds(duringOutage));
      expect(await queued(queue)).toBe(duringOutage.length);
    });
  });

  // -- c: the relay dies between publishing and marking rows sent ---------------------------

  it('publishes no duplicate when a relay dies after publishing and before marking the rows sent', async () => {
    const ids = await appendMessages(30);
    const { queue } = connectSharedQueue();

    // What a relay killed mid-batch leaves behind: jobs in Redis, the transaction rolled back.
    const crash = new Error('relay killed before marking the rows sent');
    await expect(
      outbox.publishPending(100, Object.values(JobName), async (rows) => {
        await queue.addBulk(
          rows.map((row) => ({
            name: row.jobName,
            data: row.payload,
            opts: { ...JOB_OPTIONS[row.jobName as JobName], jobId: outboxJobId(row.id) },
          })),
        );
        throw crash;
      }),
    ).rejects.toBe(crash);
    expect(await outbox.countUnsent()).toBe(30);
    expect(await jobIds(queue)).toEqual(expectedJobIds(ids));

    const { relay, errors } = newRelay(queue);
    expect(await relay.publishOnce()).toBe(30);

    expect(await outbox.countUnsent()).toBe(0);
    expect(await jobIds(queue)).toEqual(expectedJobIds(ids));
    expect(await queued(queue)).toBe(30);
    expect(errors).toEqual([]);
  });

  // -- d: relays in several workers ----------------------------------------------------------

  it('shares the rows between two concurrent relays without publishing any twice', async () => {
    const before = await appendMessages(250, 25);
    // Each relay as in its own worker process: its own connection and Queue, one queue prefix.
    const prefix = testRedisPrefix();
    const queues = [0, 1].map(() => connectQueue(resolveTestSettings().redisUrl, prefix));
    cleanups.push(() => deleteRedisKeys(queues[0].connection, prefix));

    const published = new Map<string, number>();
    const relayPublished = [0, 0];
    const instrumented = queues.map(({ queue }, index) => {
      const addBulk = queue.addBulk.bind(queue);
      jest.spyOn(queue, 'addBulk').mockImplementation(async (jobs) => {
        // A slow Redis round trip, so that each relay claims batches while the other publishes.
        await new Promise((resolve) => setTimeout(resolve, 20));
        for (const job of jobs) {
          const id = String(job.opts?.jobId);
          published.set(id, (published.get(id) ?? 0) + 1);
        }
        relayPublished[index] += jobs.length;
        return addBulk(jobs);
      });
      return newRelay(queue, { batchSize: 25 });
    });

    for (const { relay } of instrumented) relay.start();
    const during = await appendMessages(250, 10);
    await waitUntil(allSent, 'all 500 rows are sent');
    for (const { relay } of instrumented) await relay.stop();

    const all = [...before, ...during];
    expect(all).toHaveLength(500);
    // SKIP LOCKED gave every row to exactly one relay ...
    expect([...published.values()].filter((times) => times !== 1)).toEqual([]);
    expect([...published.keys()].sort()).toEqual(expectedJobIds(all));
    expect(relayPublished.every((count) => count > 0)).toBe(true);
    // ... and the queue holds each job once.
    expect(await jobIds(queues[0].queue)).toEqual(expectedJobIds(all));
    expect(await queued(queues[1].queue)).toBe(500);
    expect((await outboxRows()).every((row) => row.sent && row.attempts === 1)).toBe(true);
    for (const { errors } of instrumented) expect(errors).toEqual([]);
  });
});

/** A TCP proxy in front of Postgres that holds each new connection for `delayMs` before passing it on. */
async function slowPostgresProxy(databaseUrl: string, delayMs: number): Promise<{ url: string; close(): Promise<void> }> {
  const target = new URL(databaseUrl);
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((client) => {
    sockets.add(client);
    client.pause();
    const timer = setTimeout(() => {
      timers.delete(timer);
      const upstream = connect(Number(target.port || 5432), target.hostname, () => {
        client.pipe(upstream).pipe(client);
        client.resume();
      });
      sockets.add(upstream);
      const end = () => {
        client.destroy();
        upstream.destroy();
      };
      for (const socket of [client, upstream]) socket.on('error', end).on('close', end);
    }, delayMs);
    timers.add(timer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The promise's outcome, or a rejection naming `what` if it takes longer than `ms`. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
