import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { Environment } from '@app/config';
import { todayInEngland } from '@app/domain';
import { SufficiencyRepository } from '@app/persistence';
import { ensureJobScheduler, HandlesJob, JobHandler, Queues } from '@app/queue';
import { JOB_QUEUE, JobName, JobPayloads } from '@app/jobs';

/** Five to midnight in England: the day's supply as it ends. */
export const SNAPSHOT_SCHEDULE = { id: 'supply-snapshot-daily', pattern: '0 55 23 * * *', tz: 'Europe/London' };

/** Every minute: a month marked stale is read from the raw tables until then, so figures are exact either way. */
export const ROLLUP_SCHEDULE = { id: 'sufficiency-rollup-rebuild', every: 60_000 };

/**
 * How late a scheduled snapshot may run and still record the day it was due: a worker back after
 * a restart, or a retry, records that day from the vacancies as they are then; a day or more late
 * (a failed job retried by hand) would pass today's vacancies off as another day's, so it records
 * nothing.
 */
export const SNAPSHOT_LATEST_MS = 24 * 3_600_000;

/**
 * The day a snapshot job records: the one it names, else the day in England it was scheduled for
 * (BullMQ keeps a scheduled job's time in `opts.prevMillis`), else today; null when it runs too
 * late to record the day it was due.
 */
export function snapshotDay(payload: JobPayloads[JobName.SnapshotSupply], job: Pick<Job, 'opts'>, now = new Date()): string | null {
  if (payload.day) return payload.day;
  const scheduledFor = job.opts.prevMillis;
  if (typeof scheduledFor !== 'number' || scheduledFor <= 0) return todayInEngland(now);
  return now.getTime() - scheduledFor > SNAPSHOT_LATEST_MS ? null : todayInEngland(new Date(scheduledFor));
}

/** Writes a day's open beds to the supply history; a second run replaces the day's rows with the same. */
@Injectable()
@JobHandler(JobName.SnapshotSupply)
export class SnapshotSupplyHandler implements HandlesJob<JobName.SnapshotSupply> {
  private readonly logger = new Logger(SnapshotSupplyHandler.name);

  constructor(
    private readonly sufficiency: SufficiencyRepository,
    private readonly env: Environment,
  ) {}

  async handle(payload: JobPayloads[JobName.SnapshotSupply], job: Job<JobPayloads[JobName.SnapshotSupply]>) {
    const day = snapshotDay(payload, job);
    if (day === null) {
      this.logger.warn(`supply snapshot due ${new Date(job.opts.prevMillis!).toISOString()} ran over a day late: nothing recorded`);
      return { skipped: 'too late' };
    }
    return { day, ...(await this.sufficiency.snapshotSupply(day, this.env.VACANCY_STALE_DAYS)) };
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
 * queue makes sure of the same BullMQ job schedulers at start-up and again on its relay's periodic
 * check (JobSchedules), so there is one of each however many run, and one Redis lost is back
 * within a check. A scheduler already as wanted is left alone (ensureJobScheduler).
 */
@Injectable()
export class SufficiencySchedules implements OnApplicationBootstrap {
  private readonly logger = new Logger(SufficiencySchedules.name);

  constructor(
    private readonly queues: Queues,
    private readonly env: Environment,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (await this.ensure()) {
      this.logger.log(`supply snapshot scheduled: ${SNAPSHOT_SCHEDULE.pattern} ${SNAPSHOT_SCHEDULE.tz}; rollups rebuilt every ${ROLLUP_SCHEDULE.every / 1000} s`);
    }
  }

  /** Creates either scheduler if it is missing or not as wanted; whether this process serves their queue. */
  async ensure(): Promise<boolean> {
    const queue = this.queues.get(JOB_QUEUE[JobName.SnapshotSupply]);
    if (!this.env.WORKER_QUEUES.includes(JOB_QUEUE[JobName.SnapshotSupply])) return false;
    const snapshot = { pattern: SNAPSHOT_SCHEDULE.pattern, tz: SNAPSHOT_SCHEDULE.tz };
    await ensureJobScheduler(queue, JobName.SnapshotSupply, SNAPSHOT_SCHEDULE.id, snapshot);
    await ensureJobScheduler(this.queues.get(JOB_QUEUE[JobName.RebuildSufficiency]), JobName.RebuildSufficiency, ROLLUP_SCHEDULE.id, {
      every: ROLLUP_SCHEDULE.every,
    });
    return true;
  }
}
