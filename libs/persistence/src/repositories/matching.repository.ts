import { Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import {
  ageInYears,
  checkEligibility,
  DEFAULT_AUTO_SEND_TOP_PROVIDERS,
  DEFAULT_VACANCY_STALE_DAYS,
  freshFrom,
  MIN_STABILITY_EVIDENCE,
  neededOn,
} from '@app/domain';
import type {
  ExclusionReason,
  Gender,
  LatLonBox,
  MatchingWeights,
  MatchReferral,
  MatchVacancy,
  OfstedGrade,
  RankedMatch,
  ScoreBreakdown,
  Urgency,
  VacancyExclusion,
} from '@app/domain';
import type { ReferralStatus } from '../entities';
import { earlyBreakdown, firstYearKnown, stabilityRate, TODAY_IN_ENGLAND } from './provider-benchmark.repository';
import { GREAT_CIRCLE_MILES } from './distance-sql';
import { ALERT_RECIPIENTS, SEND_TOP_PROVIDERS } from './recipients-sql';
import { poolOf, withClientTransaction } from './pool-client';
import { steeringAllianceOf } from './steering-alliance';

/** A referral claimed for matching, as the domain reads it, with its alliance's weights if set. */
export interface ClaimedReferral {
  referral: MatchReferral;
  weights: MatchingWeights | null;
  /** How many providers, best-ranked first, the shortlist is sent to: its LA's alliance's rule. */
  autoSendTopProviders: number;
}


/** Reads the open vacancies for one claimed referral, inside its matching transaction. */
export interface CandidateSource {
  /**
   * Open vacancies passing the hard constraints SQL can check on indexed columns (placement type,
   * age, availability, beds, emergency readiness, gender, rating), inside the box if one is given.
   * A superset of the eligible ones inside the box: the domain decides.
   */
  candidates(box: LatLonBox | null): Promise<MatchVacancy[]>;
  /**
   * The `limit` open vacancies nearest the child's home, any fit, ordered by the index's plane
   * distance (within 10% of great-circle miles across England; nothing else in the ORDER BY, or
   * the nearest-first GiST scan is lost); `reachMiles` is the last one's plane distance. Which of
   * several vacancies tied at exactly `reachMiles` come back is arbitrary; callers read past it.
   */
  nearest(limit: number): Promise<{ vacancies: MatchVacancy[]; reachMiles: number }>;
  /**
   * Every vacancy changed since `cursor` (a horizon from `loadOpenVacancies` or an earlier call),
   * inside this transaction; some seen before may come again.
   */
  changesSince(cursor: string): Promise<VacancyChangeBatch>;
}

/** Vacancies changed since a point in the change feed, any status, in change number order. */
export interface VacancyChangeBatch {
  /** `changeSeq` orders versions of one vacancy: the higher is the newer. */
  vacancies: { vacancy: MatchVacancy; changeSeq: string }[];
  /** Where the next read carries on: a transaction id, as text, that only ever grows. */
  cursor: string;
}

export interface MatchOutcome {
  matches: RankedMatch[];
  exclusions: VacancyExclusion[];
}

/** The provider of a listed vacancy, by name. */
export interface ListedProvider {
  id: string;
  name: string;
}

/** The setting of a listed vacancy as a placement team sees it: where by postcode district and its centroid, never the full postcode. */
export interface ListedSetting {
  id: string;
  name: string;
  placementType: string;
  ofstedGrade: OfstedGrade;
  /** True when the grade is Ofsted's, from the register by the setting's URN; false when only the provider declared it. */
  gradeVerified: boolean;
  postcodeDistrict: string;
  localAuthorityCode: string | null;
  latitude: number;
  longitude: number;
  /** What the home supports, so a shortlist can say "supports self-harm at level 3". */
  needsSupported: { code: string; level: number }[];
}

/** A listed vacancy with its provider and setting named, so a shortlist or a "why not" list can be read. */
export type WithPlace<T> = T & { provider: ListedProvider; setting: ListedSetting };

export interface StoredMatches {
  referralId: string;
  status: ReferralStatus;
  computedAt: Date | null;
  /** The last re-match failed: these are computedAt's results, kept so the child stays listed. */
  stale: boolean;
  items: WithPlace<RankedMatch>[];
}

export interface StoredExclusions {
  referralId: string;
  status: ReferralStatus;
  computedAt: Date | null;
  stale: boolean;
  items: WithPlace<{ vacancyId: string; distanceMiles: number; reasons: ExclusionReason[] }>[];
}

/** Where a referral stands after a matching run. */
export type MatchRunResult =
  | {
      outcome: 'matched';
      status: 'shortlisted' | 'no_match';
      matches: number;
      exclusions: number;
      /** Providers sent the referral by this run (not those sent it before). */
      sent: number;
      alerts: number;
    }
  /** Not in a state this run may match from (already matched, withdrawn, placed, unknown). */
  | { outcome: 'not_claimable' };

/**
 * Statuses a re-match claims from. `submitted` too: a re-match asked for while the first match
 * runs must wait for that run's row lock and then match again, and Postgres only waits for rows
 * its WHERE accepts in the version it first sees (still `submitted` until the first run commits).
 * Re-matching a referral whose first match has not started just matches it a little early.
 */
export const REMATCHABLE: readonly ReferralStatus[] = ['submitted', 'shortlisted', 'no_match', 'match_failed'];

/**
 * Longitude is scaled by cos(52.4°), the middle of England, in the GiST index on open vacancies'
 * locations; the expression here must match the index's exactly for the planner to use it.
 */
const PLANE_POINT = 'point(longitude * 0.61, latitude)';
const MILES_PER_DEGREE_OF_LATITUDE = 69.05;

/** A vacancy's columns as matching reads them (see toMatchVacancy); add `provider_stability` to the row. */
export const VACANCY_COLUMNS = `id, setting_id, provider_id, status, beds, available_from::text AS available_from,
  available_until::text AS available_until, weekly_cost, emergency_ready, reserved_for, placement_type, ofsted_grade,
  age_min, age_max, genders, needs_supported, needs_excluded, setting_local_authority_code, latitude, longitude,
  to_char(confirmed_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS confirmed_on`;

/**
 * The oldest transaction still running in this statement's snapshot, as a bigint in text: where a
 * reader of vacancy changes carries on (see `vacancies.change_xid` and `changesSince`).
 */
const CHANGE_HORIZON = `pg_snapshot_xmin(pg_current_snapshot())::text`;

/**
 * Per provider with enough evidence: its placement stability as the provider benchmarks define it,
 * over the placements whose first-year outcome is known (one that started last week and is still
 * running says nothing yet). `providers` is SQL yielding the provider ids wanted; null for all.
 */
function providerStability(providers: string | null): string {
  return `SELECT p.provider_id,
                 ${stabilityRate('count(*)', `count(*) FILTER (WHERE ${earlyBreakdown('p')})`)} AS provider_stability
            FROM placements p
           WHERE ${firstYearKnown('p', TODAY_IN_ENGLAND)}${providers === null ? '' : ` AND p.provider_id IN (${providers})`}
           GROUP BY p.provider_id
          HAVING count(*) >= ${MIN_STABILITY_EVIDENCE}`;
}

/**
 * The vacancies `vacancies` (SQL selecting at least VACANCY_COLUMNS), each with its provider's
 * stability (null without enough evidence), aggregated once per provider among them.
 */
function withProviderStability(vacancies: string, orderBy = ''): string {
  return `WITH v AS (${vacancies}),
               stability AS (${providerStability('SELECT provider_id FROM v')})
          SELECT v.*, stability.provider_stability FROM v LEFT JOIN stability USING (provider_id) ${orderBy}`;
}

export interface VacancyRow {
  id: string;
  setting_id: string;
  provider_id: string;
  status: MatchVacancy['status'];
  beds: number;
  available_from: string;
  available_until: string | null;
  weekly_cost: number;
  emergency_ready: boolean;
  reserved_for: MatchVacancy['reservedFor'];
  placement_type: string;
  ofsted_grade: MatchVacancy['setting']['ofstedGrade'];
  age_min: number;
  age_max: number;
  genders: string[];
  needs_supported: { code: string; level: number }[];
  needs_excluded: string[];
  setting_local_authority_code: string | null;
  latitude: number;
  longitude: number;
  confirmed_on: string;
  provider_stability: number | null;
}

/**
 * The provider and setting of the vacancy whose setting is `settingId`, joined onto a stored list
 * in the query that reads it (one query, not one per item). The location is the postcode
 * district's centroid, read from the districts, so no finer location can leave on this path.
 */
function placeJoins(settingId: string): string {
  return `LEFT JOIN settings s ON s.id = ${settingId}
          LEFT JOIN providers p ON p.id = s.provider_id
          LEFT JOIN postcode_districts d ON d.district = s.postcode_district`;
}

const PLACE_COLUMNS = `json_build_object('id', p.id, 'name', p.name) AS provider,
  json_build_object('id', s.id, 'name', s.name, 'placementType', s.placement_type, 'ofstedGrade', s.ofsted_grade,
                    'gradeVerified', s.ofsted_grade_source = 'register', 'postcodeDistrict', s.postcode_district, 'localAuthorityCode', s.local_authority_code,
                    'latitude', d.latitude, 'longitude', d.longitude, 'needsSupported', s.needs_supported) AS setting`;

/**
 * A referral's stored list, read as the referral LEFT JOIN its rows ordered by `key`: null when the
 * LA has no such referral, no items (a single row with a null key) before it has been matched.
 */
function storedList<T>(
  rows: Record<string, any>[],
  key: 'rank' | 'position',
  item: (row: Record<string, any>) => T,
): { referralId: string; status: ReferralStatus; computedAt: Date | null; stale: boolean; items: T[] } | null {
  if (rows.length === 0) return null;
  return {
    referralId: rows[0].referral_id,
    status: rows[0].status,
    computedAt: rows[0].matched_at,
    stale: rows[0].status === 'shortlisted' && rows[0].match_error !== null,
    items: rows.filter((row) => row[key] !== null).map(item),
  };
}

export function toMatchVacancy(row: VacancyRow): MatchVacancy {
  return {
    id: row.id,
    settingId: row.setting_id,
    providerId: row.provider_id,
    status: row.status,
    beds: row.beds,
    availableFrom: row.available_from,
    availableUntil: row.available_until,
    weeklyCost: row.weekly_cost,
    emergencyReady: row.emergency_ready,
    confirmedOn: row.confirmed_on,
    reservedFor: row.reserved_for,
    setting: {
      latitude: row.latitude,
      longitude: row.longitude,
      placementType: row.placement_type,
      ofstedGrade: row.ofsted_grade,
      ageMin: row.age_min,
      ageMax: row.age_max,
      genders: row.genders,
      needsSupported: row.needs_supported,
      needsExcluded: row.needs_excluded,
      localAuthorityCode: row.setting_local_authority_code,
    },
    providerStability: row.provider_stability,
  };
}

/**
 * A referral's columns as matching reads them (see toMatchReferral), from `referrals r` joined to
 * its child `c` and the child's home district `d`.
 */
export const MATCH_REFERRAL_COLUMNS = `r.id, r.urgency, r.required_by::text AS required_by, r.placement_types, r.max_distance_miles,
  r.weekly_budget, r.local_authority_code, c.date_of_birth::text AS date_of_birth, c.gender,
  c.legal_status, c.needs, c.sibling_group_size, d.latitude, d.longitude,
  d.local_authority_code AS home_local_authority_code`;

/**
 * A row of MATCH_REFERRAL_COLUMNS as the domain reads it, matched (or checked) on England's date
 * `today`, vacancies unconfirmed for `staleDays` counting as stale.
 */
export function toMatchReferral(row: Record<string, any>, today: string, staleDays: number = DEFAULT_VACANCY_STALE_DAYS): MatchReferral {
  return {
    id: row.id,
    urgency: row.urgency as Urgency,
    requiredBy: row.required_by,
    today,
    freshFrom: freshFrom(today, staleDays),
    placementTypes: row.placement_types,
    maxDistanceMiles: row.max_distance_miles,
    weeklyBudget: row.weekly_budget,
    localAuthorityCode: row.local_authority_code,
    child: {
      dateOfBirth: row.date_of_birth,
      gender: row.gender as Gender,
      legalStatus: row.legal_status,
      needs: row.needs,
      siblingGroupSize: row.sibling_group_size,
      home: {
        latitude: row.latitude,
        longitude: row.longitude,
        localAuthorityCode: row.home_local_authority_code,
      },
    },
  };
}

/**
 * Matching's reads and writes. A run is one transaction: the claim (a conditional UPDATE that also
 * row-locks the referral), the candidate reads, and the shortlist write. Two runs for one referral
 * therefore serialise on the row lock, and the second re-checks the status once the first commits;
 * a run whose process dies is rolled back by Postgres, leaving the referral as it was for the retry.
 * Statements are named, so each pooled connection plans them once.
 */
@Injectable()
export class MatchingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims the referral if its status is one of `from`, lets `compute` read candidates and rank
   * them, and stores the result with the status it implies, all in one transaction.
   */
  async run(
    referralId: string,
    from: readonly ReferralStatus[],
    compute: (claimed: ClaimedReferral, source: CandidateSource) => Promise<MatchOutcome> | MatchOutcome,
    /** Whether an emergency's shortlist alerts the providers it was sent to (delivered to their webhooks). */
    alertProviders = false,
    /** Days without confirmation after which a vacancy is stale (VACANCY_STALE_DAYS). */
    staleDays: number = DEFAULT_VACANCY_STALE_DAYS,
  ): Promise<MatchRunResult> {
    return withClientTransaction<MatchRunResult>(this.pool(), async (client) => {
      const claimed = await this.claim(client, referralId, from, staleDays);
      // Nothing claimed, nothing written: the transaction commits empty.
      if (!claimed) return { outcome: 'not_claimable' };
      const outcome = await compute(claimed, this.candidateSource(client, claimed.referral));
      const status = await this.store(client, referralId, outcome);
      await this.closeUnfitOffers(client, claimed.referral);
      const sent = status === 'shortlisted' ? await this.sendTopProviders(client, referralId, claimed.autoSendTopProviders) : 0;
      const alerts =
        alertProviders && claimed.referral.urgency === 'emergency' && status === 'shortlisted'
          ? await this.alertRecipients(client, referralId)
          : 0;
      return { outcome: 'matched', status, matches: outcome.matches.length, exclusions: outcome.exclusions.length, sent, alerts };
    });
  }

  /**
   * Every open vacancy, in batches, read in one snapshot; returns that snapshot's horizon (the
   * oldest transaction still running), from which `changesSince` carries on.
   */
  async loadOpenVacancies(batchSize: number, onBatch: (vacancies: MatchVacancy[]) => void): Promise<string> {
    return withClientTransaction(
      this.pool(),
      async (client) => {
        const { rows } = await client.query(`SELECT ${CHANGE_HORIZON} AS cursor`);
        // Every provider's stability once, in the same snapshot, rather than again for each batch.
        const stability = await client.query<{ provider_id: string; provider_stability: number | null }>(providerStability(null));
        const stabilityOf = new Map(stability.rows.map((row) => [row.provider_id, row.provider_stability]));
        let after = '00000000-0000-0000-0000-000000000000';
        for (;;) {
          const batch = await client.query<Omit<VacancyRow, 'provider_stability'>>({
            name: 'matching-load-open',
            text: `SELECT ${VACANCY_COLUMNS} FROM vacancies WHERE status = 'open' AND id > $1 ORDER BY id LIMIT $2`,
            values: [after, batchSize],
          });
          if (batch.rows.length > 0) {
            onBatch(batch.rows.map((row) => toMatchVacancy({ ...row, provider_stability: stabilityOf.get(row.provider_id) ?? null })));
          }
          if (batch.rows.length < batchSize) break;
          after = batch.rows[batch.rows.length - 1].id;
        }
        return rows[0].cursor;
      },
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    );
  }

  /**
   * Records that a referral's matching has given up. A referral never matched says `match_failed`;
   * a shortlisted one keeps its last shortlist, marked stale (`match_error` set), so the child stays
   * listed to providers and its offers stay acceptable while matching recovers.
   * `reason` is an error class or code, never a message that could carry personal data.
   */
  async markFailed(referralId: string, reason: string): Promise<boolean> {
    const { rowCount } = await this.pool().query(
      `UPDATE referrals SET status = CASE WHEN status = 'shortlisted' THEN 'shortlisted' ELSE 'match_failed' END,
              match_error = $2, updated_at = now()
        WHERE id = $1 AND status IN ('submitted', 'matching', 'shortlisted', 'no_match')`,
      [referralId, reason.slice(0, 200)],
    );
    return (rowCount ?? 0) > 0;
  }

  /**
   * Referrals awaiting placement (or their first match) whose shortlist a change to these vacancies could alter: those the
   * vacancy is on now, and those it could now be eligible for by type, age on the required date and
   * maximum distance (a loose great-circle check; the re-match itself is exact).
   */
  async referralsAffectedBy(vacancyIds: readonly string[]): Promise<{ id: string; urgency: string }[]> {
    const { rows } = await this.pool().query<{ id: string; urgency: string }>({
      name: 'matching-affected-referrals',
      text: `SELECT DISTINCT r.id, r.urgency
               FROM referrals r
               JOIN children c ON c.id = r.child_id
               JOIN postcode_districts d ON d.district = c.home_district
               JOIN vacancies v ON v.id = ANY($1::uuid[])
              -- submitted too: its first match may be running on data from before this change. The
              -- re-match's claim then waits for that run's row lock and matches again after it.
              WHERE r.status IN ('submitted', 'shortlisted', 'no_match', 'match_failed')
                AND (
                  EXISTS (SELECT 1 FROM referral_matches m WHERE m.referral_id = r.id AND m.vacancy_id = v.id)
                  OR (v.status = 'open'
                      AND v.placement_type = ANY(r.placement_types)
                      AND date_part('year', age(r.required_by, c.date_of_birth)) BETWEEN v.age_min AND v.age_max
                      AND (r.max_distance_miles IS NULL OR
                           ${GREAT_CIRCLE_MILES('d.latitude', 'd.longitude', 'v.latitude', 'v.longitude')} <= r.max_distance_miles + 1)))
              ORDER BY r.id`,
      values: [vacancyIds],
    });
    return rows;
  }

  /** The stored shortlist of a referral of the LA; null if the LA has no such referral. */
  async findMatches(referralId: string, localAuthorityCode: string): Promise<StoredMatches | null> {
    const { rows } = await this.pool().query({
      name: 'matching-read-matches',
      text: `SELECT r.id AS referral_id, r.status, r.matched_at, r.match_error, m.rank, m.vacancy_id, m.setting_id, m.provider_id,
                    m.score, m.distance_miles, m.weekly_cost, m.breakdown, ${PLACE_COLUMNS}
               FROM referrals r LEFT JOIN referral_matches m ON m.referral_id = r.id
               ${placeJoins('m.setting_id')}
              WHERE r.id = $1 AND r.local_authority_code = $2
              ORDER BY m.rank`,
      values: [referralId, localAuthorityCode],
    });
    return storedList(rows, 'rank', (row) => ({
      rank: row.rank,
      vacancyId: row.vacancy_id,
      settingId: row.setting_id,
      providerId: row.provider_id,
      score: row.score,
      distanceMiles: row.distance_miles,
      weeklyCost: row.weekly_cost,
      // jsonb keeps keys in its own order; answer in the contract's.
      breakdown: inContractOrder(row.breakdown as ScoreBreakdown),
      provider: row.provider,
      setting: row.setting,
    }));
  }

  /** The stored exclusions of a referral of the LA, nearest first; null if the LA has no such referral. */
  async findExclusions(referralId: string, localAuthorityCode: string): Promise<StoredExclusions | null> {
    const { rows } = await this.pool().query({
      name: 'matching-read-exclusions',
      text: `SELECT r.id AS referral_id, r.status, r.matched_at, r.match_error, e.position, e.vacancy_id, e.distance_miles, e.reasons,
                    ${PLACE_COLUMNS}
               FROM referrals r LEFT JOIN referral_exclusions e ON e.referral_id = r.id
               LEFT JOIN vacancies v ON v.id = e.vacancy_id
               ${placeJoins('v.setting_id')}
              WHERE r.id = $1 AND r.local_authority_code = $2
              ORDER BY e.position`,
      values: [referralId, localAuthorityCode],
    });
    return storedList(rows, 'position', (row) => ({
      vacancyId: row.vacancy_id,
      distanceMiles: row.distance_miles,
      reasons: row.reasons,
      provider: row.provider,
      setting: row.setting,
    }));
  }

  private async claim(
    client: PoolClient,
    referralId: string,
    from: readonly ReferralStatus[],
    staleDays: number,
  ): Promise<ClaimedReferral | null> {
    const { rows } = await client.query({
      name: 'matching-claim',
      // The UPDATE is the claim and takes the row lock; FROM brings the child and home district
      // back in the same round trip.
      text: `UPDATE referrals r SET status = 'matching', updated_at = now()
               FROM children c JOIN postcode_districts d ON d.district = c.home_district
              WHERE r.id = $1 AND r.status = ANY($2::text[]) AND c.id = r.child_id
          RETURNING ${MATCH_REFERRAL_COLUMNS},
                    to_char(now() AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS today,
                    (SELECT a.matching_weights FROM alliances a
                      WHERE a.id = ${steeringAllianceOf('r.local_authority_code')}) AS weights,
                    coalesce((SELECT a.auto_send_top_providers FROM alliances a
                               WHERE a.id = ${steeringAllianceOf('r.local_authority_code')}), $3) AS auto_send`,
      values: [referralId, from, DEFAULT_AUTO_SEND_TOP_PROVIDERS],
    });
    const row = rows[0];
    if (!row) return null;
    return {
      weights: row.weights,
      autoSendTopProviders: row.auto_send,
      referral: toMatchReferral(row, row.today, staleDays),
    };
  }

  private candidateSource(client: PoolClient, referral: MatchReferral): CandidateSource {
    const emergency = referral.urgency === 'emergency';
    const age = ageInYears(referral.child.dateOfBirth, referral.requiredBy);
    const filter = [
      referral.placementTypes,
      age,
      neededOn(referral),
      referral.child.siblingGroupSize,
      emergency,
      referral.child.gender,
      referral.freshFrom ?? null,
    ];
    // An emergency takes only beds confirmed lately: a stale one is not emergency-ready (libs/domain staleness).
    const conditions = `status = 'open' AND placement_type = ANY($1::text[]) AND age_min <= $2 AND age_max >= $2
      AND available_from <= $3::date AND (available_until IS NULL OR available_until >= $3::date)
      AND beds >= GREATEST($4::int, 1) AND $6::text = ANY(genders)
      AND (NOT $5::boolean OR (emergency_ready AND ($7::date IS NULL OR confirmed_at >= ($7::date::timestamp AT TIME ZONE 'Europe/London'))))
      AND ofsted_grade <> 'inadequate'`;
    const home = referral.child.home;
    return {
      candidates: async (box) => {
        const { rows } = box
          ? await client.query<VacancyRow>({
              name: 'matching-candidates-in-box',
              text: withProviderStability(`SELECT ${VACANCY_COLUMNS} FROM vacancies WHERE ${conditions}
                       AND latitude BETWEEN $8 AND $9 AND longitude BETWEEN $10 AND $11`),
              values: [...filter, box.minLatitude, box.maxLatitude, box.minLongitude, box.maxLongitude],
            })
          : await client.query<VacancyRow>({
              name: 'matching-candidates',
              text: withProviderStability(`SELECT ${VACANCY_COLUMNS} FROM vacancies WHERE ${conditions}`),
              values: filter,
            });
        return rows.map(toMatchVacancy);
      },
      changesSince: async (cursor) => {
        // Every transaction below the cursor had finished when it was taken, so none of them can
        // commit a change after it: a row this misses would have to come from a transaction at or
        // above it, which this reads. The new horizon comes from the same statement, so from the
        // same snapshot as the rows; the one row with no vacancy carries it when nothing changed.
        // Ordered by the number, not its text (by which '10' comes before '9').
        const { rows } = await client.query<(VacancyRow & { change_seq: string; horizon: string }) | { id: null; horizon: string }>({
          name: 'matching-changes-since',
          text: `SELECT changed.*, ${CHANGE_HORIZON} AS horizon
                   FROM (SELECT 1) AS one
                   LEFT JOIN (${withProviderStability(
                     `SELECT ${VACANCY_COLUMNS}, change_seq::text AS change_seq FROM vacancies WHERE change_xid >= $1::bigint`,
                   )}) AS changed ON true
                  ORDER BY changed.change_seq::bigint`,
          values: [cursor],
        });
        const changed = rows.filter((row): row is VacancyRow & { change_seq: string; horizon: string } => row.id !== null);
        return {
          vacancies: changed.map((row) => ({ vacancy: toMatchVacancy(row), changeSeq: row.change_seq })),
          cursor: rows[0].horizon,
        };
      },
      nearest: async (limit) => {
        const { rows } = await client.query<VacancyRow & { plane: number }>({
          name: 'matching-nearest',
          // The nearest-first scan stays alone in the inner query; stability joins the few it returns.
          text: withProviderStability(
            `SELECT ${VACANCY_COLUMNS}, ${PLANE_POINT} <-> point($1 * 0.61, $2) AS plane
               FROM vacancies WHERE status = 'open'
              ORDER BY ${PLANE_POINT} <-> point($1 * 0.61, $2) LIMIT $3`,
            'ORDER BY v.plane',
          ),
          values: [home.longitude, home.latitude, limit],
        });
        return {
          vacancies: rows.map(toMatchVacancy),
          reachMiles: rows.length > 0 ? rows[rows.length - 1].plane * MILES_PER_DEGREE_OF_LATITUDE : 0,
        };
      },
    };
  }

  /**
   * Closes the referral's open offers of vacancies that no longer meet its hard constraints (the
   * setting changed its ages, needs or reservations, the vacancy its dates, or it was filled or
   * withdrawn), each with its exclusion reasons: the placing team is not shown an offer it cannot
   * accept, and the provider sees why it closed. Runs under the referral's row lock, which
   * acceptance takes first too, and changes only offers still open, so a second run does nothing.
   */
  private async closeUnfitOffers(client: PoolClient, referral: MatchReferral): Promise<void> {
    const { rows } = await client.query<VacancyRow>({
      name: 'matching-offered-vacancies',
      text: `SELECT ${VACANCY_COLUMNS}, NULL::float8 AS provider_stability FROM vacancies
              WHERE id IN (SELECT vacancy_id FROM offers WHERE referral_id = $1 AND status = 'open')`,
      values: [referral.id],
    });
    const unfit = rows
      .map((row) => ({ vacancyId: row.id, reasons: checkEligibility(referral, toMatchVacancy(row)) }))
      .filter((offered) => offered.reasons.length > 0);
    if (unfit.length === 0) return;
    await client.query({
      name: 'matching-close-unfit-offers',
      text: `UPDATE offers o SET status = 'closed', closed_reasons = string_to_array(t.reasons, ','), updated_at = now()
               FROM unnest($2::uuid[], $3::text[]) AS t(vacancy_id, reasons)
              WHERE o.referral_id = $1 AND o.vacancy_id = t.vacancy_id AND o.status = 'open'`,
      values: [referral.id, unfit.map((u) => u.vacancyId), unfit.map((u) => u.reasons.join(','))],
    });
  }

  /**
   * The shortlist just stored goes to the `top` best-ranked distinct providers on it not sent it
   * before (a re-match that brings a provider into the top few sends to it; sends are never taken
   * back). Returns how many were sent it now.
   */
  private async sendTopProviders(client: PoolClient, referralId: string, top: number): Promise<number> {
    if (top === 0) return 0;
    const { rowCount } = await client.query({ name: 'matching-send-top', text: SEND_TOP_PROVIDERS, values: [referralId, top, null] });
    return rowCount ?? 0;
  }

  /**
   * An emergency's shortlist alerts the providers it was sent to: one notification per referral and
   * vacancy (a re-match adds only vacancies new to it), and a notify-provider outbox row for each
   * provider with a webhook, in the matching transaction, so an alert exists exactly when its
   * shortlist and send do. Returns how many deliveries were queued.
   */
  private async alertRecipients(client: PoolClient, referralId: string): Promise<number> {
    const { rowCount } = await client.query({
      name: 'matching-alert-recipients',
      text: ALERT_RECIPIENTS,
      values: [referralId],
    });
    return rowCount ?? 0;
  }

  /**
   * One statement: the new rows overwrite the old in place (upsert by rank and position), rows
   * past the new lengths go, the providers reached for the first time are recorded, and the
   * referral takes its status. The deletes touch only ranks the
   * inserts do not, so the parts of the statement never meet on a row.
   */
  private async store(client: PoolClient, referralId: string, outcome: MatchOutcome): Promise<'shortlisted' | 'no_match'> {
    const { matches, exclusions } = outcome;
    const status = matches.length > 0 ? 'shortlisted' : 'no_match';
    await client.query({
      name: 'matching-store',
      text: `WITH matches AS (
               INSERT INTO referral_matches (referral_id, rank, vacancy_id, setting_id, provider_id, score, distance_miles, weekly_cost, breakdown)
               SELECT $1, * FROM unnest($2::smallint[], $3::uuid[], $4::uuid[], $5::uuid[], $6::float8[], $7::float8[], $8::int[], $9::jsonb[])
               ON CONFLICT (referral_id, rank) DO UPDATE SET vacancy_id = EXCLUDED.vacancy_id, setting_id = EXCLUDED.setting_id,
                  provider_id = EXCLUDED.provider_id, score = EXCLUDED.score, distance_miles = EXCLUDED.distance_miles,
                  weekly_cost = EXCLUDED.weekly_cost, breakdown = EXCLUDED.breakdown),
             stale_matches AS (DELETE FROM referral_matches WHERE referral_id = $1 AND rank > cardinality($2::smallint[])),
             -- The providers this shortlist reaches, kept from their first time on it.
             reached AS (
               INSERT INTO referral_shortlistings (referral_id, provider_id)
               SELECT DISTINCT $1::uuid, p FROM unnest($5::uuid[]) AS p
               ON CONFLICT (referral_id, provider_id) DO NOTHING),
             exclusions AS (
               -- Reasons travel comma-joined: Postgres has no arrays of arrays of differing lengths.
               INSERT INTO referral_exclusions (referral_id, position, vacancy_id, distance_miles, reasons)
               SELECT $1, t.position, t.vacancy_id, t.distance_miles, string_to_array(t.reasons, ',')
                 FROM unnest($10::smallint[], $11::uuid[], $12::float8[], $13::text[]) AS t(position, vacancy_id, distance_miles, reasons)
               ON CONFLICT (referral_id, position) DO UPDATE SET vacancy_id = EXCLUDED.vacancy_id,
                  distance_miles = EXCLUDED.distance_miles, reasons = EXCLUDED.reasons),
             stale_exclusions AS (DELETE FROM referral_exclusions WHERE referral_id = $1 AND position > cardinality($10::smallint[]))
           UPDATE referrals SET status = $14, matched_at = now(), match_error = NULL, updated_at = now(),
                  shortlisted_at = CASE WHEN $14 = 'shortlisted' THEN now() ELSE shortlisted_at END
            WHERE id = $1`,
      values: [
        referralId,
        matches.map((m) => m.rank),
        matches.map((m) => m.vacancyId),
        matches.map((m) => m.settingId),
        matches.map((m) => m.providerId),
        matches.map((m) => m.score),
        matches.map((m) => m.distanceMiles),
        matches.map((m) => m.weeklyCost),
        matches.map((m) => JSON.stringify(m.breakdown)),
        exclusions.map((_, i) => i + 1),
        exclusions.map((e) => e.vacancyId),
        exclusions.map((e) => e.distanceMiles),
        exclusions.map((e) => e.reasons.join(',')),
        status,
      ],
    });
    return status;
  }

  private pool(): Pool {
    return poolOf(this.dataSource);
  }
}

function inContractOrder(breakdown: ScoreBreakdown): ScoreBreakdown {
  const { needs, proximity, quality, continuity, cost } = breakdown;
  return { needs, proximity, quality, continuity, cost };
}
