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
  /** The latest full inspection's date (ISO 8601), or null when the provider has not had one. */
  inspectedOn: string | null;
}

/** A setting's Ofsted grade as the product speaks it; the register's words mapped onto it. */
export type RegisterGrade = 'outstanding' | 'good' | 'requires_improvement' | 'inadequate' | 'not_yet_inspected';

const REGISTER_GRADES: Record<string, RegisterGrade> = {
  Outstanding: 'outstanding',
  Good: 'good',
  'Requires improvement to be good': 'requires_improvement',
  Inadequate: 'inadequate',
};

/** The overall grade the register gives (experiences and progress); not yet inspected when it gives none. */
export function registerGradeOf(record: OfstedProviderRecord): RegisterGrade {
  return REGISTER_GRADES[record.overallGrade.trim()] ?? 'not_yet_inspected';
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
  | 'latest_full_inspection_date'
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
    inspectedOn: isoDate(row.latest_full_inspection_date),
  }));
}

/** The register writes dates as dd/mm/yyyy. */
function isoDate(text: string): string | null {
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text.trim());
  return match ? `${match[3]}-${match[2]}-${match[1]}` : null;
}
