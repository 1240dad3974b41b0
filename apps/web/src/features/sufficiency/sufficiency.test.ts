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
