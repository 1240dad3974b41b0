import type { ProviderSector } from '../codes/ssda903';

/** In-house provision is run by a local authority; independent is private or voluntary. */
export const SECTOR_GROUPS = ['in_house', 'independent'] as const;
export type SectorGroup = (typeof SECTOR_GROUPS)[number];

export const sectorGroup = (sector: ProviderSector): SectorGroup => (sector === 'local_authority' ? 'in_house' : 'independent');

/** The sums behind one provider's benchmark, which add up across providers where its rates do not. */
export interface BenchmarkSums {
  sector: ProviderSector;
  placements: number;
  /** Sum of its placements' weekly costs, whole pounds. */
  weeklyCostSum: number;
  ratings: number;
  ratingSum: number;
  endedPlacements: number;
  plannedEndings: number;
  /** What its ended placements cost in all (weekly cost x days placed / 7), pounds. */
  endedCost: number;
  /** Outcomes achieved in its ended placements. */
  endedOutcomesAchieved: number;
}

export interface SectorComparison {
  group: SectorGroup;
  providers: number;
  placements: number;
  /** Whole pounds a week, over all the group's placements; null without any. */
  meanWeeklyCost: number | null;
  /** 1-5 to 2 dp, over all the group's ratings; null without any. */
  averageRating: number | null;
  /** Whole pounds; null when its ended placements achieved no outcome. */
  costPerOutcomeAchieved: number | null;
  /** 0-1 to 4 dp; null when none of its placements has ended. */
  plannedEndingRate: number | null;
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;
const ratio = (part: number, whole: number, places: number) => (whole > 0 ? round(part / whole, places) : null);

/**
 * In-house against independent: each group's figures pooled over its providers' placements, so a
 * provider with many placements counts for more than one with a few (an average of the providers'
 * own averages would not). Both groups always, in the order of SECTOR_GROUPS.
 */
export function compareSectors(providers: readonly BenchmarkSums[]): SectorComparison[] {
  return SECTOR_GROUPS.map((group) => {
    const members = providers.filter((provider) => sectorGroup(provider.sector) === group);
    const total = (key: keyof Omit<BenchmarkSums, 'sector'>) => members.reduce((sum, provider) => sum + provider[key], 0);
    return {
      group,
      providers: members.length,
      placements: total('placements'),
      meanWeeklyCost: ratio(total('weeklyCostSum'), total('placements'), 0),
      averageRating: ratio(total('ratingSum'), total('ratings'), 2),
      costPerOutcomeAchieved: ratio(total('endedCost'), total('endedOutcomesAchieved'), 0),
      plannedEndingRate: ratio(total('plannedEndings'), total('endedPlacements'), 4),
    };
  });
}
