import { checkEligibility } from './eligibility';
import { B1, EALING, HOUNSLOW, aReferral, aVacancy } from '../../test/matching-fixtures';
import { EXCLUSION_REASONS, type ExclusionReason } from './types';

interface Case {
  reason: ExclusionReason;
  what: string;
  referral?: Parameters<typeof aReferral>[0];
  vacancy: Parameters<typeof aVacancy>[0];
  expected?: ExclusionReason[];
}

describe('checkEligibility', () => {
  it('finds nothing wrong with a vacancy that fits', () => {
    expect(checkEligibility(aReferral(), aVacancy())).toEqual([]);
  });

  // One case per reason: the fitting referral and vacancy with one thing changed. `expected`, when
  // given, is every reason expected (one change can break two constraints).
  const emergency = { urgency: 'emergency', today: '2025-02-01', requiredBy: '2025-02-01' } as const;
  const cases: Case[] = [
    { reason: 'TYPE_NOT_ACCEPTED', what: "a foster home when the LA asked for a children's home", referral: { placementTypes: ['K2'] }, vacancy: { setting: { placementType: 'U4' } } },
    { reason: 'AGE_OUT_OF_RANGE', what: 'a child younger than the setting takes', vacancy: { setting: { ageMin: 13 } } },
    { reason: 'AGE_OUT_OF_RANGE', what: 'a child older than the setting takes', vacancy: { setting: { ageMax: 11 } } },
    { reason: 'GENDER_NOT_ACCEPTED', what: "a girl in a boys' home", vacancy: { setting: { genders: ['male'] } } },
    { reason: 'NEED_NOT_SUPPORTED', what: 'an essential need not supported at all', vacancy: { setting: { needsSupported: [{ code: 'autism', level: 3 }] } } },
    { reason: 'NEED_NOT_SUPPORTED', what: 'an essential need supported below its level', vacancy: { setting: { needsSupported: [{ code: 'self-harm', level: 1 }] } } },
    { reason: 'NEED_EXCLUDED', what: 'an essential need the setting excludes', vacancy: { setting: { needsExcluded: ['self-harm'] } } },
    { reason: 'NEED_EXCLUDED', what: 'a non-essential need the setting excludes', vacancy: { setting: { needsExcluded: ['autism'] } } },
    { reason: 'NOT_AVAILABLE_IN_TIME', what: 'free only after the date needed', vacancy: { availableFrom: '2025-03-02' } },
    { reason: 'NOT_AVAILABLE_IN_TIME', what: 'gone before the date needed', vacancy: { availableUntil: '2025-02-28' } },
    { reason: 'NOT_AVAILABLE_IN_TIME', what: 'an emergency, the bed free only tomorrow', referral: emergency, vacancy: { availableFrom: '2025-02-02', emergencyReady: true } },
    {
      reason: 'NOT_AVAILABLE_IN_TIME',
      what: 'an emergency, the bed gone yesterday',
      referral: { ...emergency, requiredBy: '2025-02-03' },
      vacancy: { availableFrom: '2025-01-01', availableUntil: '2025-01-31', emergencyReady: true },
    },
    { reason: 'NOT_EMERGENCY_READY', what: 'an emergency, the setting cannot take a child today', referral: emergency, vacancy: { emergencyReady: false } },
    { reason: 'TOO_FAR', what: 'further than the maximum distance', referral: { maxDistanceMiles: 50 }, vacancy: { setting: { ...B1, localAuthorityCode: 'E08000025' } } },
    { reason: 'INSUFFICIENT_BEDS', what: 'two beds for three siblings', referral: { child: { siblingGroupSize: 3 } }, vacancy: { beds: 2 } },
    { reason: 'INADEQUATE_RATING', what: 'a setting graded Inadequate', vacancy: { setting: { ofstedGrade: 'inadequate' } } },
    { reason: 'RESERVED', what: 'a remand bed for a child who is not on remand', vacancy: { reservedFor: { legalStatuses: ['J1', 'J2'] } } },
    { reason: 'RESERVED', what: 'a block-contract bed for another LA', vacancy: { reservedFor: { localAuthorityCodes: [HOUNSLOW] } } },
    { reason: 'RESERVED', what: 'the right LA, the wrong legal status', vacancy: { reservedFor: { legalStatuses: ['J1'], localAuthorityCodes: [EALING] } } },
    { reason: 'RESERVED', what: 'a list given but empty admits no one', vacancy: { reservedFor: { localAuthorityCodes: [] } } },
    { reason: 'NOT_OPEN', what: 'a filled vacancy', vacancy: { status: 'filled' } },
    { reason: 'NOT_OPEN', what: 'a withdrawn vacancy', vacancy: { status: 'withdrawn' } },
    { reason: 'NOT_OPEN', what: 'an open vacancy with no beds left', vacancy: { beds: 0 }, expected: ['INSUFFICIENT_BEDS', 'NOT_OPEN'] },
  ];

  it.each(cases)('$reason: $what', ({ reason, referral, vacancy, expected = [reason] }) => {
    expect(checkEligibility(aReferral(referral), aVacancy(vacancy))).toEqual(expected);
  });

  it('covers every reason', () => {
    expect(new Set(cases.map(({ reason }) => reason))).toEqual(new Set(EXCLUSION_REASONS));
  });

  describe('the edges of the hard constraints', () => {
    it('takes the age on requiredBy: a birthday that day counts', () => {
      // Born 2012-06-15: 12 until 2025-06-14, 13 on 2025-06-15.
      const vacancy = aVacancy({ availableFrom: '2025-01-01', setting: { ageMin: 13 } });
      expect(checkEligibility(aReferral({ requiredBy: '2025-06-14' }), vacancy)).toEqual(['AGE_OUT_OF_RANGE']);
      expect(checkEligibility(aReferral({ requiredBy: '2025-06-15' }), vacancy)).toEqual([]);
    });

    it('accepts the age at both ends of the range', () => {
      expect(checkEligibility(aReferral(), aVacancy({ setting: { ageMin: 12, ageMax: 12 } }))).toEqual([]);
    });

    it('accepts a bed free from, or until, the very day it is needed', () => {
      const referral = aReferral({ requiredBy: '2025-03-01' });
      expect(checkEligibility(referral, aVacancy({ availableFrom: '2025-03-01', availableUntil: '2025-03-01' }))).toEqual([]);
    });

    it('holds an emergency to today, not requiredBy', () => {
      const referral = aReferral({ urgency: 'emergency', today: '2025-02-01', requiredBy: '2025-02-10' });
      expect(checkEligibility(referral, aVacancy({ availableFrom: '2025-02-01', emergencyReady: true }))).toEqual([]);
      expect(checkEligibility(referral, aVacancy({ availableFrom: '2025-02-05', emergencyReady: true }))).toEqual(['NOT_AVAILABLE_IN_TIME']);
    });

    it('does not ask a planned referral for an emergency-ready bed', () => {
      expect(checkEligibility(aReferral({ urgency: 'urgent' }), aVacancy({ emergencyReady: false }))).toEqual([]);
    });

    it('accepts exactly the maximum distance and no limit at all', () => {
      const vacancy = aVacancy({ setting: { ...B1, localAuthorityCode: 'E08000025' } });
      expect(checkEligibility(aReferral({ maxDistanceMiles: 94 }), vacancy)).toEqual([]);
      expect(checkEligibility(aReferral({ maxDistanceMiles: null }), vacancy)).toEqual([]);
    });

    it('accepts a non-essential need supported below its level, or not at all', () => {
      expect(checkEligibility(aReferral(), aVacancy({ setting: { needsSupported: [{ code: 'self-harm', level: 2 }] } }))).toEqual([]);
    });

    it('accepts a sibling group when there are beds for all of them', () => {
      expect(checkEligibility(aReferral({ child: { siblingGroupSize: 3 } }), aVacancy({ beds: 3 }))).toEqual([]);
    });

    it('admits a referral that satisfies every list of a reservation', () => {
      const referral = aReferral({ child: { legalStatus: 'J1' } });
      expect(checkEligibility(referral, aVacancy({ reservedFor: { legalStatuses: ['J1'], localAuthorityCodes: [EALING, HOUNSLOW] } }))).toEqual([]);
      expect(checkEligibility(referral, aVacancy({ reservedFor: {} }))).toEqual([]);
    });

    it('ignores needs the child does not have', () => {
      expect(checkEligibility(aReferral(), aVacancy({ setting: { needsExcluded: ['fire-setting', 'remand'] } }))).toEqual([]);
    });
  });

  it('reports every failed constraint at once, in the documented order', () => {
    const referral = aReferral({
      urgency: 'emergency',
      maxDistanceMiles: 10,
      placementTypes: ['U4'],
      child: { siblingGroupSize: 2 },
    });
    const vacancy = aVacancy({
      status: 'withdrawn',
      beds: 1,
      availableFrom: '2025-02-02',
      emergencyReady: false,
      reservedFor: { localAuthorityCodes: [HOUNSLOW] },
      setting: {
        ...B1,
        placementType: 'K2',
        ageMin: 14,
        genders: ['male'],
        needsSupported: [],
        needsExcluded: ['autism'],
        ofstedGrade: 'inadequate',
      },
    });
    expect(checkEligibility(referral, vacancy)).toEqual(EXCLUSION_REASONS);
  });
});
