import { distanceMiles } from '@app/domain';
import type { PlacementCategory } from '@app/reference-data';
import { ALLIANCE_LA_CODES, type LaInput } from '../catalogue/types';
import type { Candidate, PoolSetting } from './setting-pool';
import { type DistanceClass, type HistoryDistrict, MILES_MARGIN } from './types';

/** Home districts of each borough, weighted by live postcodes; far-flung misattributions left out. */
export function homeDistricts(districts: HistoryDistrict[], las: Map<string, LaInput>): Map<string, HistoryDistrict[]> {
  const homes = new Map<string, HistoryDistrict[]>();
  for (const code of ALLIANCE_LA_CODES) {
    const la = las.get(code)!;
    homes.set(
      code,
      districts
        .filter(
          (d) =>
            d.localAuthorityCode === code &&
            d.activePostcodes > 0 &&
            distanceMiles(la, d) <= 8,
        )
        .sort((a, b) => a.district.localeCompare(b.district)),
    );
  }
  return homes;
}

export type Reach = (district: string, category: PlacementCategory, k: DistanceClass) => Candidate[];

/**
 * The settings of each category and distance class from each home district, measured once, as the
 * service measures them (great circle from the district's centroid). Distances within
 * MILES_MARGIN of 20 miles belong to no class.
 */
export function reachability(homes: Map<string, HistoryDistrict[]>, pool: PoolSetting[]): Reach {
  const reachable = new Map<string, Candidate[]>();
  for (const [la, list] of homes) {
    for (const d of list) {
      for (const p of pool) {
        const distance = distanceMiles(d, p.setting);
        const k: DistanceClass | null =
          distance > 20 + MILES_MARGIN
            ? 'far'
            : distance > 20 - MILES_MARGIN
              ? null
              : p.setting.localAuthorityCode === la
                ? 'inArea'
                : 'near';
        if (!k) continue;
        const key = `${d.district}|${p.category}|${k}`;
        const entry = reachable.get(key) ?? [];
        entry.push({ p, d: distance });
        reachable.set(key, entry);
      }
    }
  }
  return (district, category, k) => reachable.get(`${district}|${category}|${k}`) ?? [];
}
