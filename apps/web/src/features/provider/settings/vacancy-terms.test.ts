import { describe, expect, it } from 'vitest';
import { changedTerms, draftOf, readDraft, wholePounds } from './vacancy-terms';

const saved = { beds: 2, availableFrom: '2027-01-04', availableUntil: null, weeklyCost: 4_800, emergencyReady: true };

describe('the vacancy form', () => {
  it('reads money in whole pounds as people write it', () => {
    expect(wholePounds('£4,650')).toBe(4_650);
    expect(wholePounds(' 4800 ')).toBe(4_800);
    expect(wholePounds('4800.50')).toBeNull();
    expect(wholePounds('0')).toBeNull();
    expect(wholePounds('100001')).toBeNull();
  });

  it('gives back the saved terms from an untouched draft', () => {
    expect(readDraft(draftOf(saved), 0)).toEqual({ terms: saved, errors: [] });
  });

  it('names every problem beside its input', () => {
    const draft = { ...draftOf(saved), beds: '0', weeklyCost: 'a lot', availableUntil: { day: '3', month: '1', year: '2027' } };
    expect(readDraft(draft, 1).errors.map((error) => error.href)).toEqual(['vacancy-beds', 'vacancy-until-day', 'vacancy-cost']);
    expect(readDraft({ ...draftOf(saved), beds: '0' }, 0).terms?.beds).toBe(0);
  });

  it('sends only what the user changed, so a change by someone else meanwhile is kept', () => {
    expect(changedTerms({ ...saved, weeklyCost: 5_000 }, saved)).toEqual({ weeklyCost: 5_000 });
    expect(changedTerms({ ...saved, availableUntil: '2027-06-30' }, saved)).toEqual({ availableUntil: '2027-06-30' });
    expect(changedTerms(saved, saved)).toEqual({});
  });
});
