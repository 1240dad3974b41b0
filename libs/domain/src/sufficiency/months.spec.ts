import { addMonths, firstOfMonth, lastCompleteMonths } from './months';

describe('month arithmetic', () => {
  it('finds the first day of the month of a day', () => {
    expect(firstOfMonth('2026-03-17')).toBe('2026-03-01');
    expect(firstOfMonth('2026-03-01')).toBe('2026-03-01');
  });

  it('moves to the first of a month before or after, across years', () => {
    expect(addMonths('2026-03-17', 0)).toBe('2026-03-01');
    expect(addMonths('2026-11-30', 2)).toBe('2027-01-01');
    expect(addMonths('2026-01-31', -1)).toBe('2025-12-01');
    expect(addMonths('2026-03-01', -60)).toBe('2021-03-01');
  });

  it('gives the whole months before the current one, to the last day of the one before it', () => {
    expect(lastCompleteMonths('2026-03-17', 12)).toEqual({ from: '2025-03-01', to: '2026-02-28' });
    expect(lastCompleteMonths('2024-03-01', 1)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(lastCompleteMonths('2026-01-10', 60)).toEqual({ from: addMonths('2026-01-10', -60), to: '2025-12-31' });
  });
});
