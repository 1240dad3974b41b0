import { bestScoreBeyond, type BeyondOptions } from './bounds';
import { boxAround, type LatLonBox } from './lat-lon-box';
import { PROXIMITY_BAND_MILES } from './proximity';
import type { GeoPoint, MatchingWeights } from './types';

/**
 * How matching searches outwards from the child's home: which circles it reads, in what order, and
 * when what it has found is final. Both candidate sources follow it (the worker's in-memory vacancy
 * index and, while that loads, Postgres), so either gives exactly what ranking every open vacancy
 * in the country would.
 */

/** One round of a search: the circle read around the child's home. */
export interface SearchRound {
  /** Its radius in miles; null: everywhere. */
  readonly miles: number | null;
  /** The fallback: what it finds is final, as nothing beyond it could be shown. */
  readonly last: boolean;
}

/**
 * Radii, in miles, searched for a shortlist before the fallback, nearest first: 5, then the
 * proximity bands' edges, 10, 20, 40 and 80 (the score drops a step past each, and beyond 80
 * proximity is at its floor), so each lowers the bound on what lies further out. 5 is no band
 * edge: past it the bound drops only when the search has also read the placing and home LAs
 * wherever they reach, so that nothing unread earns an LA bonus (the vacancy index does); without
 * that (the SQL search) a 5-mile round never settles.
 */
export const SEARCH_RADII_MILES = [5, ...PROXIMITY_BAND_MILES] as const;

/**
 * The rounds of a shortlist search: each of {@link SEARCH_RADII_MILES} inside the referral's
 * maximum distance, then the fallback, the maximum distance itself or, without one, everywhere.
 */
export function shortlistRounds(maxDistanceMiles: number | null): SearchRound[] {
  const rounds: SearchRound[] = [];
  for (const miles of SEARCH_RADII_MILES) {
    if (maxDistanceMiles !== null && miles >= maxDistanceMiles) break;
    rounds.push({ miles, last: false });
  }
  rounds.push({ miles: maxDistanceMiles, last: true });
  return rounds;
}

/**
 * Whether a round's shortlist (best first, ranked from everything inside its circle) is the
 * answer: the fallback's always is; an earlier one's once it holds `limit` matches and the last of
 * them scores above anything further away could ({@link bestScoreBeyond}, with `beyond` telling
 * what the search knows of the LAs out there).
 */
export function shortlistSettled(
  round: SearchRound,
  matches: readonly { score: number }[],
  limit: number,
  weights: MatchingWeights,
  beyond?: BeyondOptions,
): boolean {
  if (round.last || round.miles === null) return true;
  return matches.length === limit && matches[limit - 1].score > bestScoreBeyond(round.miles, weights, beyond);
}

/** A circle wider than this holds the whole Earth (half its circumference is 12,437 miles). */
const EVERYWHERE_MILES = 13_000;

/**
 * The rounds of a search for the nearest exclusions: a circle of one mile, doubling, then
 * everywhere. The exclusions are as dense as the vacancies, so the work follows how many vacancies
 * are near the child.
 */
export const EXCLUSION_ROUNDS: readonly SearchRound[] = (() => {
  const rounds: SearchRound[] = [];
  for (let miles = 1; miles <= EVERYWHERE_MILES; miles *= 2) rounds.push({ miles, last: false });
  rounds.push({ miles: null, last: true });
  return rounds;
})();

/**
 * Whether a round's nearest exclusions (nearest first, ranked from the vacancies inside its
 * circle) are the answer: the fallback's always are; an earlier one's once it holds `limit` and the
 * last lies inside the circle by more than its rounding, since anything outside lies beyond the
 * radius, so strictly after the last one shown (to 0.1 mile).
 */
export function exclusionsSettled(round: SearchRound, exclusions: readonly { distanceMiles: number }[], limit: number): boolean {
  if (round.last || round.miles === null) return true;
  return exclusions.length === limit && exclusions[limit - 1].distanceMiles + 0.05 <= round.miles;
}

/** The box to read for a round: around the child's home, or null for everywhere. */
export function searchBox(home: GeoPoint, round: SearchRound): LatLonBox | null {
  return round.miles === null ? null : boxAround(home, round.miles);
}
