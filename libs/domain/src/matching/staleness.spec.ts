import { checkEligibility } from './eligibility';
import { rankVacancies } from './rank';
import {
  addCalendarDays,
  compareFreshness,
  daysUnconfirmed,
  freshFrom,
  isStaleAfter,
  isStaleVacancy,
} from './staleness';
import { aReferral, aVacancy } from '../../test/matching-fixtures';
import { DEFAULT_WEIGHTS } from './weights';

describe('vacancy staleness', () => {
  it('counts whole calendar days, across months and a leap day', () => {
    expect(daysUnconfirmed('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysUnconfirmed('2026-12-03', '2026-12-03')).toBe(0);
    expect(daysUnconfirmed('2026-12-04', '2026-12-03')).toBe(0);
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('turns stale once the configured number of days have passed without confirmation', () => {
    expect(isStaleAfter(6, 7)).toBe(false);
    expect(isStaleAfter(7, 7)).toBe(true);
    // The day-based rule and the date-based one agree: the first stale confirmation day is 7 days back.
    const fresh = freshFrom('2026-12-10', 7);
    expect(fresh).toBe('2026-12-04');
    expect(isStaleVacancy('2026-12-04', fresh)).toBe(isStaleAfter(daysUnconfirmed('2026-12-04', '2026-12-10'), 7));
    expect(isStaleVacancy('2026-12-03', fresh)).toBe(isStaleAfter(daysUnconfirmed('2026-12-03', '2026-12-10'), 7));
    expect(isStaleVacancy('2026-12-03', fresh)).toBe(true);
    expect(isStaleVacancy(undefined, fresh)).toBe(false);
    expect(isStaleVacancy('2020-01-01', null)).toBe(false);
  });

  it('orders equal vacancies fresh before stale, then by id', () => {
    expect(compareFreshness(false, true, 'b', 'a')).toBeLessThan(0);
    expect(compareFreshness(true, false, 'a', 'b')).toBeGreaterThan(0);
    expect(compareFreshness(true, true, 'a', 'b')).toBeLessThan(0);
  });

  describe('in matching', () => {
    const today = '2025-02-01';
    const referral = aReferral({ today, freshFrom: freshFrom(today, 7) });
    const stale = aVacancy({ id: 'a-stale', confirmedOn: addCalendarDays(today, -7) });
    const fresh = aVacancy({ id: 'b-fresh', confirmedOn: addCalendarDays(today, -6) });

    it('ranks a stale vacancy below an otherwise equal fresh one, though its id comes first', () => {
      const { matches } = rankVacancies(referral, [stale, fresh], DEFAULT_WEIGHTS);
      expect(matches.map((m) => m.vacancyId)).toEqual(['b-fresh', 'a-stale']);
      expect(matches[0].score).toBe(matches[1].score);
    });

    it('still ranks a stale vacancy that scores higher above a fresh one', () => {
      const better = aVacancy({ id: 'c-stale', confirmedOn: addCalendarDays(today, -30), weeklyCost: 1 });
      const worse = aVacancy({ id: 'd-fresh', confirmedOn: today, weeklyCost: 100_000 });
      const { matches } = rankVacancies({ ...referral, weeklyBudget: 5_000 }, [worse, better], DEFAULT_WEIGHTS);
      expect(matches.map((m) => m.vacancyId)).toEqual(['c-stale', 'd-fresh']);
    });

    it('never counts a stale bed as emergency-ready', () => {
      const emergency = { ...referral, urgency: 'emergency' as const, requiredBy: today };
      expect(checkEligibility(emergency, { ...stale, emergencyReady: true, availableFrom: today })).toEqual(['NOT_EMERGENCY_READY']);
      expect(checkEligibility(emergency, { ...fresh, emergencyReady: true, availableFrom: today })).toEqual([]);
    });
  });

  it('needs a bed today, not on a day gone by, once a routine referral is overdue', () => {
    const overdue = aReferral({ today: '2025-02-10', requiredBy: '2025-02-01' });
    expect(checkEligibility(overdue, aVacancy({ availableFrom: '2025-02-10' }))).toEqual([]);
    expect(checkEligibility(overdue, aVacancy({ availableFrom: '2025-02-11' }))).toEqual(['NOT_AVAILABLE_IN_TIME']);
    expect(checkEligibility(overdue, aVacancy({ availableFrom: '2025-01-01', availableUntil: '2025-02-05' }))).toEqual([
      'NOT_AVAILABLE_IN_TIME',
    ]);
  });
});
