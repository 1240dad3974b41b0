import { ageInYears } from '@app/domain';
import type { Grade } from '../catalogue/types';
import { Prng } from '../deterministic';
import { isoOf } from './days';
import type { Ref } from './planned-referral';
import type { Reach } from './reach';
import type { Candidate, PoolSetting } from './setting-pool';
import { DISTANCE_CLASSES, type DistanceClass, type HistoryDistrict } from './types';

const GRADE_WEIGHT: Record<Grade, number> = {
  outstanding: 1.3,
  good: 1,
  requires_improvement: 0.6,
  inadequate: 0.08,
  not_yet_inspected: 0.8,
};

/**
 * A setting for each placed referral, in the order placements were made, so that a full setting
 * is passed over: of the referral's category and distance class from the child's home district
 * (chosen with the first placement), taking the child's age and gender, nearer and better graded
 * ones more likely, the borough's own foster carers first. Returns how many found none of their
 * class and went to another.
 */
export function chooseSettings(refs: Ref[], homes: Map<string, HistoryDistrict[]>, reach: Reach, rng: Prng): number {
  // Siblings placed together: one foster child in ten under 12 comes with a brother or sister.
  for (const r of refs) {
    const child = r.child;
    if (child.firstCategory) continue;
    child.firstCategory = r.category;
    if (r.category === 'foster' && ageInYears(child.dob, isoOf(r.day)) < 12 && rng.chance(0.1)) child.siblings = rng.chance(0.8) ? 2 : 3;
  }
  const occupied = new Map<string, number[]>();
  let misses = 0;
  const placed = refs.filter((r) => r.start !== null).sort((a, b) => a.start! - b.start! || a.day - b.day || a.key.localeCompare(b.key));
  for (const r of placed) {
    const category = r.category!;
    const age = ageInYears(r.child.dob, isoOf(r.start!));
    const wantedType = category === 'foster' ? (r.longTerm ? 'U4' : 'U6') : category === 'childrensHomes' ? (r.secure ? 'K1' : 'K2') : null;
    const fits = (p: PoolSetting, strict: boolean) =>
      !strict ||
      (p.setting.ageMin <= age &&
        p.setting.ageMax >= age &&
        p.setting.genders.includes(r.child.gender) &&
        p.setting.registeredPlaces >= r.child.siblings);
    const options = (district: HistoryDistrict, k: DistanceClass, strict: boolean) =>
      reach(district.district, category, k).filter(({ p }) => fits(p, strict));
    const districts = homes.get(r.la)!;
    let district = r.child.district;
    const tryClass = (k: DistanceClass): Candidate[] => {
      for (const strict of [true, false]) {
        if (district) {
          const here = options(district, k, strict);
          if (here.length) return here;
          continue;
        }
        const likely = rng.weighted(districts.map((d) => [d, d.activePostcodes] as const));
        const there = options(likely, k, strict);
        if (there.length) {
          district = likely;
          return there;
        }
        const usable = districts.filter((d) => options(d, k, strict).length > 0);
        if (usable.length) {
          district = rng.weighted(usable.map((d) => [d, d.activePostcodes] as const));
          return options(district, k, strict);
        }
      }
      return [];
    };
    let k = r.distanceClass!;
    let found = tryClass(k);
    if (!found.length) {
      misses += 1;
      for (const alternative of DISTANCE_CLASSES.filter((c) => c !== k)) {
        found = tryClass(alternative);
        if (found.length) {
          k = alternative;
          break;
        }
      }
    }
    if (!found.length) throw new Error(`no ${category} setting for referral ${r.key}`);
    r.child.district = district;
    r.distanceClass = k;
    const weights = found.map(({ p, d }) => {
      let live = 0;
      for (const end of occupied.get(p.setting.id) ?? []) if (end > r.start!) live += 1;
      const room = live < p.setting.registeredPlaces ? 1 : 0.04;
      const nearness = k === 'inArea' ? 1 : k === 'near' ? Math.exp(-d / 8) : Math.exp(-(d - 20) / 30);
      // Secure homes take only children on a secure order, and those go nowhere else if they can.
      const type =
        p.setting.placementType === wantedType ? (wantedType === 'K1' ? 200 : 3) : p.setting.placementType === 'K1' ? 0.01 : 1;
      const own = p.inHouseOf === r.la ? 2.5 : p.inHouseOf ? 0.3 : 1;
      const weight = Math.min(8, p.setting.registeredPlaces) * GRADE_WEIGHT[p.setting.ofstedGrade] * room * nearness * type * own;
      return [{ p, d }, weight] as const;
    });
    const chosen = rng.weighted(weights);
    // The nearest setting of each other provider, nearest first.
    const others: Candidate[] = [];
    const providersSeen = new Set([chosen.p.setting.providerId]);
    for (const candidate of [...found].sort((a, b) => a.d - b.d || a.p.setting.id.localeCompare(b.p.setting.id))) {
      if (others.length === SHORTLISTED_OTHERS_CONSIDERED) break;
      if (providersSeen.has(candidate.p.setting.providerId)) continue;
      providersSeen.add(candidate.p.setting.providerId);
      others.push(candidate);
    }
    r.chosen = { pool: chosen.p, miles: chosen.d, others };
    const ends = (occupied.get(chosen.p.setting.id) ?? []).filter((end) => end > r.start!);
    ends.push(r.end ?? Number.MAX_SAFE_INTEGER);
    occupied.set(chosen.p.setting.id, ends);
  }
  return misses;
}


/** Of the other providers that would have taken a placed child, how many nearest are kept as its shortlist's others. */
const SHORTLISTED_OTHERS_CONSIDERED = 12;
