import codes from './ssda903-codes.json';

/** SSDA903 code lists, as published by the DfE for the children looked after return. */
export const SSDA903 = {
  placementType: codes.placementType as Record<string, string>,
  categoryOfNeed: codes.categoryOfNeed as Record<string, string>,
  legalStatus: codes.legalStatus as Record<string, string>,
  reasonForPlacementChange: codes.reasonForPlacementChange as Record<string, string>,
  placementProvider: codes.placementProvider as Record<string, string>,
} as const;

export const PLACEMENT_TYPE_CODES = Object.keys(SSDA903.placementType);
export const CATEGORY_OF_NEED_CODES = Object.keys(SSDA903.categoryOfNeed);
export const LEGAL_STATUS_CODES = Object.keys(SSDA903.legalStatus);
export const REASON_FOR_PLACEMENT_CHANGE_CODES = Object.keys(SSDA903.reasonForPlacementChange);

/**
 * The placement types a setting on the platform can offer: the kinds of home a provider runs and
 * a referral can ask for. Temporary, parental, custodial and adoption codes describe a child's
 * circumstances, not a vacancy.
 */
export const SETTING_PLACEMENT_TYPES = ['K1', 'K2', 'K3', 'S1', 'U4', 'U5', 'U6', 'R1', 'R2', 'R3'] as const;
export type SettingPlacementType = (typeof SETTING_PLACEMENT_TYPES)[number];

export const OFSTED_GRADES = [
  'outstanding',
  'good',
  'requires_improvement',
  'inadequate',
  'not_yet_inspected',
] as const;
export type OfstedGrade = (typeof OFSTED_GRADES)[number];

export const GENDERS = ['female', 'male', 'other'] as const;
export type Gender = (typeof GENDERS)[number];

export const URGENCIES = ['emergency', 'urgent', 'planned'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const PROVIDER_SECTORS = ['private', 'voluntary', 'local_authority'] as const;
export type ProviderSector = (typeof PROVIDER_SECTORS)[number];
