import { readCsv } from './data-files';

export interface LocalAuthorityRecord {
  code: string;
  dfeCode: number;
  name: string;
  laType: string;
  region: string;
  latitude: number;
  longitude: number;
  population: number | null;
  childrenLookedAfter: number | null;
}

type Row = Record<
  | 'dfe_la_code'
  | 'gss_code'
  | 'la_name'
  | 'la_type'
  | 'region'
  | 'centroid_lat'
  | 'centroid_long'
  | 'pop_2020'
  | 'cla_31mar2025',
  string
>;

const wholeOrNull = (value: string) => (/^\d+$/.test(value) ? Number(value) : null);

/** The 153 English LAs with children's services duties (DfE, ONS; OGL v3). */
export function readLocalAuthorities(): LocalAuthorityRecord[] {
  return readCsv<Row>('local-authorities.csv').map((row) => ({
    code: row.gss_code,
    dfeCode: Number(row.dfe_la_code),
    name: row.la_name,
    laType: row.la_type,
    region: row.region,
    latitude: Number(row.centroid_lat),
    longitude: Number(row.centroid_long),
    population: wholeOrNull(row.pop_2020),
    childrenLookedAfter: wholeOrNull(row.cla_31mar2025),
  }));
}
