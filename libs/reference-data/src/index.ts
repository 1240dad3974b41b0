export { readLocalAuthorities } from './local-authorities';
export type { LocalAuthorityRecord } from './local-authorities';
export { readPostcodeDistricts } from './postcode-districts';
export type { PostcodeDistrictRecord } from './postcode-districts';
export { readOfstedProviders, registerGradeOf } from './ofsted-providers';
export type { OfstedProviderRecord } from './ofsted-providers';
export { claCalibration, PLACEMENT_CATEGORIES, placementCategoryOf } from './dfe-cla';
export type { ClaCalibration, PlacementCategory } from './dfe-cla';
