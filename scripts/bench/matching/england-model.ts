/** The reference model: where settings and children are, from the real registers. */
import { randomUUID } from 'node:crypto';
import { readLocalAuthorities, readOfstedProviders, readPostcodeDistricts } from '@app/reference-data';
import { WeightedPool } from './seeded-random';

export type Grade = 'outstanding' | 'good' | 'requires_improvement' | 'inadequate' | 'not_yet_inspected';

export interface Registration {
  urn: string;
  providerIndex: number;
  localAuthorityCode: string;
  region: string;
  /** The registration's own postcode district when Ofsted publishes it (children's homes' are redacted). */
  district: string | null;
  postcode: string | null;
  grade: Grade;
  places: number | null;
  schoolHome: boolean;
}

interface Provider {
  id: string;
  name: string;
  sector: 'private' | 'voluntary' | 'local_authority';
  urn: string | null;
}

export interface Model {
  providers: Provider[];
  homes: Registration[];
  secure: Registration[];
  schools: Registration[];
  familyCentres: Registration[];
  agencies: Registration[];
  districtsByLa: Map<string, WeightedPool<string>>;
  districtsByRegion: Map<string, WeightedPool<string>>;
  england: WeightedPool<string>;
  /** LAs weighted by looked-after children: where referrals come from. */
  childLas: WeightedPool<string>;
  /** Counts for the report. */
  registrations: number;
  laCount: number;
  districtCount: number;
}

const GRADES: Record<string, Grade> = {
  Outstanding: 'outstanding',
  Good: 'good',
  'Requires improvement to be good': 'requires_improvement',
  Inadequate: 'inadequate',
};
const SECTORS: Record<string, Provider['sector']> = {
  Private: 'private',
  Voluntary: 'voluntary',
  'Local Authority': 'local_authority',
  Academy: 'voluntary',
  'Health Authority': 'local_authority',
};

export function buildModel(): Model {
  const localAuthorities = readLocalAuthorities();
  const laCodes = new Set(localAuthorities.map((la) => la.code));
  const allDistricts = readPostcodeDistricts();
  const live = new Map(allDistricts.map((d) => [d.district, d.activePostcodes]));
  // English districts only (those in an LA with children's services duties).
  const districts = allDistricts.filter((d) => d.localAuthorityCode && laCodes.has(d.localAuthorityCode));
  const districtSet = new Set(districts.map((d) => d.district));
  const grouped = (key: (d: (typeof districts)[number]) => string) => {
    const groups = new Map<string, (typeof districts)[number][]>();
    for (const d of districts) groups.set(key(d), [...(groups.get(key(d)) ?? []), d]);
    // Weighted by live postcodes (where people live); an LA whose districts have none, evenly.
    return new Map(
      [...groups].map(([group, list]) => {
        const anyLive = list.some((d) => (live.get(d.district) ?? 0) > 0);
        return [group, new WeightedPool(list.map((d) => [d.district, anyLive ? (live.get(d.district) ?? 0) : 1] as const))];
      }),
    );
  };
  const districtsByLa = grouped((d) => d.localAuthorityCode!);
  const districtsByRegion = grouped((d) => d.region);
  const england = new WeightedPool(districts.map((d) => [d.district, Math.max(live.get(d.district) ?? 0, 1)] as const));
  const childLas = new WeightedPool(
    localAuthorities
      .filter((la) => districtsByLa.has(la.code))
      .map((la) => [la.code, la.childrenLookedAfter ?? Math.round((la.population ?? 100_000) / 1_500)] as const),
  );

  const providers: Provider[] = [];
  const providerByOwner = new Map<string, number>();
  const homes: Registration[] = [];
  const secure: Registration[] = [];
  const schools: Registration[] = [];
  const familyCentres: Registration[] = [];
  const agencies: Registration[] = [];
  const lists: Record<string, Registration[]> = {
    "Children's home": homes,
    "Residential special school (registered as a children's home)": homes,
    "Secure children's home": secure,
    'Residential Special School': schools,
    'Residential Family Centre': familyCentres,
    'Independent Fostering Agency': agencies,
  };
  let registrations = 0;
  for (const record of readOfstedProviders()) {
    const list = lists[record.provisionType];
    if (!list || record.registrationStatus !== 'Active' || !districtsByLa.has(record.localAuthorityCode)) continue;
    registrations += 1;
    const owner = record.owner.replace(/\s+/g, ' ').trim();
    const key = owner ? owner.toLowerCase() : `urn:${record.urn}`;
    let providerIndex = providerByOwner.get(key);
    if (providerIndex === undefined) {
      providerIndex = providers.length;
      providers.push({
        id: randomUUID(),
        name: owner || (record.name !== 'REDACTED' && record.name) || `Provider of Ofsted URN ${record.urn}`,
        sector: SECTORS[record.sector] ?? 'private',
        urn: record.provisionType === 'Independent Fostering Agency' ? record.urn : null,
      });
      providerByOwner.set(key, providerIndex);
    }
    const outward = record.postcode === 'REDACTED' ? '' : record.postcode.trim().toUpperCase().split(/\s+/)[0];
    const district = districtSet.has(outward) ? outward : null;
    list.push({
      urn: record.urn,
      providerIndex,
      localAuthorityCode: record.localAuthorityCode,
      region: record.region,
      district,
      postcode: district && record.postcode.length <= 8 ? record.postcode.trim().toUpperCase() : null,
      grade: GRADES[record.overallGrade.trim()] ?? 'not_yet_inspected',
      places: record.places,
      schoolHome: record.provisionType.startsWith('Residential special school'),
    });
  }
  for (const [name, list] of Object.entries({ homes, secure, schools, familyCentres, agencies })) {
    if (list.length === 0) throw new Error(`no active Ofsted registrations of kind ${name}`);
  }
  return {
    providers,
    homes,
    secure,
    schools,
    familyCentres,
    agencies,
    districtsByLa,
    districtsByRegion,
    england,
    childLas,
    registrations,
    laCount: districtsByLa.size,
    districtCount: districts.length,
  };
}
