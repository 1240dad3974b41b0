import { DomainError } from '../errors/domain-error';
import { continuityFit } from './continuity';
import { costFit } from './cost';
import { proximityFit } from './proximity';
import { qualityFit } from './quality';
import { scoreVacancy } from './score';
import { B1, HOUNSLOW, aReferral, aVacancy } from '../../test/matching-fixtures';
import { DEFAULT_WEIGHTS } from './weights';

describe('scoreVacancy', () => {
  it('gives full marks to a Good home in the child\'s own LA, 3 miles away, that meets every need within budget', () => {
    // Quality is the only part short of full: Good is 0.8 of the grade scale.
    expect(scoreVacancy(aReferral(), aVacancy(), DEFAULT_WEIGHTS)).toEqual({
      score: 96,
      distanceMiles: 3.1,
      breakdown: { needs: 35, proximity: 25, quality: 16, continuity: 10, cost: 10 },
    });
  });

  it('scores a far, over-budget, partial fit part by part', () => {
    const referral = aReferral({
      weeklyBudget: 4000,
      child: {
        needs: [
          { code: 'self-harm', level: 2, essential: true },
          { code: 'autism', level: 3, essential: false },
          { code: 'trauma', level: 1, essential: false },
        ],
      },
    });
    const vacancy = aVacancy({
      weeklyCost: 5000,
      providerStability: 0.9,
      setting: {
        ...B1,
        localAuthorityCode: 'E08000025',
        ofstedGrade: 'outstanding',
        needsSupported: [
          { code: 'self-harm', level: 2 },
          { code: 'autism', level: 1 },
        ],
      },
    });
    const { score, distanceMiles, breakdown } = scoreVacancy(referral, vacancy, DEFAULT_WEIGHTS);
    // Needs: (2 x 1 + 1 x 1/3 + 1 x 0) / 4 = 0.583 -> 4/8 -> 17.5.
    // Proximity: 93 miles, another LA -> 0. Quality: 0.6 x 1 + 0.4 x 0.9 = 0.96 -> 19.2.
    // Continuity: neither near nor in the home LA -> 0. Cost: 25% over -> loses half of 40% -> 8.
    expect(distanceMiles).toBe(93.3);
    expect(breakdown).toEqual({ needs: 17.5, proximity: 0, quality: 19.2, continuity: 0, cost: 8 });
    expect(score).toBe(44.7);
  });

  it('gives full needs marks to a child with no stated needs', () => {
    const referral = aReferral({ child: { needs: [] } });
    expect(scoreVacancy(referral, aVacancy({ setting: { needsSupported: [] } }), DEFAULT_WEIGHTS).breakdown.needs).toBe(35);
  });

  it('counts an essential need twice a non-essential one', () => {
    const needs = [
      { code: 'self-harm', level: 1, essential: true },
      { code: 'autism', level: 1, essential: false },
    ];
    const referral = aReferral({ child: { needs } });
    // Essential met, non-essential not: 2/3 -> 5/8. The other way round: 1/3 -> 2/8.
    const essentialMet = aVacancy({ setting: { needsSupported: [{ code: 'self-harm', level: 1 }] } });
    const otherMet = aVacancy({ setting: { needsSupported: [{ code: 'autism', level: 1 }] } });
    expect(scoreVacancy(referral, essentialMet, DEFAULT_WEIGHTS).breakdown.needs).toBe(21.87);
    expect(scoreVacancy(referral, otherMet, DEFAULT_WEIGHTS).breakdown.needs).toBe(8.75);
  });

  it('rounds each part down to 2 dp and the score is their sum', () => {
    const { score, breakdown } = scoreVacancy(aReferral(), aVacancy(), { needs: 33.335, proximity: 33.335, quality: 33.33, continuity: 0, cost: 0 });
    expect(breakdown.needs).toBe(33.33);
    expect(score).toBe(breakdown.needs + breakdown.proximity + breakdown.quality);
    expect(score).toBeLessThanOrEqual(100);
  });

  it('refuses weights that do not sum to 100', () => {
    expect(() => scoreVacancy(aReferral(), aVacancy(), { ...DEFAULT_WEIGHTS, cost: 11 })).toThrow(DomainError);
  });

  it('the cost rule, worst case: one needs step better outranks a cheaper home whatever the price', () => {
    // Needs weighing 8 in all, so a home short of one non-essential need scores 7/8: one step.
    const other = ['autism', 'trauma', 'ehcp', 'going-missing', 'mental-health', 'learning-disability'];
    const needs = [
      { code: 'self-harm', level: 2, essential: true },
      ...other.map((code) => ({ code, level: 1, essential: false })),
    ];
    const referral = aReferral({ weeklyBudget: 4000, child: { needs } });
    const supported = needs.map(({ code }) => ({ code, level: 3 }));
    const better = aVacancy({ weeklyCost: 1_000_000, setting: { needsSupported: supported } });
    const cheaperWorse = aVacancy({ weeklyCost: 100, setting: { needsSupported: supported.slice(0, -1) } });
    const a = scoreVacancy(referral, better, DEFAULT_WEIGHTS);
    const b = scoreVacancy(referral, cheaperWorse, DEFAULT_WEIGHTS);
    expect(a.breakdown.needs - b.breakdown.needs).toBeCloseTo(4.38, 2);
    expect(b.breakdown.cost - a.breakdown.cost).toBe(4);
    expect(a.score).toBeGreaterThan(b.score);
  });
});

describe('proximityFit', () => {
  it.each([
    [0, true, 6],
    [10, true, 6],
    [10.01, true, 5],
    [20, true, 5],
    [40, true, 4],
    [80, true, 3],
    [300, true, 2],
    [5, false, 4],
    [20, false, 3],
    [40, false, 2],
    [80, false, 1],
    [80.01, false, 0],
  ])('%f miles, inside own LA %s: %i/6', (miles, inside, sixths) => {
    expect(proximityFit(miles, inside)).toBe(sixths / 6);
  });
});

describe('qualityFit', () => {
  it.each([
    ['outstanding', null, 1],
    ['good', null, 0.8],
    ['not_yet_inspected', null, 0.6],
    ['requires_improvement', null, 0.4],
    ['inadequate', null, 0],
    ['good', 1, 0.88],
    ['good', 0.5, 0.68],
    ['outstanding', 0, 0.6],
    ['good', 1.7, 0.88],
  ] as const)('%s with stability %p: %f', (grade, stability, fit) => {
    expect(qualityFit(grade, stability)).toBeCloseTo(fit, 10);
  });
});

describe('continuityFit', () => {
  it.each([
    [3, true, 1],
    [15, true, 0.7],
    [30, true, 0.4],
    [3, false, 0.6],
    [15, false, 0.3],
    [30, false, 0],
  ])('%f miles, inside home LA %s: %f', (miles, inside, fit) => {
    expect(continuityFit(miles, inside)).toBeCloseTo(fit, 10);
  });

  it('uses the child\'s home LA, which may not be the placing LA', () => {
    const referral = aReferral({ child: { home: { latitude: 51.4687, longitude: -0.363329, localAuthorityCode: HOUNSLOW } } });
    const inHounslow = aVacancy({ setting: { latitude: 51.4687, longitude: -0.363329, localAuthorityCode: HOUNSLOW } });
    const { breakdown } = scoreVacancy(referral, inHounslow, DEFAULT_WEIGHTS);
    expect(breakdown.continuity).toBe(10);
    // Not inside the placing LA (Ealing): out of area, so no own-LA bonus for proximity.
    expect(breakdown.proximity).toBeCloseTo(16.66, 2);
  });
});

describe('costFit', () => {
  it.each([
    [4000, null, 1],
    [4000, 4000, 1],
    [3000, 4000, 1],
    [5000, 4000, 0.8],
    [6000, 4000, 0.6],
    [60000, 4000, 0.6],
    [1, 0, 0.6],
    [Number.NaN, 4000, 0.6],
  ])('cost %f against budget %p: %f', (cost, budget, fit) => {
    expect(costFit(cost, budget)).toBeCloseTo(fit, 10);
  });
});
