import {
  AGE_BANDS,
  CATEGORY_OF_NEED_CODES,
  EXCLUSION_REASONS,
  GENDERS,
  LEGAL_STATUS_CODES,
  NEED_CODES,
  OFFER_STATUSES,
  OFSTED_GRADES,
  OUTCOME_STATUSES,
  PROVIDER_SECTORS,
  REASON_FOR_PLACEMENT_CHANGE_CODES,
  REFERRAL_STATUSES,
  SETTING_PLACEMENT_TYPES,
  URGENCIES,
  VACANCY_STATUSES,
} from '@app/domain';
import { DECLINE_REASONS, OFSTED_GRADE_SOURCES, OUTCOME_KINDS, ROLES } from '@app/persistence';

/**
 * The code lists of the OpenAPI document, each a named schema (`enumName`) that requests and
 * responses share, so the web app's client has one union type per list. Spread into
 * `@ApiProperty({ ...URGENCY })`, with `isArray: true` for a list of them.
 */
export function apiEnum(enumName: string, values: readonly string[]) {
  return { enum: [...values], enumName };
}

/** The members of a string union that has no array of them, checked by the compiler: every one, no other. */
export function unionMembers<T extends string>(members: Record<T, true>): T[] {
  return Object.keys(members) as T[];
}

export const URGENCY = apiEnum('Urgency', URGENCIES);
export const PLACEMENT_TYPE = apiEnum('PlacementType', SETTING_PLACEMENT_TYPES);
export const GENDER = apiEnum('Gender', GENDERS);
export const LEGAL_STATUS = apiEnum('LegalStatus', LEGAL_STATUS_CODES);
export const CATEGORY_OF_NEED = apiEnum('CategoryOfNeed', CATEGORY_OF_NEED_CODES);
export const NEED_CODE = apiEnum('NeedCode', NEED_CODES);
export const OFSTED_GRADE = apiEnum('OfstedGrade', OFSTED_GRADES);
export const OFSTED_GRADE_SOURCE = apiEnum('OfstedGradeSource', OFSTED_GRADE_SOURCES);
export const PROVIDER_SECTOR = apiEnum('ProviderSector', PROVIDER_SECTORS);
export const REASON_FOR_PLACEMENT_CHANGE = apiEnum('ReasonForPlacementChange', REASON_FOR_PLACEMENT_CHANGE_CODES);
export const EXCLUSION_REASON = apiEnum('ExclusionReason', EXCLUSION_REASONS);
export const ROLE = apiEnum('Role', ROLES);
export const REFERRAL_STATUS = apiEnum('ReferralStatus', REFERRAL_STATUSES);
export const VACANCY_STATUS = apiEnum('VacancyStatus', VACANCY_STATUSES);
export const OFFER_STATUS = apiEnum('OfferStatus', OFFER_STATUSES);
export const DECLINE_REASON = apiEnum('DeclineReason', DECLINE_REASONS);
export const OUTCOME_KIND = apiEnum('OutcomeKind', OUTCOME_KINDS);
export const OUTCOME_STATUS = apiEnum('OutcomeStatus', OUTCOME_STATUSES);
export const AGE_BAND = apiEnum('AgeBand', AGE_BANDS);
