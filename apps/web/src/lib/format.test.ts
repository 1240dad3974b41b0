import { describe, expect, it } from 'vitest';
import { ageOn } from './age';
import { addDays, formatCountdown, formatDate, formatMiles, formatWeeklyCost, todayInEngland } from './format';
import { normalisePostcode, postcodeProblem } from './postcode';
import { exclusionWords, legalStatusWords, needWords, placementTypeWords, SSDA903, NEED_CODES } from './words';

describe('formatting', () => {
  it('writes dates, money and miles as people read them', () => {
    expect(formatDate('2026-12-03')).toBe('3 December 2026');
    expect(formatWeeklyCost(4250)).toBe('£4,250 a week');
    expect(formatMiles(1.84)).toBe('1.8 miles');
    expect(formatMiles(23.6)).toBe('24 miles');
    expect(formatMiles(0)).toBe('same district');
    expect(formatCountdown(61_000)).toBe('1:01');
    expect(formatCountdown(3_725_000)).toBe('1 h 02 min');
    expect(formatCountdown(0)).toBe('Expired');
  });

  it("counts days and England's today across the clocks changing", () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(todayInEngland(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
  });

  it('computes age as the api does', () => {
    expect(ageOn('2012-05-01', '2026-04-30')).toBe(13);
    expect(ageOn('2012-05-01', '2026-05-01')).toBe(14);
  });
});

describe('postcodes', () => {
  it('checks the shape and tidies it', () => {
    expect(postcodeProblem('UB1 1AA')).toBeUndefined();
    expect(postcodeProblem('ub11aa')).toBeUndefined();
    expect(postcodeProblem('UB1')).toBe('Enter a full postcode, such as UB1 1AA');
    expect(postcodeProblem('UB1', { allowDistrict: true })).toBeUndefined();
    expect(postcodeProblem('12345')).toBeDefined();
    expect(normalisePostcode('ub11aa')).toBe('UB1 1AA');
  });
});

describe('words', () => {
  it('has words for every code the api accepts', () => {
    expect(placementTypeWords('K2')).toBe("Children's home");
    expect(legalStatusWords('C2')).toMatch(/care order/i);
    for (const code of NEED_CODES) expect(needWords(code)).not.toBe(code);
    for (const code of Object.keys(SSDA903.legalStatus)) expect(legalStatusWords(code)).not.toBe(code);
    expect(exclusionWords('TOO_FAR')).toBe('further than the maximum distance');
  });
});
