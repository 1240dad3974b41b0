import { isDeepStrictEqual } from 'node:util';
import type { Queue } from 'bullmq';
import { JobName } from '@app/jobs';
import { JOB_OPTIONS, type ScheduleRepeat } from './job-options';

/**
 * Makes sure the BullMQ job scheduler `id` runs `name` on `repeat`, creating it again when Redis
 * lost it (a restart without persistence, FLUSHALL) or lost its next job. A scheduler already as
 * wanted, with its next job in Redis, is left alone: upserting it would replace that job, and a
 * snapshot due while every worker was down (a deploy at 23:55) would be lost. Returns whether it
 * (re)created the scheduler.
 */
export async function ensureJobScheduler(queue: Queue, name: JobName, id: string, repeat: ScheduleRepeat): Promise<boolean> {
  const existing = await queue.getJobScheduler(id);
  const unchanged =
    existing !== undefined &&
    existing.name === name &&
    existing.pattern === repeat.pattern &&
    existing.tz === repeat.tz &&
    existing.every === repeat.every &&
    isDeepStrictEqual(existing.template?.opts, JOB_OPTIONS[name]);
  // BullMQ names a scheduler's next job `repeat:<id>:<when>`; it is in Redis from the moment the
  // previous one starts.
  const nextJobKept = unchanged && existing.next !== undefined && (await queue.getJob(`repeat:${id}:${existing.next}`)) !== undefined;
  if (unchanged && nextJobKept) return false;
  await queue.upsertJobScheduler(id, repeat, { name, data: {}, opts: JOB_OPTIONS[name] });
  return true;
}
