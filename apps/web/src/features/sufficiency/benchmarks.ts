import type { components } from '../../api/schema';
import { SETTING_PLACEMENT_TYPES } from '../../lib/words';

export type Benchmark = components['schemas']['ProviderBenchmarkResponse'];
export type SectorComparison = components['schemas']['SectorComparisonResponse'];
export type BenchmarkSector = components['schemas']['BenchmarkSector'];
type PlacementType = components['schemas']['PlacementType'];

/** What a missing figure reads as: never 0, which would be a figure. */
export const NO_DATA = 'no data';

/** The filter's choices, in the order the form lists them: the two groups first, then each sector. */
export const SECTOR_FILTER_WORDS: Record<BenchmarkSector, string> = {
  in_house: 'In-house (run by a local authority)',
  independent: 'Independent (private or voluntary)',
  private: 'Private',
  voluntary: 'Voluntary',
  local_authority: 'Local authority',
};
const SECTOR_FILTERS = Object.keys(SECTOR_FILTER_WORDS) as BenchmarkSector[];

/** A provider's sector in the table: in-house or independent first, as commissioners compare them. */
export const SECTOR_WORDS: Record<Benchmark['sector'], string> = {
  local_authority: 'In-house',
  private: 'Independent (private)',
  voluntary: 'Independent (voluntary)',
};

export const SECTOR_GROUP_WORDS: Record<SectorComparison['group'], string> = { in_house: 'In-house', independent: 'Independent' };

/** The filters as they stand in the page's address: `?placementType=K2&sector=in_house&la=E09000009`. */
export interface BenchmarkSearch {
  placementType?: PlacementType;
  sector?: BenchmarkSector;
  la?: string;
}

/** The filters of an address, each dropped when it is not one the api takes. */
export function benchmarkSearch(search: Record<string, unknown>): BenchmarkSearch {
  const { placementType, sector, la } = search;
  return {
    placementType: (SETTING_PLACEMENT_TYPES as readonly unknown[]).includes(placementType) ? (placementType as PlacementType) : undefined,
    sector: SECTOR_FILTERS.includes(sector as BenchmarkSector) ? (sector as BenchmarkSector) : undefined,
    la: typeof la === 'string' && /^E\d{8}$/.test(la) ? la : undefined,
  };
}

/** The api's query for the filters (its name for `la` is `localAuthorityCode`). */
export function benchmarkQuery(allianceId: string, search: BenchmarkSearch) {
  return {
    allianceId,
    ...(search.placementType ? { placementType: search.placementType } : {}),
    ...(search.sector ? { sector: search.sector } : {}),
    ...(search.la ? { localAuthorityCode: search.la } : {}),
  };
}

const WHOLE = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const RATING = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 2 });
const POUNDS = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
const PERCENT = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 0 });

const orNoData =
  <T>(format: (value: T) => string) =>
  (value: T | null | undefined) =>
    value === null || value === undefined ? NO_DATA : format(value);

export const formatPounds = orNoData((pounds: number) => POUNDS.format(pounds));
export const formatPoundsAWeek = orNoData((pounds: number) => `${POUNDS.format(pounds)} a week`);
export const formatShare = orNoData((rate: number) => PERCENT.format(rate));
export const formatRating = orNoData((rating: number) => `${RATING.format(rating)} out of 5`);
export const formatHours = orNoData((hours: number) => `${WHOLE.format(hours)} hours`);

/** Best first, so that sorting ascending puts the best grade on top; not yet inspected has no place. */
const GRADE_ORDER: Record<string, number> = { outstanding: 1, good: 2, requires_improvement: 3, inadequate: 4 };
export const gradeOrder = (grade: string | null) => (grade ? (GRADE_ORDER[grade] ?? null) : null);

/** The four measures set side by side for in-house against independent, with how each reads. */
export const COMPARISON_MEASURES = [
  { key: 'meanWeeklyCost', label: 'Average weekly cost', show: formatPoundsAWeek },
  { key: 'averageRating', label: 'Average end-of-placement rating', show: formatRating },
  { key: 'costPerOutcomeAchieved', label: 'Cost per outcome achieved', show: formatPounds },
  { key: 'plannedEndingRate', label: 'Share of placements ended well (as planned)', show: formatShare },
] as const satisfies readonly { key: keyof SectorComparison; label: string; show: (value: number | null) => string }[];

/**
 * Each group's bar as a share (0-100) of the longer one, for a two-bar comparison; null for a group
 * without the figure. Ratings are drawn against the scale's top (5), shares against 100%.
 */
export function barLengths(key: (typeof COMPARISON_MEASURES)[number]['key'], values: (number | null)[]): (number | null)[] {
  const top = key === 'averageRating' ? 5 : key === 'plannedEndingRate' ? 1 : Math.max(0, ...values.map((value) => value ?? 0));
  return values.map((value) => (value === null ? null : top > 0 ? Math.round((value / top) * 1000) / 10 : 0));
}
