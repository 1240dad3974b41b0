import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sentTo } from './recipients-sql';
import { referralStatus } from './status-sql';

export interface HoldView {
  id: string;
  vacancyId: string;
  referralId: string;
  localAuthorityCode: string;
  createdAt: Date;
  expiresAt: Date;
  beds: number;
  status: 'live' | 'expired' | 'released' | 'used';
}

export type HoldResult =
  | { outcome: 'held'; hold: HoldView }
  | { outcome: 'referral_not_found' }
  | { outcome: 'vacancy_not_found' }
  /** The referral is not shortlisted with this vacancy on its shortlist. */
  | { outcome: 'not_on_shortlist' }
  /** The vacancy's provider was not sent the referral: a hold would show it the referral. */
  | { outcome: 'not_sent' }
  | { outcome: 'already_held' }
  | { outcome: 'no_free_bed' };

/** A hold's standing, from the clock as much as from its columns: it lapses at `expires_at` by itself. */
const HOLD_COLUMNS = `h.id, h.vacancy_id AS "vacancyId", h.referral_id AS "referralId", h.local_authority_code AS "localAuthorityCode",
  h.created_at AS "createdAt", h.expires_at AS "expiresAt", h.beds,
  CASE WHEN h.used_at IS NOT NULL THEN 'used' WHEN h.released_at IS NOT NULL THEN 'released'
       WHEN h.expires_at <= now() THEN 'expired' ELSE 'live' END AS status`;

const LIVE = `h.released_at IS NULL AND h.used_at IS NULL AND h.expires_at > now()`;

/**
 * Holds: one bed of a vacancy kept for one referral for a few minutes while the placing team and
 * the provider talk. Made only under the vacancy's row lock, which acceptance takes too, so the
 * number of live holds never exceeds the free beds and an acceptance always sees every hold.
 */
@Injectable()
export class HoldRepository {
  constructor(private readonly dataSource: DataSource) {}

  async hold(
    vacancyId: string,
    hold: { referralId: string; localAuthorityCode: string; userId: string; minutes: number },
  ): Promise<HoldResult> {
    return this.dataSource.transaction(async (manager) => {
      // Locks in the order acceptance takes them: the referral, then the vacancy. The referral's
      // share lock keeps it shortlisted (no acceptance, withdrawal or re-match) until this commits.
      const [referral] = await manager.query(
        `SELECT r.status = ${referralStatus('shortlisted')} AND EXISTS (SELECT 1 FROM referral_matches m WHERE m.referral_id = r.id AND m.vacancy_id = $3)
                  AS "onShortlist",
                EXISTS (SELECT 1 FROM referral_matches m WHERE m.referral_id = r.id AND m.vacancy_id = $3 AND ${sentTo('r.id', 'm.provider_id')})
                  AS sent,
                c.sibling_group_size AS beds
           FROM referrals r JOIN children c ON c.id = r.child_id
          WHERE r.id = $1 AND r.local_authority_code = $2
            FOR SHARE OF r`,
        [hold.referralId, hold.localAuthorityCode, vacancyId],
      );
      if (!referral) return { outcome: 'referral_not_found' as const };
      // The row lock orders this hold against acceptances and other holds of the vacancy. It is a
      // row lock only (no vacancy UPDATE, so no change number).
      const [vacancy] = await manager.query(`SELECT beds, status FROM vacancies WHERE id = $1 FOR UPDATE`, [vacancyId]);
      if (!vacancy) return { outcome: 'vacancy_not_found' as const };
      if (!referral.onShortlist) return { outcome: 'not_on_shortlist' as const };
      if (!referral.sent) return { outcome: 'not_sent' as const };
      const [live] = await manager.query(
        `SELECT coalesce(sum(h.beds), 0)::int AS held, bool_or(h.referral_id = $2) AS mine
           FROM vacancy_holds h WHERE h.vacancy_id = $1 AND ${LIVE}`,
        [vacancyId, hold.referralId],
      );
      if (live.mine) return { outcome: 'already_held' as const };
      // A sibling group is kept a bed each; held beds never exceed the beds there are.
      if (vacancy.status !== 'open' || live.held + referral.beds > vacancy.beds) return { outcome: 'no_free_bed' as const };
      const [created]: HoldView[] = await manager.query(
        `WITH h AS (
           INSERT INTO vacancy_holds (vacancy_id, referral_id, local_authority_code, created_by_user_id, expires_at, beds)
           VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5), $6) RETURNING *)
         SELECT ${HOLD_COLUMNS} FROM h`,
        [vacancyId, hold.referralId, hold.localAuthorityCode, hold.userId, hold.minutes, referral.beds],
      );
      return { outcome: 'held' as const, hold: created };
    });
  }

  /** The vacancy's holds that are live now, soonest to lapse first. */
  live(vacancyId: string): Promise<HoldView[]> {
    return this.dataSource.query(
      `SELECT ${HOLD_COLUMNS} FROM vacancy_holds h WHERE h.vacancy_id = $1 AND ${LIVE} ORDER BY h.expires_at, h.id`,
      [vacancyId],
    );
  }

  /** Gives a live hold of the LA back before it lapses; false if there is no such live hold. */
  async release(vacancyId: string, holdId: string, localAuthorityCode: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT ${HOLD_COLUMNS} FROM vacancy_holds h WHERE h.id = $1 AND h.vacancy_id = $2 AND h.local_authority_code = $3 AND ${LIVE}`,
      [holdId, vacancyId, localAuthorityCode],
    );
    if (rows.length === 0) return false;
    await this.dataSource.query(`UPDATE vacancy_holds SET released_at = now() WHERE id = $1 AND released_at IS NULL AND used_at IS NULL`, [
      holdId,
    ]);
    return true;
  }
}
