import type { MatchingWeights, ScoreBreakdown } from './types';
import { WEIGHT_KEYS } from './weights';

export interface StoredShortlistItem {
  vacancyId: string;
  distanceMiles: number;
  breakdown: ScoreBreakdown;
}

/**
 * A stored item's score under other weights: each part's share of its old weight, times the new
 * weight. A part whose old weight was 0 has no share on record and counts as 0.
 */
export function rescore(breakdown: ScoreBreakdown, from: MatchingWeights, to: MatchingWeights): number {
  return WEIGHT_KEYS.reduce((score, key) => score + (from[key] > 0 ? (breakdown[key] / from[key]) * to[key] : 0), 0);
}

/** The first place of a stored shortlist under other weights: best score, then nearest, then vacancy id. */
export function firstPlace(items: readonly StoredShortlistItem[], from: MatchingWeights, to: MatchingWeights): string | null {
  let best: { vacancyId: string; score: number; distanceMiles: number } | null = null;
  for (const item of items) {
    const score = Math.round(rescore(item.breakdown, from, to) * 100) / 100;
    if (
      !best ||
      score > best.score ||
      (score === best.score && (item.distanceMiles < best.distanceMiles || (item.distanceMiles === best.distanceMiles && item.vacancyId < best.vacancyId)))
    ) {
      best = { vacancyId: item.vacancyId, score, distanceMiles: item.distanceMiles };
    }
  }
  return best?.vacancyId ?? null;
}

/**
 * What new weights would do to the alliance's current shortlists before they are saved: how many
 * of them would have another vacancy first. Reckoned on the stored shortlists (their top 50), so
 * a vacancy beyond them that the new weights would lift is not seen: an estimate, said as one.
 */
export function previewWeights(
  shortlists: readonly { referralId: string; items: readonly StoredShortlistItem[] }[],
  from: MatchingWeights,
  to: MatchingWeights,
): { referralsChecked: number; firstPlaceChanges: number } {
  let firstPlaceChanges = 0;
  let referralsChecked = 0;
  for (const shortlist of shortlists) {
    if (shortlist.items.length === 0) continue;
    referralsChecked++;
    if (firstPlace(shortlist.items, from, from) !== firstPlace(shortlist.items, from, to)) firstPlaceChanges++;
  }
  return { referralsChecked, firstPlaceChanges };
}
