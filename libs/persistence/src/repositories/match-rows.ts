import { DEFAULT_VACANCY_STALE_DAYS, freshFrom, MIN_STABILITY_EVIDENCE } from '@app/domain';
import type { Gender, MatchReferral, MatchVacancy, Urgency } from '@app/domain';
import { earlyBreakdown, firstYearKnown, stabilityRate, TODAY_IN_ENGLAND } from './provider-benchmark.repository';

/**
 * Vacancies and referrals as matching reads them from Postgres: the columns, and the domain's
 * objects made from their rows. Matching's candidate reads, the vacancy feed and acceptance's
 * re-check all read them so.
 */

/** A vacancy's columns as matching reads them (see toMatchVacancy); add `provider_stability` to the row. */
export const VACANCY_COLUMNS = `id, setting_id, provider_id, status, beds, available_from::text AS available_from,
  available_until::text AS available_until, weekly_cost, emergency_ready, reserved_for, placement_type, ofsted_grade,
  age_min, age_max, genders, needs_supported, needs_excluded, setting_local_authority_code, latitude, longitude,
  to_char(confirmed_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS confirmed_on`;

/**
 * Per provider with enough evidence: its placement stability as the provider benchmarks define it,
 * over the placements whose first-year outcome is known (one that started last week and is still
 * running says nothing yet). `providers` is SQL yielding the provider ids wanted; null for all.
 */
export function providerStability(providers: string | null): string {
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
export function withProviderStability(vacancies: string, orderBy = ''): string {
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
