import type { PlacementStatus } from '@app/domain';
import type { ChildSummary } from './child-summary';

/** Placements as the placing LA and the provider read them, one by one and in lists. */

export interface PlacementView {
  id: string;
  referralId: string;
  vacancyId: string;
  settingId: string;
  providerId: string;
  localAuthorityCode: string;
  startDate: string;
  weeklyCost: number;
  bedsTaken: number;
  status: PlacementStatus;
  endedOn: string | null;
  endReason: string | null;
  plannedEnding: boolean | null;
}

/** Enough for the placing LA to know which of its children this is. */
export interface ChildIdentity {
  localReference: string;
  dateOfBirth: string;
  gender: string;
}

/** Who a provider calls about a child it has taken: named by display name, else by email. */
export interface PlacingOfficer {
  name: string;
  email: string;
  phone: string | null;
}

/**
 * What a provider is told once its offer is accepted, to receive the child: the anonymised summary
 * it was offered the referral with, the child's date of birth, and whom to call. Never before
 * acceptance: only a placement leads here.
 */
export interface ProviderHandover {
  child: ChildSummary & { dateOfBirth: string };
  placingOfficer: PlacingOfficer;
}

/** A placement in a list: where, with whom, from when to when, at what cost. */
export interface PlacementListItem {
  id: string;
  referralId: string;
  vacancyId: string;
  settingId: string;
  settingName: string;
  providerId: string;
  providerName: string;
  startDate: string;
  endDate: string | null;
  endReason: string | null;
  planned: boolean | null;
  weeklyCost: number;
}

/** For the placing LA: which of its children it is. */
export interface LaPlacementListItem extends PlacementListItem {
  child: ChildIdentity;
}

/** For the provider: the child's age and gender, the placing LA, and what it needs to receive the child. */
export interface ProviderPlacementListItem extends PlacementListItem {
  ageYears: number;
  gender: string;
  localAuthorityCode: string;
  localAuthorityName: string;
  dateOfBirth: string;
  placingOfficer: PlacingOfficer;
}

/** Which placements a list shows: `live` (not ended) or `ended`; both when absent. */
export interface PlacementListFilter {
  state?: 'live' | 'ended';
  limit: number;
  offset: number;
}
