import { continuityFit } from './continuity';
import { costFit } from './cost';
import { haversineMiles } from './distance';
import { ESSENTIAL_NEED_WEIGHT } from './needs-fit';
import type { PreparedReferral } from './prepared-referral';
import { proximityFit } from './proximity';
import type { MatchingWeights } from './types';
import { NEED_AT, NEEDS, type VacancyColumns } from './vacancy-columns';

/** Bounds are counted in whole hundredths of a point: 0 to 100, and one more for rounding up. */
const TOP_BUCKET = 10_001;

/**
 * The candidate slots, highest bound first, with each one's bound: a cheap upper bound on the
 * slot's score from the typed columns (the same fits as the score, unrounded), in whole hundredths
 * rounded up, so never below the score. Bounds are small whole numbers, so a counting sort orders
 * the candidates in linear time.
 */
export function byScoreBound(
  columns: VacancyColumns,
  prepared: PreparedReferral,
  weights: MatchingWeights,
  slots: readonly number[],
): { order: Int32Array; bounds: Int32Array } {
  const { referral } = prepared;
  const placing = columns.laCodeOf(referral.localAuthorityCode);
  const homeLa = columns.laCodeOf(prepared.homeLocalAuthorityCode);
  const needs = needsBound(columns, prepared);
  const budget = referral.weeklyBudget;
  const { latitude, longitude, laCode, quality, cost } = columns;
  const buckets = new Int32Array(TOP_BUCKET + 1);
  const bucketOf = new Int32Array(slots.length);
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i];
    const miles = haversineMiles(prepared.homeLatRad, prepared.homeLonRad, prepared.homeCosLat, latitude[slot], longitude[slot]);
    const la = laCode[slot];
    const bound =
      weights.needs * needs(slot) +
      weights.quality * quality[slot] +
      weights.cost * costFit(cost[slot], budget) +
      weights.proximity * proximityFit(miles, la === placing) +
      weights.continuity * continuityFit(miles, la === homeLa);
    // Whole hundredths, rounded up (and a hair more for floating-point noise): never below the score.
    const bucket = Math.min(TOP_BUCKET, Math.max(0, Math.ceil(bound * 100 + 1e-6)));
    bucketOf[i] = bucket;
    buckets[bucket]++;
  }
  // Counting sort: the candidates in descending bucket order.
  const startOf = new Int32Array(TOP_BUCKET + 2);
  for (let bucket = TOP_BUCKET; bucket >= 0; bucket--) startOf[bucket] = startOf[bucket + 1] + buckets[bucket + 1];
  const order = new Int32Array(slots.length);
  const bounds = new Int32Array(slots.length);
  for (let i = 0; i < slots.length; i++) {
    const at = startOf[bucketOf[i]]++;
    order[at] = slots[i];
    bounds[at] = bucketOf[i];
  }
  return { order, bounds };
}

/**
 * The child's needs fit for a slot, from the typed levels, before rounding down to eighths. The
 * needs are the prepared referral's (a need stated twice counts once, at its highest level,
 * essential if either says so), weighed as `needsFit` weighs them.
 */
function needsBound(columns: VacancyColumns, prepared: PreparedReferral): (slot: number) => number {
  const at: number[] = [];
  const required: number[] = [];
  const weight: number[] = [];
  let total = 0;
  for (const [code, i] of prepared.needIndex) {
    at.push(NEED_AT.get(code) ?? -1);
    required.push(prepared.requiredLevels[i]);
    weight.push(prepared.essential[i] === 1 ? ESSENTIAL_NEED_WEIGHT : 1);
  }
  for (const w of weight) total += w;
  if (total === 0) return () => 1;
  const levels = columns.needLevels;
  return (slot) => {
    let met = 0;
    const base = slot * NEEDS;
    for (let i = 0; i < at.length; i++) {
      // A need outside the taxonomy cannot be read from the columns: count it as met.
      const supported = at[i] < 0 ? required[i] : Math.min(levels[base + at[i]], required[i]);
      met += (weight[i] * supported) / required[i];
    }
    return met / total;
  };
}
