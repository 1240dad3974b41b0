import { compareSectors, sectorGroup, type BenchmarkSums } from './sector-comparison';

const provider = (sector: BenchmarkSums['sector'], sums: Partial<BenchmarkSums> = {}): BenchmarkSums => ({
  sector,
  placements: 0,
  weeklyCostSum: 0,
  ratings: 0,
  ratingSum: 0,
  endedPlacements: 0,
  plannedEndings: 0,
  endedCost: 0,
  endedOutcomesAchieved: 0,
  ...sums,
});

describe('compareSectors', () => {
  it('counts local authorities in-house, private and voluntary providers independent', () => {
    expect([sectorGroup('local_authority'), sectorGroup('private'), sectorGroup('voluntary')]).toEqual(['in_house', 'independent', 'independent']);
  });

  it("pools each group's placements, so a big provider weighs more than a small one", () => {
    const [inHouse, independent] = compareSectors([
      // 10 placements at 3,000 and one at 6,000: 36,000 / 11, not the providers' mean of 4,500.
      provider('local_authority', { placements: 10, weeklyCostSum: 30_000, ratings: 4, ratingSum: 18, endedPlacements: 4, plannedEndings: 3, endedCost: 48_000, endedOutcomesAchieved: 6 }),
      provider('local_authority', { placements: 1, weeklyCostSum: 6_000, ratings: 2, ratingSum: 3, endedPlacements: 1, plannedEndings: 0, endedCost: 12_000, endedOutcomesAchieved: 0 }),
      provider('private', { placements: 2, weeklyCostSum: 9_000, ratings: 1, ratingSum: 5, endedPlacements: 3, plannedEndings: 2, endedCost: 1_000, endedOutcomesAchieved: 3 }),
      provider('voluntary'),
    ]);
    expect(inHouse).toEqual({
      group: 'in_house',
      providers: 2,
      placements: 11,
      meanWeeklyCost: 3_273,
      averageRating: 3.5,
      costPerOutcomeAchieved: 10_000,
      plannedEndingRate: 0.6,
    });
    expect(independent).toEqual({
      group: 'independent',
      providers: 2,
      placements: 2,
      meanWeeklyCost: 4_500,
      averageRating: 5,
      costPerOutcomeAchieved: 333,
      plannedEndingRate: 0.6667,
    });
  });

  it('gives both groups, with no figures for an empty one', () => {
    expect(compareSectors([])).toEqual([
      { group: 'in_house', providers: 0, placements: 0, meanWeeklyCost: null, averageRating: null, costPerOutcomeAchieved: null, plannedEndingRate: null },
      { group: 'independent', providers: 0, placements: 0, meanWeeklyCost: null, averageRating: null, costPerOutcomeAchieved: null, plannedEndingRate: null },
    ]);
  });
});
