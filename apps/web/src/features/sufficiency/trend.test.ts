import { describe, expect, it } from 'vitest';
import { chartMonths, forecastOf, historyPeriod, monthWords } from './trend';

const series = [
  { placementType: 'K2', method: 'mean', points: [{ month: '2026-12', demand: 2.25, lower: 1, upper: 3.5 }] },
  {
    placementType: 'U4',
    method: 'holt-linear',
    points: [
      { month: '2026-12', demand: 4.1, lower: 2, upper: 6 },
      { month: '2027-01', demand: 4.3, lower: 2.1, upper: 6.4 },
    ],
  },
];

describe('trend', () => {
  it('takes one type’s forecast, or sums every type’s by month', () => {
    expect(forecastOf(series, 'K2')).toEqual({ points: series[0]!.points.map((p) => ({ ...p, demand: 2.3 })), methods: ['mean'] });
    expect(forecastOf(series, undefined)).toEqual({
      points: [
        { month: '2026-12', demand: 6.4, lower: 3, upper: 9.5 },
        { month: '2027-01', demand: 4.3, lower: 2.1, upper: 6.4 },
      ],
      methods: ['mean', 'holt-linear'],
    });
    expect(forecastOf(series, 'S1')).toEqual({ points: [], methods: [] });
  });

  it('puts history and forecast on one axis, sharing the current month', () => {
    const rows = chartMonths(
      [
        { month: '2026-11', referrals: 3, placed: 2, openBeds: 4 },
        { month: '2026-12', referrals: 1, placed: 0, openBeds: null },
      ],
      [{ month: '2026-12', demand: 6.4, lower: 3, upper: 9.5 }],
    );
    expect(rows).toEqual([
      { month: '2026-11', referrals: 3, placed: 2, openBeds: 4 },
      { month: '2026-12', referrals: 1, placed: 0, openBeds: null, demand: 6.4, band: [3, 9.5] },
    ]);
  });

  it('shows two years of history up to today', () => {
    expect(historyPeriod('2026-12-03')).toEqual({ from: '2025-01-01', to: '2026-12-03' });
    expect(historyPeriod('2026-01-15')).toEqual({ from: '2024-02-01', to: '2026-01-15' });
  });

  it('names months', () => {
    expect(monthWords('2026-11')).toBe('November 2026');
  });
});
