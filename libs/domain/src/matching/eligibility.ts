import type { OfstedGrade } from '../codes/ssda903';
import { distanceMiles } from './distance';
import { loadSupportedLevels, prepareReferral, type PreparedReferral } from './prepared-referral';
import { isStaleVacancy } from './staleness';
import { EXCLUSION_REASONS, type ExclusionReason, type MatchReferral, type MatchVacancy } from './types';

/**
 * Hard constraints. Internally the failures are a bitmask (bit i = EXCLUSION_REASONS[i]) so the
 * ranking loop allocates nothing for a candidate until it knows what to report; every constraint
 * is checked, because the placement team is shown all the reasons a vacancy was ruled out.
 */
const BIT = Object.fromEntries(EXCLUSION_REASONS.map((reason, i) => [reason, 1 << i])) as Record<ExclusionReason, number>;

/**
 * Every hard constraint the vacancy fails for this referral, in {@link EXCLUSION_REASONS} order;
 * empty when it is eligible.
 */
export function checkEligibility(referral: MatchReferral, vacancy: MatchVacancy): ExclusionReason[] {
  const prepared = prepareReferral(referral);
  // A fresh array: the caller owns it.
  return [...reasonsOf(exclusionMask(prepared, vacancy, distanceMiles(referral.child.home, vacancy.setting)))];
}

/** The failed constraints as a bitmask; 0 means eligible. `miles` is the unrounded distance. */
export function exclusionMask(prepared: PreparedReferral, vacancy: MatchVacancy, miles: number): number {
  const { referral } = prepared;
  const child = referral.child;
  const setting = vacancy.setting;
  let mask = 0;

  if (!prepared.placementTypes.has(setting.placementType)) mask |= BIT.TYPE_NOT_ACCEPTED;
  if (ageOutOfRange(prepared.ageOnRequiredBy, setting.ageMin, setting.ageMax)) mask |= BIT.AGE_OUT_OF_RANGE;
  if (!setting.genders.includes(child.gender)) mask |= BIT.GENDER_NOT_ACCEPTED;
  mask |= needsMask(prepared, vacancy);
  if (notAvailableOn(vacancy.availableFrom, vacancy.availableUntil, prepared.neededOn)) mask |= BIT.NOT_AVAILABLE_IN_TIME;
  // A bed nobody has confirmed for a while is no bed to send a child to tonight.
  if (prepared.isEmergency && (!vacancy.emergencyReady || isStaleVacancy(vacancy.confirmedOn, prepared.freshFrom))) {
    mask |= BIT.NOT_EMERGENCY_READY;
  }
  if (referral.maxDistanceMiles !== null && miles > referral.maxDistanceMiles) mask |= BIT.TOO_FAR;
  if (tooFewBeds(vacancy.beds, child.siblingGroupSize)) mask |= BIT.INSUFFICIENT_BEDS;
  if (ratedInadequate(setting.ofstedGrade)) mask |= BIT.INADEQUATE_RATING;
  if (!qualifiesForReservation(referral, vacancy.reservedFor)) mask |= BIT.RESERVED;
  if (!isOpen(vacancy)) mask |= BIT.NOT_OPEN;
  return mask;
}

/*
 * The rules below are each written once, on plain values, for this check and for the vacancy
 * index's pre-filter, which applies them to its typed columns without building a vacancy.
 */

/** AGE_OUT_OF_RANGE: the child's age on the day they are needed by is outside the setting's range. */
export function ageOutOfRange(age: number, ageMin: number, ageMax: number): boolean {
  return age < ageMin || age > ageMax;
}

/**
 * NOT_AVAILABLE_IN_TIME: a bed free from after the day it is needed, or gone before it, is no use.
 * An emergency needs a bed today, whatever requiredBy says, and so does a referral whose requiredBy
 * has passed (see `neededOn`). Days are `YYYY-MM-DD`, in calendar order; `until` null has no end.
 */
export function notAvailableOn(from: string, until: string | null, neededOn: string): boolean {
  return from > neededOn || (until !== null && until < neededOn);
}

/**
 * The same rule on day numbers, as the vacancy index stores them (an open end as a day after any
 * other). A function of its own rather than one for both kinds of day: the index calls it for every
 * vacancy it scans, and a comparison that sees strings and numbers at one site runs slower.
 */
export function notAvailableOnDay(from: number, until: number, neededOn: number): boolean {
  return from > neededOn || until < neededOn;
}

/** INSUFFICIENT_BEDS: siblings placed together need a bed each. */
export function tooFewBeds(beds: number, siblingGroupSize: number): boolean {
  return beds < siblingGroupSize;
}

/** INADEQUATE_RATING: a setting Ofsted rates inadequate is not offered, however well it fits. */
export function ratedInadequate(grade: OfstedGrade): boolean {
  return grade === 'inadequate';
}

/** Open to a referral at all (else NOT_OPEN): withdrawn, filled and bedless vacancies are not. */
export function isOpen(vacancy: Pick<MatchVacancy, 'status' | 'beds'>): boolean {
  return vacancy.status === 'open' && vacancy.beds >= 1;
}

/**
 * NEED_NOT_SUPPORTED: an essential need below the required level. NEED_EXCLUDED: any of the
 * child's needs, essential or not, on the setting's list of needs it cannot accept (a fire-setting
 * risk in a home that has ruled it out is a safety matter, not a preference).
 */
function needsMask(prepared: PreparedReferral, vacancy: MatchVacancy): number {
  let mask = 0;
  const { requiredLevels, essential, supportedLevels, needIndex } = prepared;
  loadSupportedLevels(prepared, vacancy.setting.needsSupported);
  for (let i = 0; i < requiredLevels.length; i++) {
    if (essential[i] === 1 && supportedLevels[i] < requiredLevels[i]) {
      mask |= BIT.NEED_NOT_SUPPORTED;
      break;
    }
  }
  const excluded = vacancy.setting.needsExcluded;
  for (let i = 0; i < excluded.length; i++) {
    if (needIndex.has(excluded[i])) {
      mask |= BIT.NEED_EXCLUDED;
      break;
    }
  }
  return mask;
}

/**
 * A reserved bed (a remand scheme's retained bed, a block contract's LAs) is open only to
 * referrals that satisfy every list it gives. A list that is given but empty admits no one: a
 * reservation fails closed, because placing outside a block contract breaks the contract.
 */
function qualifiesForReservation(referral: MatchReferral, reservedFor: MatchVacancy['reservedFor']): boolean {
  if (reservedFor === null || reservedFor === undefined) return true;
  const { legalStatuses, localAuthorityCodes } = reservedFor;
  if (legalStatuses != null && !legalStatuses.includes(referral.child.legalStatus)) return false;
  if (localAuthorityCodes != null && !localAuthorityCodes.includes(referral.localAuthorityCode)) return false;
  return true;
}

/**
 * The reasons a mask stands for. The arrays are frozen and shared (a region's tens of thousands of
 * exclusions fall into a few dozen combinations), so a list of exclusions costs one array per
 * combination rather than one per vacancy.
 */
export function reasonsOf(mask: number): readonly ExclusionReason[] {
  let reasons = REASONS_BY_MASK.get(mask);
  if (reasons === undefined) {
    const list: ExclusionReason[] = [];
    for (let i = 0; i < EXCLUSION_REASONS.length; i++) {
      if (mask & (1 << i)) list.push(EXCLUSION_REASONS[i]);
    }
    reasons = Object.freeze(list);
    REASONS_BY_MASK.set(mask, reasons);
  }
  return reasons;
}

// At most 2^12 entries, each a short frozen array: bounded, and the same for every referral.
const REASONS_BY_MASK = new Map<number, readonly ExclusionReason[]>();
