import { Injectable, Logger } from '@nestjs/common';
import { OutboxRepository } from '@app/persistence';
import { HandlesJob, JobHandler, LostJobSweeper, Queues } from '@app/queue';
import { JobName } from '@app/jobs';

/** Runs the lost-job sweeper (libs/queue/src/lost-job-sweeper.ts); a second run finds the first's jobs and adds nothing. */
@Injectable()
@JobHandler(JobName.SweepLostJobs)
export class SweepLostJobsHandler implements HandlesJob<JobName.SweepLostJobs> {
  private readonly logger = new Logger(SweepLostJobsHandler.name);
  private readonly sweeper: LostJobSweeper;

  constructor(outbox: OutboxRepository, queues: Queues) {
    this.sweeper = new LostJobSweeper(outbox, queues.all());
  }

  async handle() {
    const result = await this.sweeper.sweep();
    // Counts only: no ids, nothing about a child.
    if (result.republished + result.retried > 0) this.logger.warn(result, 'lost or failed jobs published again');
    return result;
  }
}
