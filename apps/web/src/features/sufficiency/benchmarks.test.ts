import { describe, expect, it } from 'vitest';
import { barLengths, benchmarkQuery, benchmarkSearch, formatPounds, formatPoundsAWeek, formatRating, formatShare, gradeOrder, NO_DATA } from './benchmarks';

describe('benchmark filters in the address', () => {
  it('keeps the filters the api takes and drops the rest', () => {
    expect(benchmarkSearch({ placementType: 'K2', sector: 'in_house', la: 'E09000009' })).toEqual({ placementType: 'K2', sector: 'in_house', la: 'E09000009' });
    expect(benchmarkSearch({ placementType: 'K9', sector: 'charity', la: 'Ealing' })).toEqual({ placementType: undefined, sector: undefined, la: undefined });
  });

  it("names the LA filter as the api does, and leaves out the filters not set", () => {
    expect(benchmarkQuery('a1', { sector: 'independent', la: 'E09000005' })).toEqual({ allianceId: 'a1', sector: 'independent', localAuthorityCode: 'E09000005' });
    expect(benchmarkQuery('a1', {})).toEqual({ allianceId: 'a1' });
  });
});

describe('benchmark figures for people', () => {
  it('writes missing figures as "no data", never 0, and the rest in en-GB', () => {
    for (const format of [formatPounds, formatPoundsAWeek, formatRating, formatShare]) expect(format(null)).toBe(NO_DATA);
    expect(formatPounds(471_429)).toBe('£471,429');
    expect(formatPounds(0)).toBe('£0');
    expect(formatPoundsAWeek(5_750)).toBe('£5,750 a week');
    expect(formatRating(3.5)).toBe('3.5 out of 5');
    expect(formatRating(4)).toBe('4.0 out of 5');
    expect(formatShare(0.6667)).toBe('67%');
  });

  it('orders Ofsted grades best first, with no place for a home not yet inspected', () => {
    expect(['outstanding', 'good', 'requires_improvement', 'inadequate'].map(gradeOrder)).toEqual([1, 2, 3, 4]);
    expect(gradeOrder('not_yet_inspected')).toBeNull();
    expect(gradeOrder(null)).toBeNull();
  });
});

describe('two-bar comparisons', () => {
  it('draws money against the longer bar, ratings against 5 and shares against 100%', () => {
    expect(barLengths('meanWeeklyCost', [3_000, 6_000])).toEqual([50, 100]);
    expect(barLengths('averageRating', [4.5, null])).toEqual([90, null]);
    expect(barLengths('plannedEndingRate', [0.5, 0])).toEqual([50, 0]);
    expect(barLengths('costPerOutcomeAchieved', [0, 0])).toEqual([0, 0]);
  });
});
