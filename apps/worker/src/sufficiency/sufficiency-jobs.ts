import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { Environment } from '@app/config';
import { todayInEngland } from '@app/domain';
import { SufficiencyRollupRepository, SupplySnapshotRepository } from '@app/persistence';
import { HandlesJob, JobHandler } from '@app/queue';
import { JobName, JobPayloads } from '@app/jobs';

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
    private readonly snapshots: SupplySnapshotRepository,
    private readonly env: Environment,
  ) {}

  async handle(payload: JobPayloads[JobName.SnapshotSupply], job: Job<JobPayloads[JobName.SnapshotSupply]>) {
    const day = snapshotDay(payload, job);
    if (day === null) {
      this.logger.warn(`supply snapshot due ${new Date(job.opts.prevMillis!).toISOString()} ran over a day late: nothing recorded`);
      return { skipped: 'too late' };
    }
    return { day, ...(await this.snapshots.snapshotSupply(day, this.env.VACANCY_STALE_DAYS)) };
  }
}

/** Rebuilds the rollups of stale LA-months; a second run finds nothing left or rebuilds the same rows. */
@Injectable()
@JobHandler(JobName.RebuildSufficiency)
export class RebuildSufficiencyHandler implements HandlesJob<JobName.RebuildSufficiency> {
  constructor(private readonly rollups: SufficiencyRollupRepository) {}

  handle() {
    return this.rollups.rebuildStaleMonths();
  }
}
