import { emptyNightsCost, reservedNights, type ReservedVacancyHistory } from './reserved-nights';

const JANUARY = { from: '2026-01-01', to: '2026-01-31' };
const vacancy = (overrides: Partial<ReservedVacancyHistory> = {}): ReservedVacancyHistory => ({
  beds: 1,
  availableFrom: '2026-01-10',
  availableUntil: null,
  withdrawnOn: null,
  fills: [],
  ...overrides,
});

describe('reservedNights', () => {
  it('counts from the day it opened to the end of a period that is over', () => {
    expect(reservedNights(vacancy(), JANUARY, '2026-03-01')).toEqual({ beds: 1, nightsEmpty: 22 });
  });

  it('counts from the first day of the period when it opened before it', () => {
    expect(reservedNights(vacancy({ availableFrom: '2025-11-01' }), JANUARY, '2026-03-01').nightsEmpty).toBe(31);
  });

  it('counts a vacancy still open up to last night, not tonight', () => {
    expect(reservedNights(vacancy(), JANUARY, '2026-01-15').nightsEmpty).toBe(5);
    expect(reservedNights(vacancy(), JANUARY, '2026-01-10').nightsEmpty).toBe(0);
  });

  it('stops the day it was withdrawn', () => {
    expect(reservedNights(vacancy({ withdrawnOn: '2026-01-20' }), JANUARY, '2026-03-01').nightsEmpty).toBe(10);
    expect(reservedNights(vacancy({ withdrawnOn: '2025-12-20', availableFrom: '2025-12-01' }), JANUARY, '2026-03-01').nightsEmpty).toBe(0);
  });

  it('counts the night of its last available day', () => {
    expect(reservedNights(vacancy({ availableUntil: '2026-01-12' }), JANUARY, '2026-03-01').nightsEmpty).toBe(3);
  });

  it('multiplies by beds, less the nights placements held some of them', () => {
    const twoBeds = vacancy({ beds: 1, fills: [{ startDate: '2026-01-20', beds: 1, freedOn: null }] });
    // Two beds empty for ten nights (10th-19th), then one for twelve (20th-31st).
    expect(reservedNights(twoBeds, JANUARY, '2026-03-01')).toEqual({ beds: 2, nightsEmpty: 32 });
    expect(reservedNights(vacancy({ beds: 3 }), JANUARY, '2026-03-01')).toEqual({ beds: 3, nightsEmpty: 66 });
  });

  it('ends when it was filled: the placement start', () => {
    const filled = vacancy({ beds: 0, fills: [{ startDate: '2026-01-15', beds: 1, freedOn: null }] });
    expect(reservedNights(filled, JANUARY, '2026-03-01')).toEqual({ beds: 1, nightsEmpty: 5 });
  });

  it('counts a bed empty again once a placement gave it back', () => {
    // The bed is free now (beds: 1): the placement of the 15th ended on the 25th.
    const freed = vacancy({ beds: 1, fills: [{ startDate: '2026-01-15', beds: 1, freedOn: '2026-01-25' }] });
    expect(reservedNights(freed, JANUARY, '2026-03-01')).toEqual({ beds: 1, nightsEmpty: 5 + 7 });
  });

  it('counts nothing for a vacancy that opens after the period or after today', () => {
    expect(reservedNights(vacancy({ availableFrom: '2026-02-10' }), JANUARY, '2026-03-01').nightsEmpty).toBe(0);
    expect(reservedNights(vacancy({ availableFrom: '2026-01-20' }), JANUARY, '2026-01-15').nightsEmpty).toBe(0);
  });

  it('crosses the clocks changing without losing or gaining a night', () => {
    expect(reservedNights(vacancy({ availableFrom: '2026-03-20' }), { from: '2026-03-01', to: '2026-03-31' }, '2026-05-01').nightsEmpty).toBe(12);
  });
});

describe('emptyNightsCost', () => {
  it('prices a bed-night at a seventh of the weekly cost, to the pound', () => {
    expect(emptyNightsCost(7, 4_250)).toBe(4_250);
    expect(emptyNightsCost(3, 5_000)).toBe(2_143);
    expect(emptyNightsCost(0, 5_000)).toBe(0);
  });
});
