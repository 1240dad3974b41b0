/**
 * An alliance's market position for providers: current demand and gaps by placement type and age
 * band, and by need, and the forecast of demand by placement type. Providers see it, so every
 * count from 1 to 4 is written as "<5": small numbers can identify a child.
 */
export type SuppressedCount = number | '<5';

export const SMALL_COUNT = '<5' as const;

export function suppress(count: number | null): SuppressedCount | null {
  if (count === null) return null;
  const whole = Math.round(count);
  return whole >= 1 && whole < 5 ? SMALL_COUNT : whole;
}

export interface DemandRowInput {
  placementType: string;
  ageBand: string;
  referrals: number;
  placed: number;
  gap: number;
  openBeds: number | null;
}

export interface NeedTotalInput {
  needCode: string;
  referrals: number;
  gap: number;
  openBeds: number | null;
}

export interface ForecastSeriesInput {
  placementType: string;
  method: string;
  points: { month: string; demand: number; lower: number; upper: number }[];
}

export interface MarketPositionContent {
  demand: { placementType: string; ageBand: string; referrals: SuppressedCount; placed: SuppressedCount; gap: SuppressedCount; openBeds: SuppressedCount | null }[];
  needs: { needCode: string; referrals: SuppressedCount; gap: SuppressedCount; openBeds: SuppressedCount | null }[];
  forecast: {
    placementType: string;
    method: string;
    total: SuppressedCount;
    months: { month: string; demand: SuppressedCount; lower: SuppressedCount; upper: SuppressedCount }[];
  }[];
}

const sum = (values: (number | null)[]) => (values.every((value) => value === null) ? null : values.reduce<number>((a, b) => a + (b ?? 0), 0));

/**
 * The published content: the alliance's LAs added together (a provider plans for the region, and
 * per-LA cells would be smaller still), needs that had demand or beds, and the forecast.
 */
export function marketPosition(input: {
  demandRows: DemandRowInput[];
  needTotals: NeedTotalInput[];
  forecast: ForecastSeriesInput[];
}): MarketPositionContent {
  const groups = new Map<string, DemandRowInput[]>();
  for (const row of input.demandRows) {
    const key = `${row.placementType}|${row.ageBand}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const demand = [...groups.values()]
    .map((rows) => ({
      placementType: rows[0].placementType,
      ageBand: rows[0].ageBand,
      referrals: suppress(sum(rows.map((row) => row.referrals)))!,
      placed: suppress(sum(rows.map((row) => row.placed)))!,
      gap: suppress(sum(rows.map((row) => row.gap)))!,
      openBeds: suppress(sum(rows.map((row) => row.openBeds))),
    }))
    .sort((a, b) => a.placementType.localeCompare(b.placementType) || a.ageBand.localeCompare(b.ageBand, 'en', { numeric: true }));
  const needs = input.needTotals
    .filter((need) => need.referrals > 0 || (need.openBeds ?? 0) > 0)
    .map((need) => ({
      needCode: need.needCode,
      referrals: suppress(need.referrals)!,
      gap: suppress(need.gap)!,
      openBeds: suppress(need.openBeds),
    }));
  const forecast = input.forecast.map((series) => ({
    placementType: series.placementType,
    method: series.method,
    total: suppress(series.points.reduce((total, point) => total + point.demand, 0))!,
    months: series.points.map((point) => ({
      month: point.month,
      demand: suppress(point.demand)!,
      lower: suppress(Math.max(0, point.lower))!,
      upper: suppress(point.upper)!,
    })),
  }));
  return { demand, needs, forecast };
}
