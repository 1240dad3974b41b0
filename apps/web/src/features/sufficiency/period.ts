/** The dashboard's period: a preset or a custom range, as the URL's search params carry it. */
export type PeriodPreset = 'last-12-months' | 'year-to-date' | 'custom';
export const PERIOD_PRESETS: readonly PeriodPreset[] = ['last-12-months', 'year-to-date', 'custom'];
export const PERIOD_WORDS: Record<PeriodPreset, string> = {
  'last-12-months': 'Last 12 complete months',
  'year-to-date': 'Year to date',
  custom: 'Custom dates',
};

export interface Period {
  from: string;
  to: string;
}

const iso = (year: number, month: number, day: number) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The days a preset covers, given today in England (`YYYY-MM-DD`). "Last 12 complete months" ends on
 * the last day of the month before this one; "year to date" is the calendar year so far.
 */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, today: string): Period {
  const [year, month] = today.split('-').map(Number) as [number, number];
  if (preset === 'year-to-date') return { from: iso(year, 1, 1), to: today };
  const endYear = month === 1 ? year - 1 : year;
  const endMonth = month === 1 ? 12 : month - 1;
  const startYear = endMonth === 12 ? endYear : endYear - 1;
  const startMonth = endMonth === 12 ? 1 : endMonth + 1;
  return { from: iso(startYear, startMonth, 1), to: iso(endYear, endMonth, lastDayOf(endYear, endMonth)) };
}

/** The period the search params ask for; a custom range needs both days, in order, or it falls back to the preset. */
export function periodOf(search: { period?: PeriodPreset; from?: string; to?: string }, today: string): Period {
  if (search.period === 'custom' && search.from && search.to && search.from <= search.to) {
    return { from: search.from, to: search.to };
  }
  return presetPeriod(search.period === 'year-to-date' ? 'year-to-date' : 'last-12-months', today);
}

/** A file name for a download: what it is, whose, and the period, e.g. `sufficiency-2025-12-01-to-2026-11-30.csv`. */
export function csvFileName(what: string, period: Period): string {
  return `${what}-${period.from}-to-${period.to}.csv`;
}
