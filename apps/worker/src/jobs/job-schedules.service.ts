import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Environment } from '@app/config';
import { ensureJobScheduler, JOB_SCHEDULES, type JobSchedule, Queues, repeatOf } from '@app/queue';
import { JOB_QUEUE } from '@app/jobs';

/**
 * Every job scheduler the platform relies on (JOB_SCHEDULES, beside the job options): the lost-job
 * sweeper's, the nightly supply snapshot's, the rollup rebuild's and the day's turn (daily and
 * hourly). Redis keeps them, so a Redis that lost its data lost them too: each worker makes sure of
 * those on the queues it serves at start-up and again every SWEEP_INTERVAL_MS from its relay's loop
 * (OutboxRelayService), and a scheduler found missing or not as wanted is created again (one,
 * however many workers find it; one already as wanted is left alone, see ensureJobScheduler).
 */
@Injectable()
export class JobSchedules implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobSchedules.name);

  constructor(
    private readonly queues: Queues,
    private readonly env: Environment,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensure();
  }

  async ensure(schedules: readonly JobSchedule[] = JOB_SCHEDULES): Promise<void> {
    for (const schedule of schedules) {
      const queue = JOB_QUEUE[schedule.job];
      if (!this.env.WORKER_QUEUES.includes(queue)) continue;
      const repeat = repeatOf(schedule, this.env);
      if (await ensureJobScheduler(this.queues.get(queue), schedule.job, schedule.id, repeat)) {
        this.logger.log(`${schedule.job} scheduled: ${repeat.pattern ? `${repeat.pattern} ${repeat.tz}` : `every ${repeat.every! / 1000} s`}`);
      }
    }
  }
}
