import fc from 'fast-check';
import { ageInYears, todayInEngland } from './age';

describe('ageInYears', () => {
  it.each([
    ['2010-06-15', '2020-06-14', 9, 'the day before the birthday'],
    ['2010-06-15', '2020-06-15', 10, 'on the birthday'],
    ['2010-06-15', '2020-06-16', 10, 'the day after the birthday'],
    ['2010-06-15', '2020-05-31', 9, 'in the month before'],
    ['2010-06-15', '2020-07-01', 10, 'in the month after'],
    ['2010-12-31', '2021-01-01', 10, 'across a new year'],
    ['2010-01-01', '2020-12-31', 10, 'on the last day of the year'],
    ['2010-06-15', '2010-06-15', 0, 'on the day of birth'],
    ['2010-06-15', '2011-06-14', 0, 'a day short of one'],
  ])('born %s, on %s is %i (%s)', (dateOfBirth, on, age) => {
    expect(ageInYears(dateOfBirth, on)).toBe(age);
  });

  describe('born on 29 February', () => {
    // In England a leap-day birthday falls on 1 March in other years (Family Law Reform Act 1969, s. 9).
    it.each([
      ['2013-02-28', 0],
      ['2013-03-01', 1],
      ['2015-02-28', 2],
      ['2015-03-01', 3],
      ['2016-02-28', 3],
      ['2016-02-29', 4],
      ['2016-03-01', 4],
      ['2030-02-28', 17],
      ['2030-03-01', 18],
    ])('on %s is %i', (on, age) => {
      expect(ageInYears('2012-02-29', on)).toBe(age);
    });
  });

  it('reads only the date of a timestamp', () => {
    expect(ageInYears('2010-06-15T23:59:59Z', '2020-06-15T00:00:00Z')).toBe(10);
  });

  describe('properties', () => {
    const day = fc
      .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));

    it('never decreases as time passes', () => {
      fc.assert(
        fc.property(day, day, day, (dateOfBirth, a, b) => {
          const [earlier, later] = a <= b ? [a, b] : [b, a];
          expect(ageInYears(dateOfBirth, later)).toBeGreaterThanOrEqual(ageInYears(dateOfBirth, earlier));
        }),
      );
    });

    it('is n on the n-th anniversary of any date but 29 February', () => {
      fc.assert(
        fc.property(day, fc.integer({ min: 0, max: 30 }), (dateOfBirth, n) => {
          fc.pre(!dateOfBirth.endsWith('-02-29'));
          const anniversary = `${Number(dateOfBirth.slice(0, 4)) + n}${dateOfBirth.slice(4)}`;
          expect(ageInYears(dateOfBirth, anniversary)).toBe(n);
        }),
      );
    });
  });
});

describe('todayInEngland', () => {
  it.each([
    ['2024-01-15T23:30:00Z', '2024-01-15', 'GMT: the UTC date'],
    ['2024-07-01T22:59:59Z', '2024-07-01', 'BST, before local midnight'],
    ['2024-06-30T23:30:00Z', '2024-07-01', 'BST: already tomorrow in England'],
    ['2024-03-31T00:59:59Z', '2024-03-31', 'the last second of GMT in spring'],
    ['2024-10-26T23:00:00Z', '2024-10-27', 'the last hour of BST in autumn'],
    ['2024-10-27T01:00:00Z', '2024-10-27', 'back on GMT'],
  ])('%s is %s (%s)', (instant, date) => {
    expect(todayInEngland(new Date(instant))).toBe(date);
  });
});
