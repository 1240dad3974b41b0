import { distanceMiles, roundMiles } from './distance';
import { continuityFit } from './continuity';
import { costFit } from './cost';
import { needsFit } from './needs-fit';
import { loadSupportedLevels, prepareReferral, type PreparedReferral } from './prepared-referral';
import { proximityFit } from './proximity';
import { qualityFit } from './quality';
import type { MatchReferral, MatchVacancy, MatchingWeights, VacancyScore, ScoreBreakdown } from './types';
import { assertValidWeights } from './weights';

/**
 * The soft score: each part is its weight times a fit of 0-1 (see needs-fit.ts, proximity.ts,
 * quality.ts, continuity.ts, cost.ts), rounded DOWN to 2 dp, and the score is the sum of the
 * rounded parts. So the breakdown people are shown adds up to the score, and because no part can
 * exceed its weight and the weights sum to 100, neither can the score, even with weights such as
 * 33.335 that ordinary rounding would push over.
 */

/** Where each part sits in the `parts` buffer filled by {@link scoreInto}. */
const NEEDS = 0;
const PROXIMITY = 1;
const QUALITY = 2;
const CONTINUITY = 3;
const COST = 4;

/**
 * Scores any vacancy for the referral, eligible or not (ranking scores only eligible ones).
 * @throws DomainError (INVALID_INPUT) when the weights are not valid.
 */
export function scoreVacancy(referral: MatchReferral, vacancy: MatchVacancy, weights: MatchingWeights): VacancyScore {
  assertValidWeights(weights);
  const miles = distanceMiles(referral.child.home, vacancy.setting);
  const parts = new Float64Array(5);
  const score = scoreInto(prepareReferral(referral), vacancy, miles, weights, parts);
  return {
    score,
    distanceMiles: roundMiles(miles),
    breakdown: breakdownOf(parts),
  };
}

/** The five parts `scoreInto` wrote, as the breakdown users see. */
export function breakdownOf(parts: Float64Array): ScoreBreakdown {
  return {
    needs: parts[NEEDS],
    proximity: parts[PROXIMITY],
    quality: parts[QUALITY],
    continuity: parts[CONTINUITY],
    cost: parts[COST],
  };
}

/**
 * The hot-loop form: writes the five rounded parts into `parts` and returns the score. Weights
 * must already be valid; `miles` is the unrounded distance from the child's home.
 */
export function scoreInto(
  prepared: PreparedReferral,
  vacancy: MatchVacancy,
  miles: number,
  weights: MatchingWeights,
  parts: Float64Array,
): number {
  const { referral } = prepared;
  const setting = vacancy.setting;
  const settingLa = setting.localAuthorityCode;
  const insideOwnLa = settingLa !== null && settingLa === referral.localAuthorityCode;
  const insideHomeLa = settingLa !== null && settingLa === prepared.homeLocalAuthorityCode;
  loadSupportedLevels(prepared, setting.needsSupported);
  parts[NEEDS] = roundDownToHundredths(weights.needs * needsFit(prepared));
  parts[PROXIMITY] = roundDownToHundredths(weights.proximity * proximityFit(miles, insideOwnLa));
  parts[QUALITY] = roundDownToHundredths(weights.quality * qualityFit(setting.ofstedGrade, vacancy.providerStability));
  parts[CONTINUITY] = roundDownToHundredths(weights.continuity * continuityFit(miles, insideHomeLa));
  parts[COST] = roundDownToHundredths(weights.cost * costFit(vacancy.weeklyCost, referral.weeklyBudget));
  // The parts are whole hundredths; rounding their sum only clears binary noise (0.1 + 0.2).
  return Math.round((parts[NEEDS] + parts[PROXIMITY] + parts[QUALITY] + parts[CONTINUITY] + parts[COST]) * 100) / 100;
}

/**
 * Down to 2 dp. The 1e-6 (a millionth of a hundredth) keeps binary noise from knocking a
 * hundredth off: 25 x 0.58 x 100 is 1449.9999999999998 in floating point and must still give 14.5.
 */
function roundDownToHundredths(points: number): number {
  return Math.floor(points * 100 + 1e-6) / 100;
}
