import { ageInYears } from '@app/domain';
import type { ClaCalibration, PlacementCategory } from '@app/reference-data';
import { Prng, shuffle } from '../deterministic';
import { isoOf } from './days';
import type { Period, Ref } from './planned-referral';
import { apportion, fitTable } from './quotas';
import { DISTANCE_CLASSES, type DistanceClass } from './types';

/** Who may be placed where, by age on the day of the referral. */
const ELIGIBLE: Record<PlacementCategory, (age: number) => boolean> = {
  supportedAccommodation: (age) => age >= 16 && age <= 17,
  otherResidential: (age) => age === 0 || (age >= 15 && age <= 17),
  residentialSchools: (age) => age >= 7 && age <= 17,
  childrensHomes: (age) => age >= 9 && age <= 17,
  foster: (age) => age >= 0 && age <= 17,
};
export const FILL_ORDER: PlacementCategory[] = [
  'supportedAccommodation',
  'otherResidential',
  'residentialSchools',
  'childrensHomes',
  'foster',
];


/**
 * Each placed referral's category, by quota from the DfE mix: the categories with an age limit
 * first, from the referrals of children old (or young) enough, foster care the rest. An emergency
 * and its step-down share one (the step-down copies the emergency's placement types).
 */
export function assignCategories(refs: Ref[], calibration: ClaCalibration, rng: Prng): void {
  const placed = refs.filter((r) => r.start !== null);
  const left = apportion(placed.length, calibration.placementMix);
  const units = shuffle([...new Set(refs.map((r) => r.unit))], rng);
  for (const category of FILL_ORDER) {
    for (const unit of units) {
      if (left[category] === 0) break;
      if (unit[0].category) continue;
      const weight = unit.filter((r) => r.start !== null).length;
      if (weight === 0 || weight > left[category]) continue;
      if (!unit.every((r) => ELIGIBLE[category](ageInYears(r.child.dob, isoOf(r.day))))) continue;
      for (const r of unit) r.category = category;
      left[category] -= weight;
    }
  }
  for (const unit of units) {
    if (unit[0].category) continue;
    // Withdrawn before placement: the kind of placement they were asked for, by the same mix.
    const age = ageInYears(unit[0].child.dob, isoOf(unit[0].day));
    const category = rng.weighted(FILL_ORDER.map((c) => [c, ELIGIBLE[c](age) ? calibration.placementMix[c] : 0] as const));
    for (const r of unit) r.category = category;
  }
}

/** Each placed referral's distance class, by quota within its category from a table fitted to the DfE shares. */
export function assignDistanceClasses(
  refs: Ref[],
  calibration: ClaCalibration,
  feasible: (c: PlacementCategory, k: DistanceClass) => boolean,
  period: Period,
  rng: Prng,
): void {
  const placed = refs.filter((r) => r.start !== null);
  const classes = apportion(placed.length, {
    inArea: 1 - calibration.outsideLaShare,
    near: calibration.outsideLaShare - calibration.over20MilesShare,
    far: calibration.over20MilesShare,
  });
  const byCategory = Object.fromEntries(FILL_ORDER.map((c) => [c, placed.filter((r) => r.category === c).length])) as Record<
    PlacementCategory,
    number
  >;
  const table = fitTable(byCategory, classes, feasible);
  for (const category of FILL_ORDER) {
    const list = shuffle(
      placed.filter((r) => r.category === category),
      rng,
    );
    let i = 0;
    for (const k of DISTANCE_CLASSES) for (let j = 0; j < table[category][k]; j += 1) list[i++].distanceClass = k;
  }
  // A few children's home placements are secure (welfare) ones; planned foster placements that
  // last a year or more are long-term fostering.
  for (const r of placed) {
    const age = ageInYears(r.child.dob, isoOf(r.day));
    r.secure = r.category === 'childrensHomes' && age >= 12 && rng.chance(0.04);
    r.longTerm = r.urgency === 'planned' && age >= 5 && (r.end ?? period.toDay) - r.start! >= 365;
  }
  for (const r of refs) r.secure = r.unit[0].secure;
}
