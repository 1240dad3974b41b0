import { calendarDay, isCalendarDate, MAX_DATE_LENGTH } from './date.validators';

describe('isCalendarDate', () => {
  it.each(['2026-11-20', '2024-02-29', '2026-11-20T09:30', '2026-11-20T09:30:15.5Z', '2026-11-20T23:30:00+01:00', '2026-11-20T00:00:00-0500'])(
    'takes %s',
    (value) => {
      expect(isCalendarDate(value)).toBe(true);
      expect(calendarDay(value)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    },
  );

  it.each(['2026-02-29', '2026-13-01', '2026-11-31', '20261120', '2026-11-20T25:00', '2026-11-20T12:60', '2026-11-20T12:00:61', '2026-11-20T12:00+25:00', ''])(
    'refuses %s',
    (value) => expect(isCalendarDate(value)).toBe(false),
  );

  it('accepts nothing longer than the documented maxLength', () => {
    const longest = '2026-11-20T12:00:00.123456789+01:00';
    expect([longest.length, isCalendarDate(longest)]).toEqual([MAX_DATE_LENGTH, true]);
    expect(isCalendarDate(`${longest}0`)).toBe(false);
    expect(isCalendarDate('2026-11-20T12:00:00.1234567890Z')).toBe(false);
  });

  it('refuses what is not a string', () => {
    for (const value of [20261120, null, undefined, {}, ['2026-11-20']]) expect(isCalendarDate(value)).toBe(false);
  });
});
