import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { Environment } from '@app/config';
import { todayInEngland } from '@app/domain';
import { SufficiencyRepository } from '@app/persistence';
import { HandlesJob, JOB_OPTIONS, JOB_QUEUE, JobHandler, JobName, JobPayloads, Queues } from '@app/queue';

/** Five to midnight in England: the day's supply as it ends. */
export const SNAPSHOT_SCHEDULE = { id: 'supply-snapshot-daily', pattern: '0 55 23 * * *', tz: 'Europe/London' };

/** Every minute: a month marked stale is read from the raw tables until then, so figures are exact either way. */
export const ROLLUP_SCHEDULE = { id: 'sufficiency-rollup-rebuild', every: 60_000 };

/**
 * The day a snapshot job records: the one it names, else the day in England it was scheduled for
 * (BullMQ keeps a scheduled job's time in `opts.prevMillis`), else today. A run that starts late,
 * after midnight (a worker restarting, a retry), still records the day that was due, not the next.
 */
export function snapshotDay(payload: JobPayloads[JobName.SnapshotSupply], job: Pick<Job, 'opts'>, now = new Date()): string {
  if (payload.day) return payload.day;
  const scheduledFor = job.opts.prevMillis;
  return todayInEngland(typeof scheduledFor === 'number' && scheduledFor > 0 ? new Date(scheduledFor) : now);
}

/** Writes a day's open beds to the supply history; a second run replaces the day's rows with the same. */
@Injectable()
@JobHandler(JobName.SnapshotSupply)
export class SnapshotSupplyHandler implements HandlesJob<JobName.SnapshotSupply> {
  constructor(private readonly sufficiency: SufficiencyRepository) {}

  handle(payload: JobPayloads[JobName.SnapshotSupply], job: Job<JobPayloads[JobName.SnapshotSupply]>) {
    return this.sufficiency.snapshotSupply(snapshotDay(payload, job));
  }
}

/** Rebuilds the rollups of stale LA-months; a second run finds nothing left or rebuilds the same rows. */
@Injectable()
@JobHandler(JobName.RebuildSufficiency)
export class RebuildSufficiencyHandler implements HandlesJob<JobName.RebuildSufficiency> {
  constructor(private readonly sufficiency: SufficiencyRepository) {}

  handle() {
    return this.sufficiency.rebuildStaleMonths();
  }
}

/**
 * Keeps the nightly snapshot and the rollup rebuild scheduled. Every worker serving the routine
 * queue upserts the same BullMQ job schedulers at start-up, so there is one of each however many run.
 */
@Injectable()
export class SufficiencySchedules implements OnApplicationBootstrap {
  private readonly logger = new Logger(SufficiencySchedules.name);

  constructor(
    private readonly queues: Queues,
    private readonly env: Environment,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const queue = JOB_QUEUE[JobName.SnapshotSupply];
    if (!this.env.WORKER_QUEUES.includes(queue)) return;
    await this.queues
      .get(queue)
      .upsertJobScheduler(
        SNAPSHOT_SCHEDULE.id,
        { pattern: SNAPSHOT_SCHEDULE.pattern, tz: SNAPSHOT_SCHEDULE.tz },
        { name: JobName.SnapshotSupply, data: {}, opts: JOB_OPTIONS[JobName.SnapshotSupply] },
      );
    await this.queues
      .get(JOB_QUEUE[JobName.RebuildSufficiency])
      .upsertJobScheduler(
        ROLLUP_SCHEDULE.id,
        { every: ROLLUP_SCHEDULE.every },
        { name: JobName.RebuildSufficiency, data: {}, opts: JOB_OPTIONS[JobName.RebuildSufficiency] },
      );
    this.logger.log(`supply snapshot scheduled: ${SNAPSHOT_SCHEDULE.pattern} ${SNAPSHOT_SCHEDULE.tz}; rollups rebuilt every ${ROLLUP_SCHEDULE.every / 1000} s`);
  }
}
