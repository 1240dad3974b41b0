import { Injectable, Logger } from '@nestjs/common';
import { Environment } from '@app/config';
import { ensureJobScheduler, Queues, SWEEP_SCHEDULE_ID } from '@app/queue';
import { JOB_QUEUE, JobName } from '@app/jobs';
import { DayTurnSchedules } from '../matching/day-turn';
import { SufficiencySchedules } from '../sufficiency/sufficiency-jobs';

/**
 * Every job scheduler the platform relies on: the lost-job sweeper's, the nightly supply snapshot's,
 * the rollup rebuild's and the day's turn (daily and hourly). Redis keeps them, so a Redis that lost its data lost them too; each
 * worker's relay calls `ensure` every SWEEP_INTERVAL_MS (OutboxRelayService), not only at start-up,
 * and a scheduler found missing is created again (one, however many workers find it).
 */
@Injectable()
export class JobSchedules {
  private readonly logger = new Logger(JobSchedules.name);

  constructor(
    private readonly queues: Queues,
    private readonly env: Environment,
    private readonly sufficiency: SufficiencySchedules,
    private readonly dayTurn: DayTurnSchedules,
  ) {}

  async ensure(): Promise<void> {
    const queue = this.queues.get(JOB_QUEUE[JobName.SweepLostJobs]);
    if (!this.env.WORKER_QUEUES.includes(JOB_QUEUE[JobName.SweepLostJobs])) return;
    const created = await ensureJobScheduler(queue, JobName.SweepLostJobs, SWEEP_SCHEDULE_ID, { every: this.env.SWEEP_INTERVAL_MS });
    if (created) this.logger.log(`lost-job sweeper scheduled every ${this.env.SWEEP_INTERVAL_MS / 1000} s`);
    await this.sufficiency.ensure();
    await this.dayTurn.ensure();
  }
}
