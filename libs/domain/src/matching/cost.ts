/**
 * Cost, 0-1. Within budget (or no budget set) scores full. Over budget loses up to
 * {@link COST_MAX_LOSS} of the cost weight, in proportion to the overshoot, the whole of it at 50%
 * over. Never lower for a lower cost.
 *
 * Why only 40% of the weight can be lost: cost must never outweigh needs and proximity (DOMAIN.md).
 * At the default weights the most cost can move a score is 10 x 0.4 = 4 points, less than the
 * smallest step of needs (4.375) or proximity (4.17), so a better fit always outranks a cheaper one.
 * See `weights.ts` for the check and `matching.properties.spec.ts` for the proof by property.
 */
export const COST_MAX_LOSS = 0.4;
/** Overshoot of the budget (as a share of it) at which the whole loss applies. */
const COST_FULL_LOSS_OVERSHOOT = 0.5;

export function costFit(weeklyCost: number, weeklyBudget: number | null): number {
  if (weeklyBudget === null || weeklyCost <= weeklyBudget) return 1;
  if (weeklyBudget <= 0) return 1 - COST_MAX_LOSS;
  const overshoot = (weeklyCost - weeklyBudget) / weeklyBudget / COST_FULL_LOSS_OVERSHOOT;
  // Written so that a cost that is not a number loses the most rather than poisoning the score.
  return 1 - COST_MAX_LOSS * (overshoot < 1 ? overshoot : 1);
}
