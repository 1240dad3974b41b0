/** The West London Alliance of the demo, and what its catalogue is built from and made of. */
import type { OfstedProviderRecord } from '@app/reference-data';

export const ALLIANCE_NAME = 'West London Alliance';

/** The nine boroughs of the West London Alliance (ONS GSS codes). */
export const ALLIANCE_LA_CODES = [
  'E09000003', // Barnet
  'E09000005', // Brent
  'E09000009', // Ealing
  'E09000013', // Hammersmith and Fulham
  'E09000015', // Harrow
  'E09000017', // Hillingdon
  'E09000018', // Hounslow
  'E09000020', // Kensington and Chelsea
  'E09000033', // Westminster
] as const;

/** Providers are taken from LAs whose centroid lies within this distance of the alliance's centroid. */
export const DEMO_RADIUS_MILES = 25;

export interface LaInput {
  code: string;
  name: string;
  latitude: number;
  longitude: number;
}

export interface DistrictInput {
  district: string;
  latitude: number;
  longitude: number;
  localAuthorityCode: string | null;
  /** False for terminated or non-geographic districts (no live postcodes). */
  active: boolean;
}

export type Sector = 'private' | 'voluntary' | 'local_authority';
export type Grade = 'outstanding' | 'good' | 'requires_improvement' | 'inadequate' | 'not_yet_inspected';

export interface PlannedProvider {
  id: string;
  name: string;
  sector: Sector;
  ofstedUrn: string | null;
}

export interface PlannedSetting {
  id: string;
  providerId: string;
  name: string;
  placementType: 'K1' | 'K2' | 'K3' | 'R3' | 'S1' | 'U4' | 'U6';
  ofstedUrn: string | null;
  ofstedGrade: Grade;
  postcode: string;
  postcodeDistrict: string;
  localAuthorityCode: string;
  latitude: number;
  longitude: number;
  registeredPlaces: number;
  ageMin: number;
  ageMax: number;
  genders: string[];
  needsSupported: { code: string; level: number }[];
  needsExcluded: string[];
}

export interface PlannedVacancy {
  id: string;
  settingId: string;
  providerId: string;
  beds: number;
  availableFrom: string;
  availableUntil: string | null;
  weeklyCost: number;
  emergencyReady: boolean;
  reservedFor: { legalStatuses?: string[]; localAuthorityCodes?: string[] } | null;
}

export interface DemoPlan {
  allianceLaCodes: string[];
  catchmentLaCodes: string[];
  providers: PlannedProvider[];
  settings: PlannedSetting[];
  vacancies: PlannedVacancy[];
  /** The provider the demo provider_user belongs to: one with vacancies inside the alliance. */
  providerUserProviderId: string;
}

export interface PlanInputs {
  localAuthorities: LaInput[];
  districts: DistrictInput[];
  ofsted: OfstedProviderRecord[];
  /** `YYYY-MM-DD`: vacancies are dated from here. */
  today: string;
  /** Providers of the LAs within this distance of the alliance's centroid (DEMO_RADIUS_MILES). */
  radiusMiles?: number;
  /** Residential family centres too, as R3 settings (the demo's own catalogue leaves them out). */
  includeFamilyCentres?: boolean;
}
