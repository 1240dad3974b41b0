import { readCsv } from './data-files';

export interface PostcodeDistrictRecord {
  district: string;
  latitude: number;
  longitude: number;
  localAuthorityCode: string | null;
  region: string;
  districtName: string;
  postTown: string | null;
  /** Live postcodes in the district: 0 for terminated and non-geographic ones. */
  activePostcodes: number;
}

type Row = Record<
  | 'outcode'
  | 'latitude'
  | 'longitude'
  | 'uk_region'
  | 'local_authority_district'
  | 'post_town'
  | 'la_gss_code'
  | 'active_postcodes',
  string
>;

/** Great Britain's 2,994 postcode districts with centroids (ONS Postcode Directory; OGL v3). */
export function readPostcodeDistricts(): PostcodeDistrictRecord[] {
  return readCsv<Row>('postcode-districts.csv').map((row) => ({
    district: row.outcode.toUpperCase(),
    latitude: Number(row.latitude),
    longitude: Number(row.longitude),
    localAuthorityCode: row.la_gss_code || null,
    region: row.uk_region,
    districtName: row.local_authority_district,
    postTown: row.post_town || null,
    activePostcodes: Number(row.active_postcodes) || 0,
  }));
}
