import { continuityFit } from './continuity';
import { proximityFit } from './proximity';
import type { MatchingWeights } from './types';

/**
 * The highest score any vacancy further than `miles` from the child's home can reach: full marks
 * for needs, quality and cost, and the best proximity and continuity that distance allows (inside
 * the LA, since a large or distant LA can still contain it). Both parts are non-increasing in
 * distance, so a shortlist whose last place already scores above this bound cannot be changed by
 * anything further away, and the search can stop at `miles`.
 */
export function bestScoreBeyond(miles: number, weights: MatchingWeights): number {
  const justBeyond = miles + 1e-9;
  return (
    weights.needs +
    weights.quality +
    weights.cost +
    weights.proximity * proximityFit(justBeyond, true) +
    weights.continuity * continuityFit(justBeyond, true)
  );
}
