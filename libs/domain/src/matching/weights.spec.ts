import { DEFAULT_WEIGHTS, assertValidWeights, costCannotOutweighNeedsAndProximity, validateWeights } from './weights';
import type { MatchingWeights } from './types';

describe('validateWeights', () => {
  it('accepts the defaults, 35/25/20/10/10', () => {
    expect(DEFAULT_WEIGHTS).toEqual({ needs: 35, proximity: 25, quality: 20, continuity: 10, cost: 10 });
    expect(validateWeights(DEFAULT_WEIGHTS)).toEqual([]);
  });

  it.each([
    [{ needs: 100, proximity: 0, quality: 0, continuity: 0, cost: 0 }],
    [{ needs: 33.3, proximity: 33.3, quality: 33.4, continuity: 0, cost: 0 }],
    [{ needs: 0.1, proximity: 0.2, quality: 99.7, continuity: 0, cost: 0 }],
  ])('accepts %p', (weights) => {
    expect(validateWeights(weights)).toEqual([]);
  });

  it.each([
    ['a sum under 100', { ...DEFAULT_WEIGHTS, cost: 9 }, [{ field: 'weights', problem: 'must sum to 100 (they sum to 99)' }]],
    ['a sum over 100', { ...DEFAULT_WEIGHTS, cost: 10.5 }, [{ field: 'weights', problem: 'must sum to 100 (they sum to 100.5)' }]],
    ['a negative weight', { ...DEFAULT_WEIGHTS, cost: -10, needs: 55 }, [{ field: 'cost', problem: 'must be 0 or more' }]],
    ['not a number', { ...DEFAULT_WEIGHTS, quality: Number.NaN }, [{ field: 'quality', problem: 'must be a finite number' }]],
    ['infinite', { ...DEFAULT_WEIGHTS, needs: Number.POSITIVE_INFINITY }, [{ field: 'needs', problem: 'must be a finite number' }]],
    ['a string', { ...DEFAULT_WEIGHTS, proximity: '25' }, [{ field: 'proximity', problem: 'must be a finite number' }]],
    ['missing', { needs: 35, proximity: 25, quality: 20, cost: 10 }, [{ field: 'continuity', problem: 'must be a finite number' }]],
  ])('rejects %s', (_what, weights, problems) => {
    expect(validateWeights(weights as unknown as MatchingWeights)).toEqual(problems);
    expect(() => assertValidWeights(weights as unknown as MatchingWeights)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', details: problems }));
  });
});

describe('costCannotOutweighNeedsAndProximity', () => {
  it('holds for the defaults', () => {
    expect(costCannotOutweighNeedsAndProximity(DEFAULT_WEIGHTS)).toBe(true);
  });

  it('fails when cost can swing more than a needs or proximity step', () => {
    expect(costCannotOutweighNeedsAndProximity({ needs: 35, proximity: 25, quality: 10, continuity: 10, cost: 20 })).toBe(false);
    expect(costCannotOutweighNeedsAndProximity({ needs: 50, proximity: 10, quality: 20, continuity: 10, cost: 10 })).toBe(false);
  });

  it('has nothing to protect in a part with no weight', () => {
    expect(costCannotOutweighNeedsAndProximity({ needs: 60, proximity: 0, quality: 20, continuity: 10, cost: 10 })).toBe(true);
  });
});
