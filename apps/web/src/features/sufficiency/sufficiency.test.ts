import { describe, expect, it } from 'vitest';
import { csvFileName, periodOf, presetPeriod } from './period';
import { nextSort, sortRows } from './sort';

describe('period presets', () => {
  it('last 12 complete months ends on the last day of last month', () => {
    expect(presetPeriod('last-12-months', '2026-12-03')).toEqual({ from: '2025-12-01', to: '2026-11-30' });
    expect(presetPeriod('last-12-months', '2026-01-15')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(presetPeriod('last-12-months', '2024-03-01')).toEqual({ from: '2023-03-01', to: '2024-02-29' });
  });
  it('year to date starts on 1 January', () => {
    expect(presetPeriod('year-to-date', '2026-12-03')).toEqual({ from: '2026-01-01', to: '2026-12-03' });
  });
  it('a custom range needs both days in order', () => {
    expect(periodOf({ period: 'custom', from: '2026-01-01', to: '2026-06-30' }, '2026-12-03')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(periodOf({ period: 'custom', from: '2026-07-01', to: '2026-06-30' }, '2026-12-03')).toEqual({ from: '2025-12-01', to: '2026-11-30' });
    expect(periodOf({}, '2026-12-03')).toEqual({ from: '2025-12-01', to: '2026-11-30' });
  });
  it('names CSV files by what and when', () => {
    expect(csvFileName('sufficiency', { from: '2025-12-01', to: '2026-11-30' })).toBe('sufficiency-2025-12-01-to-2026-11-30.csv');
  });
});

describe('sorting', () => {
  const rows = [{ n: 'Brent', v: 3 }, { n: 'Ealing', v: null }, { n: 'Barnet', v: 10 }];
  const value = (row: (typeof rows)[number], key: 'n' | 'v') => row[key];
  it('sorts numbers as numbers with missing figures last', () => {
    expect(sortRows(rows, { key: 'v', direction: 'ascending' }, value).map((r) => r.n)).toEqual(['Brent', 'Barnet', 'Ealing']);
    expect(sortRows(rows, { key: 'v', direction: 'descending' }, value).map((r) => r.n)).toEqual(['Barnet', 'Brent', 'Ealing']);
  });
  it('sorts text in English order', () => {
    expect(sortRows(rows, { key: 'n', direction: 'ascending' }, value).map((r) => r.n)).toEqual(['Barnet', 'Brent', 'Ealing']);
  });
  it('flips the same column and starts a new one ascending', () => {
    expect(nextSort({ key: 'n', direction: 'ascending' }, 'n')).toEqual({ key: 'n', direction: 'descending' });
    expect(nextSort({ key: 'n', direction: 'descending' }, 'v')).toEqual({ key: 'v', direction: 'ascending' });
  });
});

import { classBreaks, classOf } from './classes';
import { formatMeasure, laFigure } from './measures';

describe('map classes', () => {
  it('splits the range into five equal classes and places figures in them', () => {
    const breaks = classBreaks([0, 10, null, 5]);
    expect(breaks.map((range) => [range.from, range.to])).toEqual([[0, 2], [2, 4], [4, 6], [6, 8], [8, 10]]);
    expect([0, 2, 2.5, 5, 10].map((value) => classOf(value, breaks))).toEqual([1, 1, 2, 3, 5]);
    expect(classOf(null, breaks)).toBeNull();
  });
  it('puts every LA in the first class when all figures are the same', () => {
    const breaks = classBreaks([3, 3]);
    expect(classOf(3, breaks)).toBe(1);
    expect(classBreaks([null])).toEqual([]);
  });
});

describe('an LA figure from its rows', () => {
  const row = (placed: number, out: number, median: number | null, gap: number) =>
    ({ placed, placedOutOfArea: out, placedOver20Miles: 0, medianDaysToPlace: median, gap, openBeds: null }) as never;
  it('adds gaps, shares of the placed and weights medians by placed', () => {
    const rows = [row(3, 1, 10, 2), row(1, 1, 30, 1)];
    expect(laFigure(rows, 'gap')).toBe(3);
    expect(laFigure(rows, 'outOfArea')).toBe(0.5);
    expect(laFigure(rows, 'medianDays')).toBe(15);
    expect(laFigure(rows, 'openBeds')).toBeNull();
    expect(formatMeasure(0.5, 'outOfArea')).toBe('50%');
    const beds = (placementType: string, openBeds: number) => ({ placementType, openBeds, placed: 0 }) as never;
    expect(laFigure([beds('K2', 4), beds('K2', 4), beds('U6', 1)], 'openBeds')).toBe(5);
    expect(formatMeasure(15.25, 'medianDays')).toBe('15.3');
  });
});
