import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { compareSectors, type BenchmarkSums, type OfstedGrade, type ProviderSector, type SectorComparison, SETTLED_OUTCOMES } from '@app/domain';
import { outcomeStatus } from './status-sql';

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
  sector: ProviderSector;
  /**
   * Its settings that concern the alliance: those in the alliance's LAs, and any other where the
   * alliance's children were placed with it. Their placement types, sorted.
   */
  placementTypes: string[];
  /** The LAs those settings are in, sorted (GSS codes). */
  localAuthorityCodes: string[];
  /**
   * The worst grade of those settings (inadequate, then requires improvement, good, outstanding);
   * not_yet_inspected only when none has been inspected; null without any such setting.
   */
  ofstedGrade: OfstedGrade | null;
  /** End-of-placement feedback ratings (1-5) given for its placements of the alliance's children. */
  ratings: number;
  /** Their mean, to 2 dp; null without any. */
  averageRating: number | null;
  /** Its placements of the alliance's children that have ended. */
  endedPlacements: number;
  /** Share of those that ended as planned (not a breakdown), to 4 dp; null if none has ended. */
  plannedEndingRate: number | null;
  /** SMART outcomes achieved in its ended placements. */
  endedOutcomesAchieved: number;
  /**
   * What its ended placements cost in all (each its weekly cost x the days from its start to its
   * end / 7) over the outcomes achieved in them, whole pounds; null when they achieved none.
   */
  costPerOutcomeAchieved: number | null;
}

/** Which providers to benchmark; every filter is optional. */
export interface BenchmarkFilter {
  /** A setting of this placement type among those that concern the alliance. */
  placementType?: string;
  /** Of one of these sectors. */
  sectors?: readonly ProviderSector[];
  /** A setting in this LA among those that concern the alliance. */
  localAuthorityCode?: string;
}

export interface BenchmarkReport {
  items: ProviderBenchmark[];
  /** In-house against independent, over the providers in `items`. */
  sectors: SectorComparison[];
}

type BenchmarkRow = ProviderBenchmark & { sums: Omit<BenchmarkSums, 'sector'> };

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

/** Worst first: an Ofsted grade's place when a provider's settings are summed up by their worst. */
const GRADE_RANK = `CASE s.ofsted_grade WHEN 'inadequate' THEN 1 WHEN 'requires_improvement' THEN 2 WHEN 'good' THEN 3
                      WHEN 'outstanding' THEN 4 ELSE 5 END`;

/** Provider benchmarks for an alliance, computed from the raw tables. */
@Injectable()
export class ProviderBenchmarkRepository {
  constructor(private readonly dataSource: DataSource) {}

  async forAlliance(allianceId: string, filter: BenchmarkFilter = {}): Promise<ProviderBenchmark[]> {
    return (await this.report(allianceId, filter)).items;
  }

  /** The providers' benchmarks, filtered, and in-house against independent over them: one statement. */
  async report(allianceId: string, filter: BenchmarkFilter = {}): Promise<BenchmarkReport> {
    const rows: BenchmarkRow[] = await this.dataSource.query(
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
                     round(avg(p.weekly_cost / m.median)::numeric, 4)::float8 AS cost_ratio,
                     sum(p.weekly_cost)::float8 AS cost_sum,
                     count(*) FILTER (WHERE p.ended_on IS NOT NULL)::int AS ended,
                     count(*) FILTER (WHERE p.planned_ending)::int AS planned,
                     coalesce(sum(p.weekly_cost * (p.ended_on - p.start_date) / 7.0) FILTER (WHERE p.ended_on IS NOT NULL), 0)::float8 AS ended_cost
                FROM placed p JOIN medians m USING (placement_type) GROUP BY p.provider_id),
            outcome_figures AS (
              SELECT p.provider_id, count(*) FILTER (WHERE o.status = ${outcomeStatus('achieved')})::int AS achieved,
                     count(*) FILTER (WHERE o.status = ANY($5::text[]))::int AS settled,
                     count(*) FILTER (WHERE o.status = ${outcomeStatus('achieved')} AND p.ended_on IS NOT NULL)::int AS ended_achieved
                FROM placed p JOIN placement_outcomes o ON o.placement_id = p.id GROUP BY p.provider_id),
            feedback_figures AS (
              SELECT p.provider_id, count(*)::int AS ratings, sum(f.rating)::int AS rating_sum
                FROM placed p JOIN placement_feedback f ON f.placement_id = p.id GROUP BY p.provider_id),
            -- The settings that concern the alliance: in its LAs, or holding (or having held) its children.
            setting_figures AS (
              SELECT s.provider_id, array_agg(DISTINCT s.placement_type ORDER BY s.placement_type) AS types,
                     coalesce(array_agg(DISTINCT s.local_authority_code ORDER BY s.local_authority_code)
                                FILTER (WHERE s.local_authority_code IS NOT NULL), '{}') AS las,
                     (array_agg(s.ofsted_grade ORDER BY ${GRADE_RANK}))[1] AS worst_grade
                FROM settings s
               WHERE s.local_authority_code IN (SELECT local_authority_code FROM las) OR s.id IN (SELECT setting_id FROM placed)
               GROUP BY s.provider_id),
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
              round(af.median_hours::numeric, 2)::float8 AS "medianResponseHours",
              pr.sector, coalesce(sf.types, '{}') AS "placementTypes", coalesce(sf.las, '{}') AS "localAuthorityCodes",
              sf.worst_grade AS "ofstedGrade", coalesce(ff.ratings, 0) AS ratings,
              CASE WHEN ff.ratings > 0 THEN round(ff.rating_sum::numeric / ff.ratings, 2)::float8 END AS "averageRating",
              coalesce(pf.ended, 0) AS "endedPlacements", ${rate('pf.planned', 'pf.ended')} AS "plannedEndingRate",
              coalesce(oc.ended_achieved, 0) AS "endedOutcomesAchieved",
              CASE WHEN oc.ended_achieved > 0 THEN round(pf.ended_cost::numeric / oc.ended_achieved)::int END AS "costPerOutcomeAchieved",
              json_build_object('placements', coalesce(pf.placements, 0), 'weeklyCostSum', coalesce(pf.cost_sum, 0),
                                'ratings', coalesce(ff.ratings, 0), 'ratingSum', coalesce(ff.rating_sum, 0),
                                'endedPlacements', coalesce(pf.ended, 0), 'plannedEndings', coalesce(pf.planned, 0),
                                'endedCost', coalesce(pf.ended_cost, 0), 'endedOutcomesAchieved', coalesce(oc.ended_achieved, 0)) AS sums
         FROM providers pr
         LEFT JOIN placement_figures pf ON pf.provider_id = pr.id
         LEFT JOIN outcome_figures oc ON oc.provider_id = pr.id
         LEFT JOIN answer_figures af ON af.provider_id = pr.id
         LEFT JOIN feedback_figures ff ON ff.provider_id = pr.id
         LEFT JOIN setting_figures sf ON sf.provider_id = pr.id
        WHERE (pf.provider_id IS NOT NULL OR af.provider_id IS NOT NULL)
          AND ($2::text IS NULL OR $2 = ANY(sf.types))
          AND ($3::text[] IS NULL OR pr.sector = ANY($3))
          AND ($4::text IS NULL OR $4 = ANY(sf.las))
        ORDER BY pr.name, pr.id`,
      [allianceId, filter.placementType ?? null, filter.sectors ?? null, filter.localAuthorityCode ?? null, SETTLED_OUTCOMES],
    );
    const items = rows.map(({ sums: _sums, ...item }) => item);
    return { items, sectors: compareSectors(rows.map((row) => ({ ...row.sums, sector: row.sector }))) };
  }
}
