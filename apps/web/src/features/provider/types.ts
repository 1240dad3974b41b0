import type { Body, Ok } from '../../api/types';
/**
 * The answers the provider's pages read, as the api gives them today. To be replaced by the types
 * generated from the api's OpenAPI (src/api/schema.d.ts) once that lands.
 */

export interface ChildNeed {
  code: string;
  level: number;
  essential: boolean;
}

/** What a provider may know of a child: the api builds it from an allow-list, never names or dates of birth. */
export interface ChildSummary {
  ageYears: number;
  gender: string;
  postcodeDistrict: string;
  legalStatus: string;
  categoryOfNeed: string;
  needs: ChildNeed[];
  siblingGroupSize: number;
}

/** GET /provider/referrals: one row for each of our vacancies on a referral's shortlist. */
export interface ProviderReferral extends ChildSummary {
  referralId: string;
  vacancyId: string;
  urgency: 'emergency' | 'urgent' | 'planned';
  requiredBy: string;
  placementTypes: string[];
  score: number;
}

export type OfferStatus = 'open' | 'accepted' | 'closed' | 'withdrawn';

/** GET /provider/offers items. */
export interface ProviderOffer {
  id: string;
  referralId: string;
  vacancyId: string;
  settingId: string;
  settingName: string;
  weeklyCost: number;
  message: string | null;
  status: OfferStatus;
  /** Why a re-match closed it: the exclusion reasons its vacancy came to fail. */
  closedReasons?: string[];
  createdAt: string;
  referralStatus: string;
  placementId?: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface SupportedNeed {
  code: string;
  level: number;
}

/** A home as POST /settings takes it (PATCH takes any part of it but the provider). */
export type SettingBody = Body<'/api/v1/settings', 'post'>;

/** A home as its own provider reads it: the full postcode as well as its district. */
export type Setting = Ok<'/api/v1/settings/{id}'>;

export type VacancyStatus = 'open' | 'filled' | 'withdrawn';

export interface Vacancy {
  id: string;
  settingId: string;
  providerId: string;
  status: VacancyStatus;
  version: number;
  beds: number;
  availableFrom: string;
  availableUntil: string | null;
  weeklyCost: number;
  emergencyReady: boolean;
  settingName: string;
  placementType: string;
  postcodeDistrict: string;
  /** When the provider last created, changed or confirmed it, and whole days since. */
  confirmedAt: string;
  daysSinceConfirmed: number;
  /** Unconfirmed long enough that matching ranks it below fresh vacancies and never takes it for an emergency. */
  stale: boolean;
}

/** What the vacancy form edits: PATCH /vacancies/{id} takes any of them. */
export interface VacancyTerms {
  beds: number;
  availableFrom: string;
  availableUntil: string | null;
  weeklyCost: number;
  emergencyReady: boolean;
}

export interface Hold {
  id: string;
  vacancyId: string;
  referralId: string;
  localAuthorityCode: string;
  createdAt: string;
  expiresAt: string;
  beds: number;
}

/** GET /placements items for a provider. */
export interface PlacementItem {
  id: string;
  referralId: string;
  settingName: string;
  startDate: string;
  endDate?: string | null;
  endReason?: string | null;
  ageYears: number;
  gender: string;
  localAuthorityCode: string;
  localAuthorityName?: string;
}

export interface OutcomeStep {
  status: string;
  note: string | null;
  recordedByRole: string;
  /** A provider's `achieved` awaiting (or that awaited) the placing LA's confirmation. */
  proposed?: boolean;
  recordedAt: string;
}

export interface Outcome {
  id: string;
  kind: 'hard' | 'soft';
  description: string;
  targetDate: string;
  status: string;
  /** We said it is achieved; the placing LA has yet to confirm it. */
  awaitingConfirmation?: boolean;
  journey: OutcomeStep[];
}

export interface Feedback {
  rating: number;
  comments: string;
  youngPersonView: string | null;
  createdAt: string;
}

/** GET /placements/{id} as its provider reads it. */
export interface Placement {
  id: string;
  referralId: string;
  vacancyId: string;
  settingId: string;
  settingName?: string;
  localAuthorityCode: string;
  startDate: string;
  weeklyCost: number;
  status: 'active' | 'ended';
  endedOn?: string | null;
  endDate?: string | null;
  endReason: string | null;
  plannedEnding: boolean | null;
  child: ChildSummary & { dateOfBirth?: string };
  /** Once the offer is accepted: who to call at the placing LA. */
  placingOfficer?: { name?: string | null; email: string; phone?: string | null } | null;
  outcomes: Outcome[];
  feedback: Feedback | null;
}

export type Delivery = 'pending' | 'delivered' | 'cancelled' | 'failed' | 'not_sent';

export interface ProviderNotification {
  id: string;
  event: string;
  referralId: string;
  vacancyId: string;
  urgency: string;
  createdAt: string;
  delivery: Delivery;
  deliveredAt: string | null;
  attempts: number;
}

export interface WebhookSaved {
  providerId: string;
  url: string;
  updatedAt: string;
  queued: number;
}
