import { Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { Environment } from '@app/config';
import { addCalendarDays, DEFAULT_VACANCY_STALE_DAYS, todayInEngland } from '@app/domain';
import { DayTurnRepository, MatchingRepository } from '@app/persistence';
import { ensureJobScheduler, HandlesJob, JobHandler, Queues } from '@app/queue';
import { JOB_QUEUE, JobName, JobPayloads } from '@app/jobs';
import { queueRematches } from './rematch-fan-out';

/** Just after midnight in England, when vacancies available from the new day become matchable. */
export const DAY_TURN_SCHEDULE = { id: 'day-turn-daily', pattern: '0 1 0 * * *', tz: 'Europe/London' };
/** Every hour too, so a day whose midnight run was missed (every worker down, Redis lost) is caught up within the hour. */
export const DAY_TURN_CATCH_UP = { id: 'day-turn-hourly', pattern: '0 17 * * * *', tz: 'Europe/London' };

/** The most days a late run catches up on: vacancies that became available longer ago than this are left to their own changes. */
export const DAY_TURN_CATCH_UP_DAYS = 7;

export type DayTurnResult =
  | { day: string; skipped: 'already turned' }
  | { day: string; after: string; vacancies: number; emergencies: number; rematched: number };

/**
 * Handles the day's turn once: re-matches the referrals that vacancies available from the new day
 * (or since the last day handled), or turning stale on it, could serve, and every emergency without
 * a match, whose "today" has moved on. Safe to run twice: a day already handled is skipped, and a
 * run that dies before recording the day is repeated whole, its re-matches collapsing per referral.
 */
@Injectable()
export class DayTurnService {
  private readonly logger = new Logger(DayTurnService.name);

  constructor(
    private readonly days: DayTurnRepository,
    private readonly matching: MatchingRepository,
    private readonly queues: Queues,
    @Optional() private readonly env?: Environment,
  ) {}

  /** Turns to `day` (England's calendar day, `YYYY-MM-DD`). */
  async turn(day: string): Promise<DayTurnResult> {
    const last = await this.days.lastTurned();
    if (last !== null && last >= day) return { day, skipped: 'already turned' };
    const earliest = addCalendarDays(day, -DAY_TURN_CATCH_UP_DAYS);
    // The first run ever looks back one day: a vacancy available from before it has been matchable since.
    const after = last === null ? addCalendarDays(day, -1) : last < earliest ? earliest : last;
    const staleDays = this.env?.VACANCY_STALE_DAYS ?? DEFAULT_VACANCY_STALE_DAYS;
    const { vacancyIds, emergencyReferrals } = await this.days.workFor(after, day, staleDays);
    const affected = vacancyIds.length > 0 ? await this.matching.referralsAffectedBy(vacancyIds) : [];
    const referrals = new Map(affected.map((referral) => [referral.id, referral]));
    for (const referral of emergencyReferrals) referrals.set(referral.id, referral);
    await queueRematches(this.queues, [...referrals.values()]);
    await this.days.markTurned(day);
    this.logger.log(`day turned to ${day}: ${vacancyIds.length} vacancies, ${referrals.size} referrals re-matched`);
    return { day, after, vacancies: vacancyIds.length, emergencies: emergencyReferrals.length, rematched: referrals.size };
  }
}

@Injectable()
@JobHandler(JobName.TurnDay)
export class TurnDayHandler implements HandlesJob<JobName.TurnDay> {
  constructor(private readonly dayTurn: DayTurnService) {}

  handle({ day }: JobPayloads[JobName.TurnDay]) {
    return this.dayTurn.turn(day ?? todayInEngland());
  }
}

/** Keeps the day's turn scheduled: every worker serving the routine queue makes sure of the same two schedulers. */
@Injectable()
export class DayTurnSchedules implements OnApplicationBootstrap {
  constructor(
    private readonly queues: Queues,
    private readonly env: Environment,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensure();
  }

  /** Creates either scheduler if it is missing or not as wanted (JobSchedules calls this periodically too). */
  async ensure(): Promise<void> {
    const queue = this.queues.get(JOB_QUEUE[JobName.TurnDay]);
    if (!this.env.WORKER_QUEUES.includes(JOB_QUEUE[JobName.TurnDay])) return;
    for (const { id, pattern, tz } of [DAY_TURN_SCHEDULE, DAY_TURN_CATCH_UP]) {
      await ensureJobScheduler(queue, JobName.TurnDay, id, { pattern, tz });
    }
  }
}
