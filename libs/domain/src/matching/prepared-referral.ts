import { ageInYears } from '../age/age';
import { RADIANS } from './distance';
import type { MatchReferral } from './types';

/**
 * Everything about a referral that does not depend on the vacancy, worked out once so that
 * eligibility and scoring stay allocation-free across hundreds of thousands of candidates.
 * Treat it as private to one synchronous pass: `supportedLevels` is scratch space reused per vacancy.
 */
export interface PreparedReferral {
  readonly referral: MatchReferral;
  readonly isEmergency: boolean;
  /**
   * The date the vacancy must be available on: today for an emergency, else requiredBy, or today
   * once requiredBy has passed (a child still waiting needs a bed now, not on a day gone by).
   */
  readonly neededOn: string;
  /** See {@link MatchReferral.freshFrom}; null when nothing is stale. */
  readonly freshFrom: string | null;
  readonly ageOnRequiredBy: number;
  readonly placementTypes: ReadonlySet<string>;
  /** The child's home as `haversineMiles` takes its origin: in radians, with its latitude's cosine. */
  readonly homeLatRad: number;
  readonly homeLonRad: number;
  readonly homeCosLat: number;
  /** The LA whose services, school admissions and social worker the child already has. */
  readonly homeLocalAuthorityCode: string;
  /** Need code -> its index in the arrays below. */
  readonly needIndex: ReadonlyMap<string, number>;
  readonly requiredLevels: Uint8Array;
  readonly essential: Uint8Array;
  /** Scratch: the level the current vacancy's setting supports each need at (0 = not at all). */
  readonly supportedLevels: Uint8Array;
}

/** The day a vacancy must be available on for this referral: see {@link PreparedReferral.neededOn}. */
export function neededOn(referral: MatchReferral): string {
  if (referral.urgency === 'emergency') return referral.today;
  return referral.requiredBy < referral.today ? referral.today : referral.requiredBy;
}

export function prepareReferral(referral: MatchReferral): PreparedReferral {
  const needs = referral.child.needs;
  const needIndex = new Map<string, number>();
  const requiredLevels = new Uint8Array(needs.length);
  const essential = new Uint8Array(needs.length);
  let count = 0;
  for (const need of needs) {
    // A need stated twice counts once, at its highest level, essential if either says so.
    const seen = needIndex.get(need.code);
    const at = seen ?? count++;
    if (seen === undefined) needIndex.set(need.code, at);
    requiredLevels[at] = Math.max(requiredLevels[at], clampLevel(need.level));
    essential[at] = essential[at] || (need.essential ? 1 : 0);
  }
  const home = referral.child.home;
  return {
    referral,
    isEmergency: referral.urgency === 'emergency',
    neededOn: neededOn(referral),
    freshFrom: referral.freshFrom ?? null,
    ageOnRequiredBy: ageInYears(referral.child.dateOfBirth, referral.requiredBy),
    placementTypes: new Set(referral.placementTypes),
    homeLatRad: home.latitude * RADIANS,
    homeLonRad: home.longitude * RADIANS,
    homeCosLat: Math.cos(home.latitude * RADIANS),
    homeLocalAuthorityCode: home.localAuthorityCode ?? referral.localAuthorityCode,
    needIndex,
    requiredLevels: requiredLevels.subarray(0, count),
    essential: essential.subarray(0, count),
    supportedLevels: new Uint8Array(count),
  };
}

/** Levels are 1-3; a level outside that range is read as the nearest one. */
export function clampLevel(level: number): number {
  return level >= 3 ? 3 : level >= 2 ? 2 : 1;
}

/**
 * Fills `supportedLevels` with what the setting supports of each of the child's needs. One pass
 * over the setting's list with map look-ups: no arrays built, nothing searched twice.
 */
export function loadSupportedLevels(
  prepared: PreparedReferral,
  needsSupported: readonly { code: string; level: number }[],
): void {
  const supported = prepared.supportedLevels;
  supported.fill(0);
  for (let i = 0; i < needsSupported.length; i++) {
    const at = prepared.needIndex.get(needsSupported[i].code);
    if (at === undefined) continue;
    const level = needsSupported[i].level >= 1 ? clampLevel(needsSupported[i].level) : 0;
    if (level > supported[at]) supported[at] = level;
  }
}
