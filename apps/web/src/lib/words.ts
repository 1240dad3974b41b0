/**
 * Words for codes, in one place. The tables are the api's own (libs/domain), so a code the api
 * accepts always has its words here.
 */
import { SSDA903, SETTING_PLACEMENT_TYPES } from '@domain/codes/ssda903';
import { NEEDS_TAXONOMY, NEED_CODES, type NeedGroup } from '@domain/needs/needs-taxonomy';
import type { ExclusionReason } from '@domain/matching/types';

export { SSDA903, SETTING_PLACEMENT_TYPES, NEEDS_TAXONOMY, NEED_CODES };

/** `K2` -> "Children's home"; an unknown code comes back as itself. */
export const placementTypeWords = (code: string) => SSDA903.placementType[code] ?? code;
export const legalStatusWords = (code: string) => SSDA903.legalStatus[code] ?? code;
export const categoryOfNeedWords = (code: string) => SSDA903.categoryOfNeed[code] ?? code;
export const endReasonWords = (code: string) => SSDA903.reasonForPlacementChange[code] ?? code;

const NEED_WORDS: Record<string, string> = {
  'challenging-behaviour': 'Challenging behaviour',
  aggression: 'Aggression',
  'self-harm': 'Self-harm',
  'going-missing': 'Going missing',
  'cse-risk': 'Risk of child sexual exploitation',
  'cce-risk': 'Risk of child criminal exploitation',
  'substance-misuse': 'Substance misuse',
  'fire-setting': 'Fire-setting',
  'harmful-sexual-behaviour': 'Harmful sexual behaviour',
  offending: 'Offending',
  'learning-disability': 'Learning disability',
  autism: 'Autism',
  'physical-disability': 'Physical disability',
  'complex-health': 'Complex health needs',
  'mental-health': 'Mental health',
  'sensory-impairment': 'Sensory impairment',
  ehcp: 'Education, health and care plan',
  'not-in-education': 'Not in education',
  'sibling-group': 'Sibling group',
  'parent-and-child': 'Parent and child',
  'unaccompanied-asylum-seeking': 'Unaccompanied asylum-seeking child',
  remand: 'On remand',
  trauma: 'Trauma',
};
export const needWords = (code: string) => NEED_WORDS[code] ?? code;

export const NEED_GROUP_WORDS: Record<NeedGroup, string> = {
  behaviour: 'Behaviour and risk',
  'health-and-disability': 'Health and disability',
  education: 'Education',
  circumstances: 'Circumstances',
};

export const NEED_LEVEL_WORDS: Record<number, string> = {
  1: 'Level 1: low',
  2: 'Level 2: moderate',
  3: 'Level 3: high',
};

/** A child's need as a provider reads it: "Self-harm, level 2 (moderate), essential". */
export function needWithLevel(need: { code: string; level: number; essential?: boolean }): string {
  const level = ['', 'low', 'moderate', 'high'][need.level];
  return `${needWords(need.code)}, level ${need.level}${level ? ` (${level})` : ''}${need.essential ? ', essential' : ''}`;
}

/** "14-year-old girl": how a child is described to a provider, who never learns a name. */
export function childDescription(ageYears: number, gender: string): string {
  const noun = gender === 'female' ? 'girl' : gender === 'male' ? 'boy' : 'child';
  return `${ageYears}-year-old ${noun}`;
}

const STATUS_WORDS: Record<string, string> = {
  submitted: 'Submitted',
  matching: 'Matching',
  shortlisted: 'Shortlisted',
  no_match: 'No match',
  match_failed: 'Matching failed',
  placed: 'Placed',
  withdrawn: 'Withdrawn',
  closed: 'Closed',
  open: 'Open',
  accepted: 'Accepted',
  filled: 'Filled',
  emergency: 'Emergency',
  urgent: 'Urgent',
  planned: 'Planned',
  pending: 'Pending',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
  failed: 'Failed',
  not_sent: 'Not sent (no webhook)',
  live: 'Live',
  active: 'Live',
  ended: 'Ended',
  not_started: 'Not started',
  in_progress: 'In progress',
  achieved: 'Achieved',
  not_achieved: 'Not achieved',
};
export const statusWords = (status: string) => STATUS_WORDS[status] ?? status.replace(/_/g, ' ');

export const OFSTED_GRADE_WORDS: Record<string, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  requires_improvement: 'Requires improvement',
  inadequate: 'Inadequate',
  not_yet_inspected: 'Not yet inspected',
};
export const ofstedWords = (grade: string | null | undefined) => (grade ? (OFSTED_GRADE_WORDS[grade] ?? grade) : 'Not known');

export const GENDER_WORDS: Record<string, string> = { female: 'Female', male: 'Male', other: 'Other' };

export const DECLINE_REASON_WORDS: Record<string, string> = {
  no_capacity: 'No capacity',
  needs_cannot_be_met: 'Needs cannot be met',
  risk_to_other_children: 'Risk to other children',
  location: 'Location',
  cost: 'Cost',
  other: 'Other',
};
export const declineReasonWords = (reason: string) => DECLINE_REASON_WORDS[reason] ?? reason;

const EXCLUSION_WORDS: Record<ExclusionReason, string> = {
  TYPE_NOT_ACCEPTED: 'does not offer the placement types asked for',
  AGE_OUT_OF_RANGE: "the child's age is outside the home's range",
  GENDER_NOT_ACCEPTED: "does not take the child's gender",
  NEED_NOT_SUPPORTED: 'cannot support an essential need at the level asked for',
  NEED_EXCLUDED: "excludes one of the child's needs",
  NOT_AVAILABLE_IN_TIME: 'not available by the date needed',
  NOT_EMERGENCY_READY: 'not ready for an emergency today',
  TOO_FAR: 'further than the maximum distance',
  INSUFFICIENT_BEDS: 'fewer beds than the sibling group',
  INADEQUATE_RATING: 'rated Inadequate by Ofsted',
  RESERVED: 'reserved for other children',
  NOT_OPEN: 'no longer open',
};
export const exclusionWords = (reason: string) => EXCLUSION_WORDS[reason as ExclusionReason] ?? reason;

/** How an alert's delivery to the provider's webhook stands, in words. */
export const DELIVERY_WORDS: Record<string, { label: string; meaning: string }> = {
  pending: { label: 'Being sent', meaning: 'Sending to your webhook; retried with longer waits until it answers' },
  delivered: { label: 'Delivered', meaning: 'Your webhook accepted it' },
  cancelled: { label: 'Not needed', meaning: 'The referral was placed, withdrawn or matched elsewhere before it was sent' },
  failed: { label: 'Failed', meaning: 'Every retry failed: saving your webhook again sends it once more' },
  not_sent: { label: 'Not sent', meaning: 'You had no webhook when it was raised' },
};

export const OUTCOME_KIND_WORDS: Record<string, string> = { hard: 'Hard (measurable)', soft: 'Soft (wellbeing)' };

/** Who recorded a step of an outcome's journey. */
export const RECORDED_BY_WORDS: Record<string, string> = {
  placement_officer: 'Placing authority',
  provider_user: 'Provider',
  admin: 'Administrator',
};

/** What became of a referral an offer was made for, as its provider sees it. */
export const REFERRAL_FATE_WORDS: Record<string, string> = {
  shortlisted: 'Still looking for a home',
  matching: 'Being matched again',
  placed: 'Placed',
  withdrawn: 'Withdrawn by the placing authority',
  closed: 'Closed',
  no_match: 'No longer matched to your homes',
};

export const ROLE_WORDS: Record<string, string> = {
  placement_officer: 'Placement officer',
  provider_user: 'Provider',
  commissioner: 'Commissioner',
  admin: 'Administrator',
};

/** A provider's sector, as the api records it. */
export const SECTOR_WORDS: Record<string, string> = {
  private: 'Private',
  voluntary: 'Voluntary',
  local_authority: 'Local authority (in-house)',
};
