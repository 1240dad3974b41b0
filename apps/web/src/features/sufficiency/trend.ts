/** The trend page's sums: pure, so they are unit-tested. */

export interface ForecastPoint {
  month: string;
  demand: number;
  lower: number;
  upper: number;
}

export interface ForecastSeries {
  placementType: string;
  method: string;
  points: ForecastPoint[];
}

export interface HistoryMonth {
  month: string;
  referrals: number;
  placed: number;
  openBeds: number | null;
}

/** A month of the chart: history's figures, the forecast's, or both (the current month). */
export interface ChartMonth {
  month: string;
  referrals?: number;
  placed?: number;
  openBeds?: number | null;
  demand?: number;
  band?: [number, number];
}

const tenths = (value: number) => Math.round(value * 10) / 10;

/**
 * The forecast of one placement type, or of every type together: each month's demand summed, and
 * each month's band from the sums of the types' ends (wider than the sum's own 80% band would be).
 */
export function forecastOf(series: readonly ForecastSeries[], placementType: string | undefined): { points: ForecastPoint[]; methods: string[] } {
  const chosen = placementType ? series.filter((one) => one.placementType === placementType) : series;
  const byMonth = new Map<string, ForecastPoint>();
  for (const one of chosen) {
    for (const point of one.points) {
      const sum = byMonth.get(point.month) ?? { month: point.month, demand: 0, lower: 0, upper: 0 };
      byMonth.set(point.month, { month: point.month, demand: sum.demand + point.demand, lower: sum.lower + point.lower, upper: sum.upper + point.upper });
    }
  }
  const points = [...byMonth.values()]
    .sort((a, b) => a.month.localeCompare(b.month))
    .map((point) => ({ month: point.month, demand: tenths(point.demand), lower: tenths(point.lower), upper: tenths(point.upper) }));
  return { points, methods: [...new Set(chosen.map((one) => one.method))] };
}

/** History and forecast on one axis of months, oldest first. */
export function chartMonths(history: readonly HistoryMonth[], forecast: readonly ForecastPoint[]): ChartMonth[] {
  const months = new Map<string, ChartMonth>();
  for (const { month, referrals, placed, openBeds } of history) months.set(month, { month, referrals, placed, openBeds });
  for (const { month, demand, lower, upper } of forecast) months.set(month, { ...months.get(month), month, demand, band: [lower, upper] });
  return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
}

/** The history shown: the 23 months before this one and this month so far (`today` is `YYYY-MM-DD`). */
export function historyPeriod(today: string): { from: string; to: string } {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const start = (year * 12 + month - 1) - 23;
  return { from: `${Math.floor(start / 12)}-${String((start % 12) + 1).padStart(2, '0')}-01`, to: today };
}

const MONTH_WORDS = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
/** `2026-11` -> "November 2026". */
export const monthWords = (month: string) => MONTH_WORDS.format(new Date(`${month}-01T12:00:00Z`));
