import type { OfstedGrade } from '../codes/ssda903';

/**
 * Quality, 0-1: the setting's Ofsted grade, blended with the provider's placement stability record
 * once it has one. A setting not yet inspected sits between Good and Requires Improvement: nothing
 * is known against it, but nothing has been verified either. Inadequate settings are excluded
 * before scoring; 0 keeps the scale honest if one is scored anyway.
 */
const OFSTED_GRADE_FIT: Readonly<Record<OfstedGrade, number>> = {
  outstanding: 1,
  good: 0.8,
  not_yet_inspected: 0.6,
  requires_improvement: 0.4,
  inadequate: 0,
};

/**
 * The grade leads (60%): it judges this setting. Stability (40%) is the provider's record across
 * all its settings, so it informs but does not dominate.
 */
const STABILITY_SHARE = 0.4;

/**
 * Fewest placements with a known first-year outcome (ended, or started at least a year ago) before
 * a provider's stability counts in its score. Below five, one breakdown swings the rate by 20 points
 * or more, so a new provider is judged on its Ofsted grade alone: neither punished nor rewarded by
 * its first placement or two.
 */
export const MIN_STABILITY_EVIDENCE = 5;

export function qualityFit(grade: OfstedGrade, providerStability: number | null): number {
  const gradeFit = OFSTED_GRADE_FIT[grade] ?? 0;
  if (providerStability === null || !Number.isFinite(providerStability)) return gradeFit;
  const stability = providerStability < 0 ? 0 : providerStability > 1 ? 1 : providerStability;
  return (1 - STABILITY_SHARE) * gradeFit + STABILITY_SHARE * stability;
}
