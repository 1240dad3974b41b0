import type { PlacementCategory } from '@app/reference-data';
import { DISTANCE_CLASSES, type DistanceClass } from './types';

/** Whole numbers in proportion to `shares`, adding up to `total` (largest remainder). */
export function apportion<K extends string>(total: number, shares: Record<K, number>): Record<K, number> {
  const keys = Object.keys(shares) as K[];
  const sum = keys.reduce((s, k) => s + shares[k], 0);
  const exact = keys.map((k) => (sum > 0 ? (shares[k] / sum) * total : 0));
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = keys.map((_, i) => i).sort((a, b) => exact[b] - counts[b] - (exact[a] - counts[a]) || a - b);
  for (const i of order) {
    if (left <= 0) break;
    counts[i] += 1;
    left -= 1;
  }
  return Object.fromEntries(keys.map((k, i) => [k, counts[i]])) as Record<K, number>;
}

/** Where each category tends to be placed, before the margins are fitted. */
const CLASS_PRIOR: Record<PlacementCategory, Record<DistanceClass, number>> = {
  foster: { inArea: 0.45, near: 0.4, far: 0.15 },
  childrensHomes: { inArea: 0.15, near: 0.35, far: 0.5 },
  residentialSchools: { inArea: 0.1, near: 0.3, far: 0.6 },
  supportedAccommodation: { inArea: 0.35, near: 0.5, far: 0.15 },
  otherResidential: { inArea: 0.1, near: 0.45, far: 0.45 },
};

/**
 * A whole-number table of placements by category and class with the given row and column totals,
 * as close to the prior as iterative proportional fitting gets, and nothing in an infeasible cell.
 */
export function fitTable(
  rows: Record<PlacementCategory, number>,
  columns: Record<DistanceClass, number>,
  feasible: (c: PlacementCategory, k: DistanceClass) => boolean,
): Record<PlacementCategory, Record<DistanceClass, number>> {
  const cats = Object.keys(rows) as PlacementCategory[];
  const table = cats.map((c) => DISTANCE_CLASSES.map((k) => (feasible(c, k) && rows[c] > 0 ? CLASS_PRIOR[c][k] : 0)));
  for (let iteration = 0; iteration < 200; iteration += 1) {
    cats.forEach((c, i) => {
      const sum = table[i].reduce((a, b) => a + b, 0);
      if (sum > 0) table[i] = table[i].map((v) => (v * rows[c]) / sum);
    });
    DISTANCE_CLASSES.forEach((k, j) => {
      const sum = cats.reduce((s, _, i) => s + table[i][j], 0);
      if (sum > 0) cats.forEach((_, i) => (table[i][j] = (table[i][j] * columns[k]) / sum));
    });
  }
  // Round each row to its total, then move single placements between cells to meet the columns.
  const whole = cats.map((c, i) =>
    Object.values(apportion(rows[c], Object.fromEntries(DISTANCE_CLASSES.map((k, j) => [k, table[i][j]])))) as number[],
  );
  for (let guard = 0; guard < 10_000; guard += 1) {
    const off = DISTANCE_CLASSES.map((k, j) => whole.reduce((s, row) => s + row[j], 0) - columns[k]);
    const over = off.findIndex((v) => v > 0);
    const under = off.findIndex((v) => v < 0);
    if (over < 0 || under < 0) break;
    const i = cats
      .map((c, index) => index)
      .filter((index) => whole[index][over] > 0 && feasible(cats[index], DISTANCE_CLASSES[under]))
      .sort((a, b) => table[b][under] - whole[b][under] - (table[a][under] - whole[a][under]))[0];
    if (i === undefined) break;
    whole[i][over] -= 1;
    whole[i][under] += 1;
  }
  return Object.fromEntries(
    cats.map((c, i) => [c, Object.fromEntries(DISTANCE_CLASSES.map((k, j) => [k, whole[i][j]]))]),
  ) as Record<PlacementCategory, Record<DistanceClass, number>>;
}
