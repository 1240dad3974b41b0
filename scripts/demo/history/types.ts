/** What the history is built from and made of: its inputs, its rows and the plan that holds them. */
import type { ChildEntity, PlacementEntity } from '@app/persistence';
import type { ClaCalibration, OfstedProviderRecord, PlacementCategory } from '@app/reference-data';
import type { DemoPlan, DistrictInput, LaInput, PlannedProvider, PlannedSetting } from '../catalogue/types';

export const HISTORY_MONTHS = 36;
/** Every history referral's idempotency key starts so, then the anchor day: the rerun finds it there. */
export const HISTORY_KEY_PREFIX = 'demo-history:';
/** Providers of settings further afield are taken from LAs within this distance. */
export const HISTORY_RADIUS_MILES = 100;
/** A password hash no password matches: history accounts exist to own rows, not to sign in. */
export const NO_SIGN_IN = 'demo-history: no sign-in';
export const EMAIL_DOMAIN = 'demo.placements.local';

/** Distances this close to 20 miles are avoided, so rounding can never move a placement across. */
export const MILES_MARGIN = 0.5;

export interface HistoryDistrict extends DistrictInput {
  /** Live postcodes: how likely a child's home is in the district. */
  activePostcodes: number;
}

export interface HistoryInputs {
  /** `YYYY-MM-DD`: the last day of the history; referrals go back HISTORY_MONTHS months from it. */
  anchor: string;
  localAuthorities: LaInput[];
  districts: HistoryDistrict[];
  ofsted: OfstedProviderRecord[];
  /** The demo's catalogue: its settings are already loaded and placed into first. */
  catalogue: DemoPlan;
  /** The DfE calibration of each alliance borough. */
  calibrations: ClaCalibration[];
}

export type DistanceClass = 'inArea' | 'near' | 'far';
export const DISTANCE_CLASSES: readonly DistanceClass[] = ['inArea', 'near', 'far'];

export interface HistoryUser {
  id: string;
  email: string;
  role: 'placement_officer' | 'provider_user';
  localAuthorityCode: string | null;
  providerId: string | null;
  /** A borough's officer stands for its placement team: providers see it as the placing officer. */
  displayName: string | null;
  phone: string | null;
}

/** A child of the history: the columns of `children`, with England's local time of creation. */
export type HistoryChild = Pick<
  ChildEntity,
  | 'id'
  | 'localAuthorityCode'
  | 'localReference'
  | 'dateOfBirth'
  | 'gender'
  | 'homePostcode'
  | 'homeDistrict'
  | 'legalStatus'
  | 'categoryOfNeed'
  | 'needs'
  | 'siblingGroupSize'
  | 'ehcp'
> & {
  /** England's local time, `YYYY-MM-DD HH:MM:SS`. */
  createdAt: string;
};

export interface HistoryReferral {
  id: string;
  childId: string;
  localAuthorityCode: string;
  createdByUserId: string;
  idempotencyKey: string;
  requestHash: string;
  urgency: 'emergency' | 'urgent' | 'planned';
  requiredBy: string;
  placementTypes: string[];
  maxDistanceMiles: number | null;
  weeklyBudget: number | null;
  status: 'placed' | 'closed' | 'withdrawn';
  followsReferralId: string | null;
  placementId: string | null;
  /** England's local times, `YYYY-MM-DD HH:MM:SS`. */
  createdAt: string;
  /** Matched and shortlisted: minutes after it was made. */
  matchedAt: string;
  updatedAt: string;
}

export interface HistoryVacancy {
  id: string;
  settingId: string;
  providerId: string;
  availableFrom: string;
  weeklyCost: number;
  emergencyReady: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A SMART outcome agreed for a history placement, with England's local times. */
export interface HistoryOutcome {
  id: string;
  placementId: string;
  kind: 'hard' | 'soft';
  description: string;
  targetDate: string;
  status: 'not_started' | 'in_progress' | 'achieved' | 'not_achieved';
  createdByUserId: string;
  createdAt: string;
  updatedAt: string;
}

/** One step of an outcome's journey. */
export interface HistoryOutcomeUpdate {
  id: string;
  outcomeId: string;
  status: HistoryOutcome['status'];
  note: string | null;
  recordedByUserId: string;
  recordedByRole: 'placement_officer' | 'provider_user';
  recordedAt: string;
}

/** A provider a referral's shortlist reached, and when it first did. */
export interface HistoryShortlisting {
  referralId: string;
  providerId: string;
  /** England's local time, `YYYY-MM-DD HH:MM:SS`. */
  firstShortlistedAt: string;
}

/**
 * A provider a referral was sent to: matching's automatic send, in the moment it shortlisted the
 * provider (so the benchmarks, which count sends, time answers from it).
 */
export interface HistoryRecipient {
  referralId: string;
  providerId: string;
  /** England's local time, `YYYY-MM-DD HH:MM:SS`. */
  sentAt: string;
  /** The vacancy the provider offered, for the provider that placed the child; the history holds no others'. */
  vacancyIds: string[];
  /** Its place among the providers the referral was sent to, nearest to the child's home first. */
  bestRank: number;
}

export interface HistoryOffer {
  id: string;
  referralId: string;
  vacancyId: string;
  providerId: string;
  weeklyCost: number;
  createdByUserId: string;
  createdAt: string;
  updatedAt: string;
}

/** A placement of the history: the columns of `placements`, with England's local times. */
export type HistoryPlacement = Pick<
  PlacementEntity,
  | 'id'
  | 'referralId'
  | 'offerId'
  | 'vacancyId'
  | 'settingId'
  | 'providerId'
  | 'localAuthorityCode'
  | 'startDate'
  | 'weeklyCost'
  | 'bedsTaken'
  | 'endedOn'
  | 'endReason'
  | 'plannedEnding'
> & { createdAt: string; updatedAt: string };

/** What the history of one borough was built to show: placed referrals by category and class. */
export interface BoroughIntent {
  localAuthorityCode: string;
  referrals: number;
  placed: number;
  byCategory: Record<PlacementCategory, number>;
  byClass: Record<DistanceClass, number>;
}

export interface HistoryPlan {
  anchor: string;
  /** The period the referrals were made in, both days included. */
  from: string;
  to: string;
  users: HistoryUser[];
  /** Providers and settings the placements use that the catalogue does not hold. */
  providers: PlannedProvider[];
  settings: PlannedSetting[];
  children: HistoryChild[];
  referrals: HistoryReferral[];
  vacancies: HistoryVacancy[];
  offers: HistoryOffer[];
  placements: HistoryPlacement[];
  /** Besides the provider that offered, others the shortlist reached that never answered. */
  shortlistings: HistoryShortlisting[];
  /** The same providers, each sent the referral as it was shortlisted. */
  recipients: HistoryRecipient[];
  /** The outcomes agreed for each placement, and each one's journey to where it stands. */
  outcomes: HistoryOutcome[];
  outcomeUpdates: HistoryOutcomeUpdate[];
  intent: BoroughIntent[];
  /** Placements that found no setting of their class and went to the nearest other class (expected 0). */
  misses: number;
}

/** The kinds of row the history writes, each a list of the plan's. */
export type HistoryRowKind =
  | 'users'
  | 'providers'
  | 'settings'
  | 'children'
  | 'referrals'
  | 'vacancies'
  | 'offers'
  | 'placements'
  | 'shortlistings'
  | 'recipients'
  | 'outcomes'
  | 'outcomeUpdates';

export type Rows = Pick<HistoryPlan, HistoryRowKind>;
