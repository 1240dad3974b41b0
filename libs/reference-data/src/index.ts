export { readLocalAuthorities } from './local-authorities';
export type { LocalAuthorityRecord } from './local-authorities';
export { readPostcodeDistricts } from './postcode-districts';
export type { PostcodeDistrictRecord } from './postcode-districts';
export { readOfstedProviders, registerGradeOf } from './ofsted-providers';
export type { OfstedProviderRecord, RegisterGrade } from './ofsted-providers';
export { referenceDataDirectory } from './data-files';
export {
  claCalibration,
  DFE_CATEGORIES_NOT_ON_PLATFORM,
  DFE_CLA_FILES,
  PLACEMENT_CATEGORIES,
  placementCategoryOf,
  readClaCounts,
  readClaPlacedOutside,
  readClaPlacements,
} from './dfe-cla';
export type {
  CalibrationOptions,
  ClaCalibration,
  ClaCountRecord,
  ClaMeasure,
  ClaPlacedOutsideRecord,
  ClaPlacementRecord,
  PlacementCategory,
} from './dfe-cla';
