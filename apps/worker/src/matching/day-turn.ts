import { Injectable, Logger, Optional } from '@nestjs/common';
import { Environment } from '@app/config';
import { addCalendarDays, DEFAULT_VACANCY_STALE_DAYS, todayInEngland } from '@app/domain';
import { DayTurnRepository, VacancyFeedRepository } from '@app/persistence';
import { HandlesJob, JobHandler, Queues } from '@app/queue';
import { JobName, JobPayloads } from '@app/jobs';
import { queueRematches } from './rematch-fan-out';

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
    private readonly vacancyFeed: VacancyFeedRepository,
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
    const affected = vacancyIds.length > 0 ? await this.vacancyFeed.referralsAffectedBy(vacancyIds) : [];
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
