import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** How a provider has served an alliance's children, from its placements, outcomes and answers. */
export interface ProviderBenchmark {
  providerId: string;
  name: string;
  /** Placements made with it by the alliance's LAs. */
  placements: number;
  /** Of those, ended unplanned (breakdowns), at any time. */
  unplannedEndings: number;
  /**
   * Share of its placements without an unplanned ending in their first 12 months, of those whose
   * first 12 months are known (ended, or started a year ago or more); null without any.
   */
  stabilityRate: number | null;
  /** Share of its placements' outcomes achieved, of those settled (achieved or not achieved); null if none are. */
  outcomesAchievedRate: number | null;
  /** Whole pounds a week. */
  meanWeeklyCost: number | null;
  /**
   * Its placements' weekly cost against the alliance's median for the same placement type, on
   * average: 1.1 is 10% above the median.
   */
  costToTypeMedian: number | null;
  /**
   * Referrals of the alliance's LAs that reached it: sent to it (see `sendsCounted`; a later
   * re-match may have dropped it from the shortlist), or answered. Being on a shortlist is not
   * enough: a provider never sent a referral never saw it. (The name is the contract's.)
   */
  referralsShortlisted: number;
  /** Share of those it made an offer for; null if none reached it. */
  offerRate: number | null;
  /**
   * Hours from a referral reaching it (its send; for an answer with none recorded, its first
   * shortlisting, else the referral's making) to its first answer (offer or decline), median; null
   * if none.
   */
  medianResponseHours: number | null;
}

const rate = (part: string, whole: string) => `CASE WHEN ${whole} > 0 THEN round((${part})::numeric / ${whole}, 4)::float8 END`;

/**
 * Placement stability, shared by these benchmarks and matching's quality score so the two never
 * drift: the share of placements without an unplanned ending (a breakdown) within their first
 * STABILITY_WINDOW_DAYS days.
 */
export const STABILITY_WINDOW_DAYS = 365;

/** SQL, true when the placement aliased `p` ended unplanned within its first STABILITY_WINDOW_DAYS days. */
export const earlyBreakdown = (p: string) =>
  `(${p}.planned_ending = false AND ${p}.ended_on < ${p}.start_date + ${STABILITY_WINDOW_DAYS})`;

/**
 * SQL, true when the first-year outcome of the placement aliased `p` is known on the date `today`
 * (SQL): it has ended, or it started at least STABILITY_WINDOW_DAYS days ago.
 */
export const firstYearKnown = (p: string, today: string) =>
  `(${p}.ended_on IS NOT NULL OR ${p}.start_date <= ${today} - ${STABILITY_WINDOW_DAYS})`;

/** SQL, England's date today: a placement's first year is over on the same day everywhere. */
export const TODAY_IN_ENGLAND = `(now() AT TIME ZONE 'Europe/London')::date`;

/**
 * SQL, the stability rate (0-1, 4 dp) from counts of placements whose first year is known and of
 * early breakdowns among them; null without any.
 */
export const stabilityRate = (placements: string, earlyBreakdowns: string) => rate(`${placements} - ${earlyBreakdowns}`, placements);

/**
 * SQL, who the referrals `referralIds` (an SQL query of ids) were sent to and when, as
 * (referral_id, provider_id, sent_at), for counting who a referral asked; what a provider may see is
 * `sentTo`'s. Its sends (`referral_recipients`), and nothing else for a referral that has any. A
 * referral placed without a single send was made before sends were recorded (since then an offer,
 * and so a placement, needs one), when every provider on its shortlist saw it: its shortlistings
 * count as its sends, each sent when first shortlisted. An unplaced referral without a send asked
 * nobody: a placement team that sends by hand may not have sent it yet, or ever.
 */
function sendsCounted(referralIds: string): string {
  return `SELECT referral_id, provider_id, sent_at FROM referral_recipients WHERE referral_id IN (${referralIds})
          UNION ALL
          SELECT s.referral_id, s.provider_id, s.first_shortlisted_at FROM referral_shortlistings s
           WHERE s.referral_id IN (${referralIds})
             AND EXISTS (SELECT 1 FROM placements p WHERE p.referral_id = s.referral_id)
             AND NOT EXISTS (SELECT 1 FROM referral_recipients sent WHERE sent.referral_id = s.referral_id)`;
}

/** Provider benchmarks for an alliance, computed from the raw tables. */
@Injectable()
export class ProviderBenchmarkRepository {
  constructor(private readonly dataSource: DataSource) {}

  forAlliance(allianceId: string): Promise<ProviderBenchmark[]> {
    return this.dataSource.query(
      `WITH las AS (SELECT local_authority_code FROM alliance_members WHERE alliance_id = $1),
            placed AS (
              SELECT p.*, s.placement_type FROM placements p JOIN settings s ON s.id = p.setting_id
               WHERE p.local_authority_code IN (SELECT local_authority_code FROM las)),
            medians AS (
              SELECT placement_type, percentile_cont(0.5) WITHIN GROUP (ORDER BY weekly_cost) AS median FROM placed GROUP BY placement_type),
            placement_figures AS (
              SELECT p.provider_id, count(*)::int AS placements,
                     count(*) FILTER (WHERE p.planned_ending = false)::int AS unplanned,
                     count(*) FILTER (WHERE ${firstYearKnown('p', TODAY_IN_ENGLAND)})::int AS first_years_known,
                     count(*) FILTER (WHERE ${earlyBreakdown('p')})::int AS early_breakdowns,
                     round(avg(p.weekly_cost))::int AS mean_cost,
                     round(avg(p.weekly_cost / m.median)::numeric, 4)::float8 AS cost_ratio
                FROM placed p JOIN medians m USING (placement_type) GROUP BY p.provider_id),
            outcome_figures AS (
              SELECT p.provider_id, count(*) FILTER (WHERE o.status = 'achieved')::int AS achieved,
                     count(*) FILTER (WHERE o.status IN ('achieved', 'not_achieved'))::int AS settled
                FROM placed p JOIN placement_outcomes o ON o.placement_id = p.id GROUP BY p.provider_id),
            alliance_referrals AS (
              SELECT id, created_at FROM referrals WHERE local_authority_code IN (SELECT local_authority_code FROM las)),
            answers AS (
              SELECT provider_id, referral_id, min(created_at) AS first_answer, bool_or(offered) AS offered
                FROM (SELECT provider_id, referral_id, created_at, true AS offered FROM offers
                      UNION ALL SELECT provider_id, referral_id, created_at, false FROM declines) a
               WHERE referral_id IN (SELECT id FROM alliance_referrals)
               GROUP BY provider_id, referral_id),
            sends AS (${sendsCounted('SELECT id FROM alliance_referrals')}),
            -- Each provider a referral reached: sent it, or answered it (so it saw it); at most one
            -- send per referral and provider, so the full join gives one row each.
            reached AS (
              SELECT provider_id, referral_id, coalesce(s.sent_at, sl.first_shortlisted_at, r.created_at) AS reached_at,
                     a.first_answer, a.offered
                FROM sends s FULL JOIN answers a USING (provider_id, referral_id)
                JOIN alliance_referrals r ON r.id = referral_id
                LEFT JOIN referral_shortlistings sl USING (referral_id, provider_id)),
            answer_figures AS (
              SELECT provider_id, count(*)::int AS reached, count(*) FILTER (WHERE offered)::int AS offered,
                     percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_answer - reached_at) / 3600)
                       FILTER (WHERE first_answer IS NOT NULL) AS median_hours
                FROM reached GROUP BY provider_id)
       SELECT pr.id AS "providerId", pr.name,
              coalesce(pf.placements, 0) AS placements, coalesce(pf.unplanned, 0) AS "unplannedEndings",
              ${stabilityRate('pf.first_years_known', 'pf.early_breakdowns')} AS "stabilityRate",
              ${rate('oc.achieved', 'oc.settled')} AS "outcomesAchievedRate",
              pf.mean_cost AS "meanWeeklyCost", pf.cost_ratio AS "costToTypeMedian",
              coalesce(af.reached, 0) AS "referralsShortlisted",
              ${rate('af.offered', 'af.reached')} AS "offerRate",
              round(af.median_hours::numeric, 2)::float8 AS "medianResponseHours"
         FROM providers pr
         LEFT JOIN placement_figures pf ON pf.provider_id = pr.id
         LEFT JOIN outcome_figures oc ON oc.provider_id = pr.id
         LEFT JOIN answer_figures af ON af.provider_id = pr.id
        WHERE pf.provider_id IS NOT NULL OR af.provider_id IS NOT NULL
        ORDER BY pr.name, pr.id`,
      [allianceId],
    );
  }
}
