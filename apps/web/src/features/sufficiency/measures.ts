import type { components } from '../../api/schema';

type Row = components['schemas']['SufficiencyRowResponse'];
export type Measure = 'gap' | 'outOfArea' | 'over20Miles' | 'medianDays' | 'openBeds';
export const MEASURES: readonly Measure[] = ['gap', 'outOfArea', 'over20Miles', 'medianDays', 'openBeds'];
export const MEASURE_WORDS: Record<Measure, string> = {
  gap: 'Gap (referrals less placed within the alliance)',
  outOfArea: 'Share placed out of area',
  over20Miles: 'Share placed over 20 miles away',
  medianDays: 'Median days to place',
  openBeds: 'Open beds',
};
const isShare = (measure: Measure) => measure === 'outOfArea' || measure === 'over20Miles';

const sum = (rows: readonly Row[], pick: (row: Row) => number) => rows.reduce((total, row) => total + pick(row), 0);

/**
 * One LA's figure for a measure, from its rows by placement type and age band. Shares are of the
 * children placed. The api gives medians per group only, so an LA's "median days" is the groups'
 * medians weighted by the children placed in each: close to, not exactly, the LA's own median.
 */
export function laFigure(rows: readonly Row[], measure: Measure): number | null {
  const placed = sum(rows, (row) => row.placed);
  switch (measure) {
    case 'gap':
      return sum(rows, (row) => row.gap);
    case 'outOfArea':
      return placed === 0 ? null : sum(rows, (row) => row.placedOutOfArea) / placed;
    case 'over20Miles':
      return placed === 0 ? null : sum(rows, (row) => row.placedOver20Miles) / placed;
    case 'openBeds': {
      // A bed that suits several age bands is in each band's row: count each placement type's largest band.
      if (!rows.some((row) => row.openBeds !== null)) return null;
      const byType = new Map<string, number>();
      for (const row of rows) byType.set(row.placementType, Math.max(byType.get(row.placementType) ?? 0, row.openBeds ?? 0));
      return [...byType.values()].reduce((total, beds) => total + beds, 0);
    }
    case 'medianDays': {
      const timed = rows.filter((row) => row.medianDaysToPlace !== null && row.placed > 0);
      const weight = sum(timed, (row) => row.placed);
      return weight === 0 ? null : sum(timed, (row) => row.medianDaysToPlace! * row.placed) / weight;
    }
  }
}

export function formatMeasure(value: number | null, measure: Measure): string {
  if (value === null) return 'Not known';
  if (isShare(measure)) return `${Math.round(value * 100)}%`;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
