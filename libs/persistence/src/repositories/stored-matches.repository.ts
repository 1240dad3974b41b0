import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ExclusionReason, OfstedGrade, RankedMatch, ScoreBreakdown, ReferralStatus } from '@app/domain';
import { poolOf } from './pool-client';

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

/** A referral's stored shortlist and exclusions, as the placing LA reads them. */
@Injectable()
export class StoredMatchesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The stored shortlist of a referral of the LA; null if the LA has no such referral. */
  async findMatches(referralId: string, localAuthorityCode: string): Promise<StoredMatches | null> {
    const { rows } = await poolOf(this.dataSource).query({
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
    const { rows } = await poolOf(this.dataSource).query({
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
}

function inContractOrder(breakdown: ScoreBreakdown): ScoreBreakdown {
  const { needs, proximity, quality, continuity, cost } = breakdown;
  return { needs, proximity, quality, continuity, cost };
}
