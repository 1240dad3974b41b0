import { DomainError, DomainErrorCode, type FieldProblem } from '../errors/domain-error';
import { COST_MAX_LOSS } from './cost';
import { NEEDS_FIT_STEPS } from './needs-fit';
import { PROXIMITY_STEPS } from './proximity';
import type { MatchingWeights } from './types';

export const WEIGHT_KEYS: readonly (keyof MatchingWeights)[] = ['needs', 'proximity', 'quality', 'continuity', 'cost'];

/** The default model (DOMAIN.md): needs 35, proximity 25, quality 20, continuity 10, cost 10. */
export const DEFAULT_WEIGHTS: Readonly<MatchingWeights> = Object.freeze({
  needs: 35,
  proximity: 25,
  quality: 20,
  continuity: 10,
  cost: 10,
});

/**
 * Weights sum to 100 up to floating-point noise (33.3 + 33.3 + 33.4 is not exactly 100 in binary),
 * far below the 0.01 a score is shown to.
 */
const SUM_TOLERANCE = 1e-9;

/** What is wrong with the weights, field by field; empty when they are valid. */
export function validateWeights(weights: MatchingWeights): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const given = (weights ?? {}) as unknown as Record<string, unknown>;
  let sum = 0;
  for (const key of WEIGHT_KEYS) {
    const value = given[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.push({ field: key, problem: 'must be a finite number' });
    } else if (value < 0) {
      problems.push({ field: key, problem: 'must be 0 or more' });
    } else {
      sum += value;
    }
  }
  if (problems.length === 0 && Math.abs(sum - 100) > SUM_TOLERANCE) {
    problems.push({ field: 'weights', problem: `must sum to 100 (they sum to ${sum})` });
  }
  return problems;
}

export function assertValidWeights(weights: MatchingWeights): void {
  const problems = validateWeights(weights);
  if (problems.length > 0) throw new DomainError(DomainErrorCode.InvalidInput, 'Validation failed', problems);
}

/**
 * The cost rule: "a vacancy that fits needs and distance worse can never outrank a better one
 * through price alone". With continuous needs and proximity scores any tiny advantage could be
 * bought back by a cheaper price, so needs and proximity are scored in steps (eighths and sixths of
 * their weights) and cost can move a score by at most COST_MAX_LOSS of its weight. The rule then
 * holds exactly whenever that swing, plus 0.02 for the parts being rounded down to 2 dp, is below
 * the smallest step. True for the default weights (4 points against 4.17); a commissioner's
 * weights may break it (cost 20 can swing 8 points), which the api can warn about.
 */
export function costCannotOutweighNeedsAndProximity(weights: MatchingWeights): boolean {
  const costSwing = weights.cost * COST_MAX_LOSS + 0.02;
  const needsStep = weights.needs / NEEDS_FIT_STEPS;
  const proximityStep = weights.proximity / PROXIMITY_STEPS;
  // A part with no weight never differs between vacancies, so it has no step to protect.
  return (weights.needs === 0 || needsStep > costSwing) && (weights.proximity === 0 || proximityStep > costSwing);
}
