import type { Environment } from '@app/config';
import { createRedisConnection, ensureJobScheduler, Queues, ROLLUP_SCHEDULE, SNAPSHOT_SCHEDULE } from '@app/queue';
import { JobName, QueueName } from '@app/jobs';
import { deleteRedisKeys, resolveTestSettings, testRedisPrefix } from '@app/testing';
import { JobSchedules } from '../jobs/job-schedules.service';

/** The schedulers each worker makes sure of at start-up, on a real Redis: the snapshot's and the rollups'. */
describe('the sufficiency schedules', () => {
  const redis = createRedisConnection(resolveTestSettings().redisUrl);
  const prefix = testRedisPrefix();
  const env = { QUEUE_PREFIX: prefix, WORKER_QUEUES: [QueueName.Matching, QueueName.Emergency, QueueName.Notifications] } as unknown as Environment;
  // Each worker process has its own Queues; they share the Redis.
  const workers: Queues[] = [];
  const SUFFICIENCY = [SNAPSHOT_SCHEDULE, ROLLUP_SCHEDULE];
  const startWorker = async () => {
    const queues = new Queues(redis.duplicate(), env);
    workers.push(queues);
    await new JobSchedules(queues, env).ensure(SUFFICIENCY);
    return queues.get(QueueName.Matching);
  };

  afterAll(async () => {
    for (const queues of workers) await queues.onApplicationShutdown();
    await deleteRedisKeys(redis, prefix);
    redis.disconnect();
  });

  it('keeps a snapshot that fell due while no worker ran, when a worker starts again', async () => {
    const queue = await startWorker();
    expect(await queue.getJobScheduler(SNAPSHOT_SCHEDULE.id)).toMatchObject({ pattern: SNAPSHOT_SCHEDULE.pattern, tz: SNAPSHOT_SCHEDULE.tz });
    expect(await queue.getJobScheduler(ROLLUP_SCHEDULE.id)).toMatchObject({ every: ROLLUP_SCHEDULE.every });
    const [due] = (await queue.getJobs(['delayed'])).filter((job) => job.name === 'snapshot-supply');
    // 23:55 comes while every worker is down: the job is due, waiting for one.
    await due.promote();
    expect(await due.getState()).toBe('waiting');
    // A worker starts at 00:20: the due job is still there to run, recording the day it was due.
    const again = await startWorker();
    const kept = await again.getJob(due.id!);
    expect(await kept?.getState()).toBe('waiting');
    expect(kept?.opts.prevMillis).toBe(due.opts.prevMillis);
    expect(await again.getJobSchedulersCount()).toBe(2);
  });

  it('brings a scheduler that differs from what the worker wants up to date', async () => {
    const queue = workers[0].get(QueueName.Matching);
    await queue.upsertJobScheduler(SNAPSHOT_SCHEDULE.id, { pattern: '0 0 1 * * *', tz: 'UTC' }, { name: 'snapshot-supply', data: {} });
    await startWorker();
    expect(await queue.getJobScheduler(SNAPSHOT_SCHEDULE.id)).toMatchObject({ pattern: SNAPSHOT_SCHEDULE.pattern, tz: SNAPSHOT_SCHEDULE.tz });
  });

  it('creates both schedulers again when Redis has lost them, as each periodic check does', async () => {
    const queue = workers[0].get(QueueName.Matching);
    await deleteRedisKeys(redis, prefix);
    expect(await queue.getJobScheduler(SNAPSHOT_SCHEDULE.id)).toBeUndefined();
    await new JobSchedules(workers[0], env).ensure(SUFFICIENCY);
    expect(await queue.getJobScheduler(SNAPSHOT_SCHEDULE.id)).toMatchObject({ pattern: SNAPSHOT_SCHEDULE.pattern, tz: SNAPSHOT_SCHEDULE.tz });
    expect(await queue.getJobScheduler(ROLLUP_SCHEDULE.id)).toMatchObject({ every: ROLLUP_SCHEDULE.every });
    const jobs = await queue.getJobs(['delayed', 'waiting', 'prioritized']);
    expect(jobs.map((job) => job.name).sort()).toEqual(['rebuild-sufficiency', 'snapshot-supply']);
    // The next check finds them as wanted, their next jobs in place, and leaves them alone.
    expect(await ensureJobScheduler(queue, JobName.SnapshotSupply, SNAPSHOT_SCHEDULE.id, { pattern: SNAPSHOT_SCHEDULE.pattern, tz: SNAPSHOT_SCHEDULE.tz })).toBe(false);
    expect(await ensureJobScheduler(queue, JobName.RebuildSufficiency, ROLLUP_SCHEDULE.id, { every: ROLLUP_SCHEDULE.every })).toBe(false);
  });
});
