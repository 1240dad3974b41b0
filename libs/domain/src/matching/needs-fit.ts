import type { PreparedReferral } from './prepared-referral';

/**
 * Needs fit, 0-1: how fully the setting supports each of the child's needs at the level needed.
 *
 * A need supported at level s when level r is needed scores min(s, r) / r (a level-3 need met at
 * level 2 is two-thirds met; a higher level than needed earns nothing extra); an essential need
 * weighs twice a non-essential one. A child with no stated needs is fully met by any setting.
 *
 * The weighted share is rounded DOWN to whole eighths ({@link NEEDS_FIT_STEPS}): a setting scores
 * full marks only if it meets every need in full, and any shortfall costs at least one step
 * (4.375 points at the default weight of 35). The steps are what let the cost rule hold exactly:
 * see `weights.ts`. Rounding down is monotone, so supporting one more need, or a need at a higher
 * level, never lowers the fit.
 */
export const NEEDS_FIT_STEPS = 8;
export const ESSENTIAL_NEED_WEIGHT = 2;

/** Reads the setting's supported levels from `prepared.supportedLevels` (see `loadSupportedLevels`). */
export function needsFit(prepared: PreparedReferral): number {
  const { requiredLevels, essential, supportedLevels } = prepared;
  if (requiredLevels.length === 0) return 1;
  // Integer arithmetic: 6 * min(s, r) / r is whole for r in 1-3, so the floor below is exact.
  let met = 0;
  let total = 0;
  for (let i = 0; i < requiredLevels.length; i++) {
    const required = requiredLevels[i];
    const weight = essential[i] === 1 ? ESSENTIAL_NEED_WEIGHT : 1;
    const supported = supportedLevels[i] < required ? supportedLevels[i] : required;
    met += (weight * 6 * supported) / required;
    total += weight * 6;
  }
  return Math.floor((NEEDS_FIT_STEPS * met) / total) / NEEDS_FIT_STEPS;
}
