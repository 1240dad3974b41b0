import type { MatchReferral, MatchVacancy } from '../src/matching/types';

/**
 * Builders for matching specs: a referral for a 12-year-old girl living in Southall (UB1, Ealing)
 * and a vacancy that fits it, in a Good children's home in Ealing (W5, about 3 miles away). Pass
 * only what a test is about. Kept outside `src`, so no build ships them.
 */
export const EALING = 'E09000009';
export const HOUNSLOW = 'E09000018';
export const UB1 = { latitude: 51.5123, longitude: -0.376511 };
export const W5 = { latitude: 51.5122, longitude: -0.304014 };
export const B1 = { latitude: 52.4796, longitude: -1.90784 };

type ReferralOverrides = Partial<Omit<MatchReferral, 'child'>> & { child?: Partial<MatchReferral['child']> };
type VacancyOverrides = Partial<Omit<MatchVacancy, 'setting'>> & { setting?: Partial<MatchVacancy['setting']> };

export function aReferral(overrides: ReferralOverrides = {}): MatchReferral {
  const { child, ...rest } = overrides;
  return {
    id: 'referral-1',
    urgency: 'planned',
    requiredBy: '2025-03-01',
    today: '2025-02-01',
    placementTypes: ['K2', 'U4'],
    maxDistanceMiles: null,
    weeklyBudget: 5000,
    localAuthorityCode: EALING,
    ...rest,
    child: {
      dateOfBirth: '2012-06-15',
      gender: 'female',
      legalStatus: 'C2',
      needs: [
        { code: 'self-harm', level: 2, essential: true },
        { code: 'autism', level: 1, essential: false },
      ],
      siblingGroupSize: 1,
      home: { ...UB1, localAuthorityCode: EALING },
      ...child,
    },
  };
}

let sequence = 0;

export function aVacancy(overrides: VacancyOverrides = {}): MatchVacancy {
  const { setting, ...rest } = overrides;
  sequence += 1;
  return {
    id: `vacancy-${String(sequence).padStart(6, '0')}`,
    settingId: `setting-${sequence}`,
    providerId: 'provider-1',
    status: 'open',
    beds: 1,
    availableFrom: '2025-02-01',
    availableUntil: null,
    weeklyCost: 4500,
    emergencyReady: false,
    reservedFor: null,
    providerStability: null,
    ...rest,
    setting: {
      placementType: 'K2',
      ofstedGrade: 'good',
      ageMin: 10,
      ageMax: 17,
      genders: ['female', 'male', 'other'],
      needsSupported: [
        { code: 'self-harm', level: 3 },
        { code: 'autism', level: 2 },
      ],
      needsExcluded: [],
      ...W5,
      localAuthorityCode: EALING,
      ...setting,
    },
  };
}
