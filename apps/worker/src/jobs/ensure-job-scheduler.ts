import { isDeepStrictEqual } from 'node:util';
import { JOB_OPTIONS, JOB_QUEUE, JobName, Queues } from '@app/queue';

export interface JobRepeat {
  pattern?: string;
  tz?: string;
  every?: number;
}

/**
 * Creates or updates the BullMQ job scheduler `id` unless it already runs `name` on `repeat` with
 * the job's options. A scheduler already as wanted is left alone: upserting it would replace its
 * pending job, and a run due while every worker was down would be lost.
 */
export async function ensureJobScheduler(queues: Queues, name: JobName, id: string, repeat: JobRepeat): Promise<void> {
  const queue = queues.get(JOB_QUEUE[name]);
  const existing = await queue.getJobScheduler(id);
  const unchanged =
    existing !== undefined &&
    existing.name === name &&
    existing.pattern === repeat.pattern &&
    existing.tz === repeat.tz &&
    existing.every === repeat.every &&
    isDeepStrictEqual(existing.template?.opts, JOB_OPTIONS[name]);
  if (!unchanged) await queue.upsertJobScheduler(id, repeat, { name, data: {}, opts: JOB_OPTIONS[name] });
}
