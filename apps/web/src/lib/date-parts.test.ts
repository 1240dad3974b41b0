import { describe, expect, it } from 'vitest';
import { dateFromParts, isBlankDate, partsFromDate } from './date-parts';

describe('date input boxes', () => {
  it('splits a calendar day into the boxes people type, without leading zeros', () => {
    expect(partsFromDate('2026-03-07')).toEqual({ day: '7', month: '3', year: '2026' });
    expect(partsFromDate(null)).toEqual({ day: '', month: '', year: '' });
  });

  it('reads real dates only', () => {
    expect(dateFromParts({ day: '7', month: '3', year: '2026' })).toBe('2026-03-07');
    expect(dateFromParts({ day: ' 29 ', month: '02', year: '2028' })).toBe('2028-02-29');
    expect(dateFromParts({ day: '29', month: '2', year: '2027' })).toBeNull();
    expect(dateFromParts({ day: '31', month: '4', year: '2027' })).toBeNull();
    expect(dateFromParts({ day: '1', month: '13', year: '2027' })).toBeNull();
    expect(dateFromParts({ day: '1', month: '1', year: '27' })).toBeNull();
  });

  it('tells blank boxes from half-filled ones', () => {
    expect(isBlankDate({ day: ' ', month: '', year: '' })).toBe(true);
    expect(isBlankDate({ day: '', month: '', year: '2027' })).toBe(false);
  });
});
