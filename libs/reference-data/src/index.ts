export { readLocalAuthorities } from './local-authorities';
export type { LocalAuthorityRecord } from './local-authorities';
export { readPostcodeDistricts } from './postcode-districts';
export type { PostcodeDistrictRecord } from './postcode-districts';
export { readOfstedProviders } from './ofsted-providers';
export type { OfstedProviderRecord } from './ofsted-providers';
export { referenceDataDirectory } from './data-files';
