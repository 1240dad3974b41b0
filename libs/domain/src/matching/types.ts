import type { Gender, OfstedGrade, Urgency } from '../codes/ssda903';

/**
 * The inputs and outputs of matching, as plain data. The worker builds the inputs from SQL rows;
 * dates are calendar dates `YYYY-MM-DD` (compared as strings, so they must be exactly that shape).
 */

export interface ChildNeed {
  code: string;
  /** 1-3, the level of support the child needs. */
  level: number;
  /** An essential need the setting does not support at this level excludes the vacancy. */
  essential: boolean;
}

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

export interface MatchReferral {
  id: string;
  urgency: Urgency;
  requiredBy: string;
  /** England's date when matching runs. */
  today: string;
  /**
   * Vacancies confirmed by their provider before this day are stale (see `staleness.ts`): ranked
   * below equally scored fresh ones and never emergency-ready. Absent or null: none is stale.
   */
  freshFrom?: string | null;
  /** SSDA903 placement types the LA accepts. */
  placementTypes: string[];
  maxDistanceMiles: number | null;
  weeklyBudget: number | null;
  /** The placing (responsible) LA, GSS code: "out of area" is measured against it. */
  localAuthorityCode: string;
  child: {
    dateOfBirth: string;
    gender: Gender;
    legalStatus: string;
    needs: ChildNeed[];
    siblingGroupSize: number;
    /** The centre of the child's home postcode district and the LA it lies in. */
    home: GeoPoint & { localAuthorityCode: string | null };
  };
}

export interface MatchVacancy {
  id: string;
  settingId: string;
  providerId: string;
  status: 'open' | 'filled' | 'withdrawn';
  beds: number;
  availableFrom: string;
  availableUntil: string | null;
  weeklyCost: number;
  emergencyReady: boolean;
  /** The day in England its provider last created, changed or confirmed it; absent: treated as fresh. */
  confirmedOn?: string;
  /** Each list given must be satisfied: by the child's legal status, by the placing LA. */
  reservedFor: { legalStatuses?: string[]; localAuthorityCodes?: string[] } | null;
  setting: GeoPoint & {
    placementType: string;
    ofstedGrade: OfstedGrade;
    ageMin: number;
    ageMax: number;
    genders: string[];
    needsSupported: { code: string; level: number }[];
    needsExcluded: string[];
    localAuthorityCode: string | null;
  };
  /**
   * Share of the provider's placements without an unplanned ending in the first 12 months, of those
   * whose first year is over or that have ended; null until enough of them are (MIN_STABILITY_EVIDENCE, quality.ts).
   */
  providerStability: number | null;
}

/** Points out of 100 for each part of the score; a commissioner sets them per alliance. */
export interface MatchingWeights {
  needs: number;
  proximity: number;
  quality: number;
  continuity: number;
  cost: number;
}

/** Every hard constraint, in the order reasons are reported. */
export const EXCLUSION_REASONS = [
  'TYPE_NOT_ACCEPTED',
  'AGE_OUT_OF_RANGE',
  'GENDER_NOT_ACCEPTED',
  'NEED_NOT_SUPPORTED',
  'NEED_EXCLUDED',
  'NOT_AVAILABLE_IN_TIME',
  'NOT_EMERGENCY_READY',
  'TOO_FAR',
  'INSUFFICIENT_BEDS',
  'INADEQUATE_RATING',
  'RESERVED',
  'NOT_OPEN',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** Points per part, each rounded down to 2 dp; they add up to the score. */
export type ScoreBreakdown = MatchingWeights;

export interface VacancyScore {
  /** 0-100, the sum of the breakdown. */
  score: number;
  /** Great-circle miles from the child's home district, to 1 dp. */
  distanceMiles: number;
  breakdown: ScoreBreakdown;
}

export interface RankedMatch {
  /** 1 for the best. */
  rank: number;
  vacancyId: string;
  settingId: string;
  providerId: string;
  score: number;
  distanceMiles: number;
  weeklyCost: number;
  breakdown: ScoreBreakdown;
}

export interface VacancyExclusion {
  vacancyId: string;
  distanceMiles: number;
  /** Every hard constraint the vacancy fails, never empty. Shared between exclusions: read only. */
  reasons: readonly ExclusionReason[];
}

export interface RankOptions {
  /** Most matches to return, best first. Default 50. */
  limit?: number;
  /** Most exclusions to return, nearest first. Default: all of them. */
  exclusionLimit?: number;
}

export interface RankResult {
  matches: RankedMatch[];
  exclusions: VacancyExclusion[];
}
