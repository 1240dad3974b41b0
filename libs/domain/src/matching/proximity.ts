/**
 * Proximity, 0-1, in whole sixths ({@link PROXIMITY_STEPS}): a distance band plus a bonus for
 * staying inside the child's own (placing) LA. DfE counts both "placed outside the LA boundary" and
 * "more than 20 miles from home", so a setting inside the LA and within 20 miles scores top or
 * next to top, and each indicator missed costs about the same.
 *
 * | miles from home district | band | + inside own LA |
 * |---|---|---|
 * | up to 10 | 4/6 | 6/6 |
 * | up to 20 | 3/6 | 5/6 |
 * | up to 40 | 2/6 | 4/6 |
 * | up to 80 | 1/6 | 3/6 |
 * | further  | 0   | 2/6 |
 *
 * Bands rather than a smooth curve so that one step (4.17 points at the default weight of 25) is
 * worth more than cost can ever move a score: see `weights.ts`. Non-increasing in distance for a
 * given LA relation, so moving a setting closer never lowers it.
 */
export const PROXIMITY_STEPS = 6;
const OWN_LA_STEPS = 2;
/** Upper bound in miles (inclusive) of each band, nearest first; a band is worth (length - index) steps. */
export const PROXIMITY_BAND_MILES = [10, 20, 40, 80] as const;

export function proximityFit(miles: number, insideOwnLocalAuthority: boolean): number {
  let steps = 0;
  for (let i = 0; i < PROXIMITY_BAND_MILES.length; i++) {
    if (miles <= PROXIMITY_BAND_MILES[i]) {
      steps = PROXIMITY_BAND_MILES.length - i;
      break;
    }
  }
  if (insideOwnLocalAuthority) steps += OWN_LA_STEPS;
  return steps / PROXIMITY_STEPS;
}
