import { continuityFit } from './continuity';
import { proximityFit } from './proximity';
import type { MatchingWeights } from './types';

export interface BeyondOptions {
  /** Whether a vacancy that far away could still be inside the placing LA (default: yes). */
  placingLaPossible?: boolean;
  /** Whether it could still be inside the child's home LA (default: yes). */
  homeLaPossible?: boolean;
}

/**
 * The highest score any vacancy further than `miles` from the child's home can reach: full marks
 * for needs, quality and cost, and the best proximity and continuity that distance allows (with
 * the LA bonuses unless the caller knows no part of the LA lies that far out). Both parts are
 * non-increasing in distance, so a shortlist whose last place already scores above this bound
 * cannot be changed by anything further away, and the search can stop at `miles`.
 */
export function bestScoreBeyond(miles: number, weights: MatchingWeights, options: BeyondOptions = {}): number {
  const justBeyond = miles + 1e-9;
  return (
    weights.needs +
    weights.quality +
    weights.cost +
    weights.proximity * proximityFit(justBeyond, options.placingLaPossible ?? true) +
    weights.continuity * continuityFit(justBeyond, options.homeLaPossible ?? true)
  );
}
