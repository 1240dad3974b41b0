import type { Job, Queue } from 'bullmq';
import type { OutboxRepository, SentOutboxRow } from '@app/persistence';
import { isJobName, JOB_QUEUE, JobName, outboxJobId, QueueName } from '@app/jobs';
import { jobOptions } from './job-options';

export interface LostJobSweeperOptions {
  /** A referral `matching` this long is not being matched: a match is one short transaction. */
  stuckMatchingMs?: number;
  /** Retry a referral whose matching ran out of retries this long after its last try, and no sooner. */
  retryFailedAfterMs?: number;
  /** How far back other published rows (vacancy changes, step-downs, alerts) are checked. */
  windowMs?: number;
  /**
   * Rows checked per run, of each kind (unmatched referrals, oldest first; other rows, oldest
   * first). Beyond it a run checks the oldest only, so it is set well above any backlog.
   */
  limit?: number;
}

export interface SweepResult {
  checked: number;
  /** Jobs Redis no longer had, published again under their own ids. */
  republished: number;
  /** Jobs that had finished (failed, or completed without matching the referral) and were run again. */
  retried: number;
}

const FIRST_MATCH_JOBS = [JobName.MatchReferral, JobName.MatchEmergency];
const REMATCH_JOBS = [JobName.RematchReferral, JobName.RematchEmergency];
const OTHER_JOBS = [JobName.VacanciesChanged, JobName.OpenStepDown, JobName.NotifyProvider];
/** Redis round trips in flight at once. */
const CHECKS_AT_ONCE = 100;

/**
 * Finds work Redis no longer has and publishes it again. The outbox marks a row sent once Redis has
 * its job; if Redis then loses it (a restart without persistence, a failover, FLUSHALL, an AOF that
 * lost its last second) nothing else would ever look again. The database says what must still be
 * running (sentRowsToCheck); each row's job id is `outbox-<row id>`, so a job Redis still has is
 * found and left alone, and a lost one comes back under the same id: two sweepers at once, or a
 * relay publishing the same row, make one job. A job that finished without the work being done
 * (every retry failed, or the final failure could not be recorded because Postgres was down) is
 * retried, no more often than `retryFailedAfterMs`. Handlers are safe to run twice, so the worst a
 * mistaken sweep does is one more run.
 */
export class LostJobSweeper {
  private readonly stuckMatchingMs: number;
  private readonly retryFailedAfterMs: number;
  private readonly windowMs: number;
  private readonly limit: number;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly queues: ReadonlyMap<QueueName, Queue>,
    options: LostJobSweeperOptions = {},
  ) {
    this.stuckMatchingMs = options.stuckMatchingMs ?? 2 * 60_000;
    this.retryFailedAfterMs = options.retryFailedAfterMs ?? 10 * 60_000;
    this.windowMs = options.windowMs ?? 6 * 3_600_000;
    this.limit = options.limit ?? 20_000;
  }

  async sweep(): Promise<SweepResult> {
    const rows = await this.outbox.sentRowsToCheck({
      matchJobs: [...FIRST_MATCH_JOBS, ...REMATCH_JOBS],
      rematchJobs: REMATCH_JOBS,
      otherJobs: OTHER_JOBS,
      alertJob: JobName.NotifyProvider,
      stuckMatchingMs: this.stuckMatchingMs,
      retryFailedAfterMs: this.retryFailedAfterMs,
      windowMs: this.windowMs,
      limit: this.limit,
    });
    const result: SweepResult = { checked: rows.length, republished: 0, retried: 0 };
    for (let start = 0; start < rows.length; start += CHECKS_AT_ONCE) {
      const outcomes = await Promise.all(rows.slice(start, start + CHECKS_AT_ONCE).map((row) => this.check(row)));
      for (const outcome of outcomes) if (outcome !== 'kept') result[outcome] += 1;
    }
    return result;
  }

  private async check(row: SentOutboxRow): Promise<'kept' | 'republished' | 'retried'> {
    if (!isJobName(row.jobName)) return 'kept';
    const name = row.jobName as JobName;
    const queue = this.queues.get(JOB_QUEUE[name]);
    if (!queue) return 'kept';
    const jobId = outboxJobId(row.id);
    // One round trip for most rows: a job waiting, running or delayed needs nothing more.
    const state = await queue.getJobState(jobId);
    if (state === 'unknown') {
      await queue.add(name, row.payload, jobOptions(name, row.payload as never, { jobId }));
      return 'republished';
    }
    if (state !== 'failed' && state !== 'completed') return 'kept';
    const job = await queue.getJob(jobId);
    return job && (await this.retryIfFinished(job, state, row)) ? 'retried' : 'kept';
  }

  /**
   * A job still waiting, delayed or running is left to run. A finished one is run again when the
   * database says its work is not done: a referral still unmatched or a re-match still due (failed
   * or completed), an alert still to deliver (failed only: a completed one found nothing to send).
   * Other finished jobs did their work.
   */
  private async retryIfFinished(job: Job, state: 'failed' | 'completed', row: SentOutboxRow): Promise<boolean> {
    if (row.why === 'recent' && !(row.jobName === JobName.NotifyProvider && state === 'failed')) return false;
    if (job.finishedOn !== undefined && Date.now() - job.finishedOn < this.retryFailedAfterMs) return false;
    try {
      await job.retry(state, { resetAttemptsMade: true, resetAttemptsStarted: true });
      return true;
    } catch {
      // Another sweeper moved it first, or it was removed meanwhile: the next run looks again.
      return false;
    }
  }
}
