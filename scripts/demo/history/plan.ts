/**
 * Three years of history for the West London Alliance demo: children, referrals, the offers and
 * placements that answered them, and endings with SSDA903 reasons. Pure and deterministic, like
 * the catalogue (demo-plan.ts): the same inputs and anchor day give the same rows and ids.
 *
 * Calibrated on the DfE's children looked after figures for each borough (libs/reference-data,
 * dfe-cla.ts): children starting to be looked after per reporting year set the volume; the mix of
 * placement types, the share placed outside the borough and the share placed more than 20 miles
 * from home are met exactly, by quota, over the placements the history makes, so that the
 * sufficiency the service computes for the three years gives back the DfE shares.
 *
 * What happens to a child: a referral on the day they start to be looked after (one in twenty is
 * withdrawn before a placement is found: the child went home); a placement days or weeks later
 * (the same day for an emergency); an emergency placement is a bridge, followed by the planned
 * step-down referral the product opens and a move a month later; placements end in a breakdown
 * (unplanned) or a planned move, each move a new referral for the same child; the last placement
 * ends when the child leaves care or turns 18, or is still live today.
 *
 * Where: each placement is given its category (DfE's placement types) and its distance class (in
 * the borough; another LA within 20 miles; more than 20 miles from home) by quota, then a real
 * setting of that category and class, preferring near, well-graded settings with room at the time.
 * The settings are the demo's catalogue (LAs within 25 miles) and, for children placed further or
 * in kinds of setting the catalogue lacks: the Ofsted-registered homes, schools, fostering agencies
 * and residential family centres of LAs within 100 miles, each borough's in-house fostering
 * service (its own foster carers, which every LA has and the Ofsted register does not list), and
 * illustrative supported accommodation (Ofsted has registered it only since 2023-24; the register
 * of August 2024 shipped here has none). Only the settings a placement uses are loaded.
 */
import type { PlacementCategory } from '@app/reference-data';
import { Prng } from '../deterministic';
import { assignCategories, assignDistanceClasses, FILL_ORDER } from './assign-quotas';
import { chooseSettings } from './choose-settings';
import { addMonths, dayOf } from './days';
import type { Period, Ref } from './planned-referral';
import { homeDistricts, reachability } from './reach';
import { composeRows } from './rows';
import { buildPool } from './setting-pool';
import { boroughTimeline } from './timeline';
import {
  type BoroughIntent,
  DISTANCE_CLASSES,
  type DistanceClass,
  HISTORY_MONTHS,
  type HistoryInputs,
  type HistoryPlan,
} from './types';

export function buildHistoryPlan(inputs: HistoryInputs): HistoryPlan {
  const las = new Map(inputs.localAuthorities.map((la) => [la.code, la]));
  const anchor = inputs.anchor;
  const from = addMonths(anchor, -HISTORY_MONTHS);
  const period: Period = { anchor, fromDay: dayOf(from), toDay: dayOf(anchor) };
  const pool = buildPool(inputs, las);
  const homes = homeDistricts(inputs.districts, las);
  const reach = reachability(homes, pool.settings);

  const refs: Ref[] = [];
  for (const calibration of inputs.calibrations) {
    const rng = new Prng(`history:${anchor}:${calibration.laCode}`);
    const borough = boroughTimeline(calibration, period, rng);
    assignCategories(borough, calibration, rng);
    const feasible = (c: PlacementCategory, k: DistanceClass) =>
      homes.get(calibration.laCode)!.some((d) => reach(d.district, c, k).length > 0);
    assignDistanceClasses(borough, calibration, feasible, period, rng);
    refs.push(...borough);
  }
  const misses = chooseSettings(refs, homes, reach, new Prng(`history:${anchor}:settings`));

  const intent = inputs.calibrations.map((calibration): BoroughIntent => {
    const mine = refs.filter((r) => r.la === calibration.laCode);
    const placed = mine.filter((r) => r.chosen);
    const count = <K extends string>(keys: readonly K[], of: (r: Ref) => K | undefined) =>
      Object.fromEntries(keys.map((k) => [k, placed.filter((r) => of(r) === k).length])) as Record<K, number>;
    return {
      localAuthorityCode: calibration.laCode,
      referrals: mine.length,
      placed: placed.length,
      byCategory: count(FILL_ORDER, (r) => r.category),
      byClass: count(DISTANCE_CLASSES, (r) => r.distanceClass),
    };
  });
  return { anchor, from, to: anchor, ...composeRows(refs, period, las, homes, pool), intent, misses };
}
