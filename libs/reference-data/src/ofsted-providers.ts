import { readCsv } from './data-files';

/** One row of Ofsted's register of children's social care providers at 31 August 2024 (OGL v3). */
export interface OfstedProviderRecord {
  urn: string;
  provisionType: string;
  sector: string;
  registrationStatus: string;
  name: string;
  postcode: string;
  localAuthorityName: string;
  localAuthorityCode: string;
  region: string;
  places: number | null;
  owner: string;
  overallGrade: string;
}

type Row = Record<
  | 'urn'
  | 'provision_type'
  | 'sector'
  | 'registration_status'
  | 'name'
  | 'postcode'
  | 'local_authority'
  | 'la_gss_code'
  | 'region'
  | 'places'
  | 'owner'
  | 'overall_experiences_and_progress',
  string
>;

export function readOfstedProviders(): OfstedProviderRecord[] {
  return readCsv<Row>('ofsted-providers-2024-08-31.csv').map((row) => ({
    urn: row.urn,
    provisionType: row.provision_type,
    sector: row.sector,
    registrationStatus: row.registration_status,
    name: row.name,
    postcode: row.postcode,
    localAuthorityName: row.local_authority,
    localAuthorityCode: row.la_gss_code,
    region: row.region,
    places: /^\d+$/.test(row.places) ? Number(row.places) : null,
    owner: row.owner,
    overallGrade: row.overall_experiences_and_progress,
  }));
}
