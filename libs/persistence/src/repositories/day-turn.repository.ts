import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { referralStatus, vacancyStatus } from './status-sql';

/** What a day's turn asks to be matched again. */
export interface DayTurnWork {
  /** Open vacancies that became available, or turned stale, after `after` and by `day`. */
  vacancyIds: string[];
  /** Emergency referrals with no match: a new day is a new "today" to be placed on. */
  emergencyReferrals: { id: string; urgency: string }[];
}

/**
 * Time passing changes what matches without any row changing: a vacancy's `availableFrom` arrives,
 * a vacancy goes unconfirmed long enough to turn stale, an emergency's "today" moves on. The worker
 * handles each day's turn once (`day_turns`), and catches up on days it missed.
 */
@Injectable()
export class DayTurnRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The last day whose turn was handled, or null before the first. */
  async lastTurned(): Promise<string | null> {
    const [row] = await this.dataSource.query(`SELECT to_char(max(day), 'YYYY-MM-DD') AS day FROM day_turns`);
    return row?.day ?? null;
  }

  /**
   * What turning from the day `after` to `day` (both England calendar days, `after` < `day`) asks
   * to re-match, read in one snapshot. A vacancy turns stale on the day its last confirmation is
   * `staleDays` old.
   */
  async workFor(after: string, day: string, staleDays: number): Promise<DayTurnWork> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const vacancies: { id: string }[] = await manager.query(
        `SELECT id FROM vacancies
          WHERE status = ${vacancyStatus('open')}
            AND ((available_from > $1::date AND available_from <= $2::date)
              OR ((confirmed_at AT TIME ZONE 'Europe/London')::date + $3::int > $1::date
                  AND (confirmed_at AT TIME ZONE 'Europe/London')::date + $3::int <= $2::date))
          ORDER BY id`,
        [after, day, staleDays],
      );
      const emergencyReferrals: { id: string; urgency: string }[] = await manager.query(
        `SELECT id, urgency FROM referrals WHERE urgency = 'emergency' AND status = ${referralStatus('no_match')} ORDER BY id`,
      );
      return { vacancyIds: vacancies.map((v) => v.id), emergencyReferrals };
    });
  }

  /** Records the day's turn as handled; recording it twice is harmless. */
  async markTurned(day: string): Promise<void> {
    await this.dataSource.query(`INSERT INTO day_turns (day) VALUES ($1) ON CONFLICT (day) DO NOTHING`, [day]);
  }
}
