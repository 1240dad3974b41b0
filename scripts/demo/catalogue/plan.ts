/**
 * The West London Alliance demo, computed in memory from the real reference data. Pure and
 * deterministic: the same inputs (and the same `today`) always give the same plan, ids included,
 * so the seeder can insert it with ON CONFLICT DO NOTHING and reruns add nothing.
 */
import { addCalendarDays, distanceMiles, parsePostcode } from '@app/domain';
import { registerGradeOf, type OfstedProviderRecord } from '@app/reference-data';
import { demoUuid, hash32, Prng, roundTo } from '../deterministic';
import { needsFor } from './need-profiles';
import {
  ALLIANCE_LA_CODES,
  DEMO_RADIUS_MILES,
  type DemoPlan,
  type DistrictInput,
  type Grade,
  type PlanInputs,
  type PlannedProvider,
  type PlannedSetting,
  type PlannedVacancy,
  type Sector,
} from './types';

type SettingKind = 'childrens_home' | 'secure' | 'school' | 'school_home' | 'ifa' | 'family_centre';

const PROVISION_KINDS: Record<string, SettingKind> = {
  "Children's home": 'childrens_home',
  "Secure children's home": 'secure',
  'Residential Special School': 'school',
  // A residential special school registered as a children's home is, for SSDA903, a children's home.
  "Residential special school (registered as a children's home)": 'school_home',
  'Independent Fostering Agency': 'ifa',
  'Residential Family Centre': 'family_centre',
};

const SECTORS: Record<string, Sector> = {
  Private: 'private',
  Voluntary: 'voluntary',
  'Local Authority': 'local_authority',
};

const ALL_GENDERS = ['female', 'male', 'other'];

function cleanOwner(owner: string): string {
  return owner.replace(/\s+/g, ' ').trim();
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function realValue(value: string): string | null {
  const v = value.trim();
  return v && v.toUpperCase() !== 'REDACTED' ? v : null;
}

export function buildDemoPlan(inputs: PlanInputs): DemoPlan {
  const las = new Map(inputs.localAuthorities.map((la) => [la.code, la]));
  for (const code of ALLIANCE_LA_CODES) {
    if (!las.has(code)) throw new Error(`local authority ${code} is missing: run the migrations first`);
  }
  const allianceMembers = ALLIANCE_LA_CODES.map((code) => las.get(code)!);
  const centre = {
    latitude: allianceMembers.reduce((sum, la) => sum + la.latitude, 0) / allianceMembers.length,
    longitude: allianceMembers.reduce((sum, la) => sum + la.longitude, 0) / allianceMembers.length,
  };
  const catchment = new Set(
    inputs.localAuthorities
      .filter((la) => distanceMiles(centre, la) <= (inputs.radiusMiles ?? DEMO_RADIUS_MILES))
      .map((la) => la.code),
  );
  for (const code of ALLIANCE_LA_CODES) catchment.add(code);
  const allianceSet = new Set<string>(ALLIANCE_LA_CODES);

  // Districts per LA, live ones preferred, sorted so the choice by hash is stable.
  const districtsByLa = new Map<string, DistrictInput[]>();
  const districtByCode = new Map<string, DistrictInput>();
  for (const district of inputs.districts) {
    districtByCode.set(district.district, district);
    if (!district.localAuthorityCode) continue;
    const list = districtsByLa.get(district.localAuthorityCode) ?? [];
    list.push(district);
    districtsByLa.set(district.localAuthorityCode, list);
  }
  const districtIn = (laCode: string, key: string): DistrictInput => {
    const all = districtsByLa.get(laCode);
    if (!all || all.length === 0) throw new Error(`no postcode district for local authority ${laCode}`);
    const live = all.filter((d) => d.active);
    const pool = (live.length ? live : all).slice().sort((a, b) => a.district.localeCompare(b.district));
    return pool[hash32(key) % pool.length];
  };

  const registrations = inputs.ofsted
    .filter(
      (r) =>
        r.registrationStatus === 'Active' &&
        PROVISION_KINDS[r.provisionType] &&
        (PROVISION_KINDS[r.provisionType] !== 'family_centre' || inputs.includeFamilyCentres) &&
        catchment.has(r.localAuthorityCode),
    )
    .sort((a, b) => a.urn.localeCompare(b.urn));

  // One provider per distinct owner.
  const providers = new Map<string, PlannedProvider>();
  const providerFor = (record: OfstedProviderRecord): PlannedProvider => {
    const owner = cleanOwner(record.owner);
    const key = owner ? owner.toLowerCase() : `urn:${record.urn}`;
    let provider = providers.get(key);
    if (!provider) {
      provider = {
        id: demoUuid(`provider:${key}`),
        // Ofsted names no owner for a few registrations: the published name, else the URN.
        name: owner || realValue(record.name) || `Provider of Ofsted URN ${record.urn}`,
        sector: SECTORS[record.sector] ?? 'private',
        ofstedUrn: null,
      };
      providers.set(key, provider);
    }
    // An agency's own registration is the provider's; a chain of homes has no single URN.
    if (PROVISION_KINDS[record.provisionType] === 'ifa' && !provider.ofstedUrn) provider.ofstedUrn = record.urn;
    return provider;
  };

  const settings: PlannedSetting[] = [];
  const kindOfSetting = new Map<string, { kind: SettingKind; profile: string }>();

  for (const record of registrations) {
    const kind = PROVISION_KINDS[record.provisionType];
    const provider = providerFor(record);
    const grade: Grade = registerGradeOf(record);
    // Names read "<owner> home (URN ...)"; when Ofsted names no owner, just the kind and the URN.
    const owner = cleanOwner(record.owner) || realValue(record.name) || '';
    const titled = (kindName: string) => `${owner ? `${owner} ${kindName}` : capitalise(kindName)} (URN ${record.urn})`;
    const laCode = record.localAuthorityCode;

    if (kind === 'ifa') {
      const agencyName = realValue(record.name) ?? (owner || 'Fostering agency');
      const rng = new Prng(`ifa:${record.urn}`);
      const households = rng.int(2, 4);
      for (let i = 1; i <= households; i += 1) {
        const key = `setting:${record.urn}:household:${i}`;
        const hrng = new Prng(key);
        const district = districtIn(laCode, key);
        const longTerm = hrng.chance(0.25);
        const places = hrng.weighted([
          [1, 4],
          [2, 4],
          [3, 2],
        ] as const);
        const [ageMin, ageMax] = longTerm
          ? hrng.pick([
              [5, 17],
              [8, 17],
              [11, 17],
            ] as const)
          : hrng.pick([
              [0, 17],
              [0, 10],
              [0, 4],
              [5, 17],
              [11, 17],
              [13, 17],
            ] as const);
        const needs = needsFor('foster', hrng);
        if (places >= 2 && !needs.needsSupported.some((n) => n.code === 'sibling-group')) {
          needs.needsSupported.push({ code: 'sibling-group', level: places });
          needs.needsExcluded = needs.needsExcluded.filter((code) => code !== 'sibling-group');
        }
        const setting: PlannedSetting = {
          id: demoUuid(key),
          providerId: provider.id,
          name: `${agencyName} foster household ${i} (URN ${record.urn})`,
          placementType: longTerm ? 'U4' : 'U6',
          ofstedUrn: record.urn,
          ofstedGrade: grade,
          postcode: district.district,
          postcodeDistrict: district.district,
          localAuthorityCode: laCode,
          latitude: district.latitude,
          longitude: district.longitude,
          registeredPlaces: places,
          ageMin,
          ageMax,
          genders: ALL_GENDERS,
          ...needs,
        };
        settings.push(setting);
        kindOfSetting.set(setting.id, { kind, profile: 'foster' });
      }
      continue;
    }

    const key = `setting:${record.urn}`;
    const rng = new Prng(key);
    const places = record.places && record.places > 0 ? record.places : rng.int(2, 5);

    // Residential schools publish a real name and postcode; children's homes do not.
    let district = districtIn(laCode, key);
    let postcode = district.district;
    const realPostcode = realValue(record.postcode);
    if (realPostcode) {
      const parsed = parsePostcode(realPostcode);
      const known = parsed ? districtByCode.get(parsed.district) : undefined;
      if (parsed && known) {
        district = known;
        postcode = parsed.normalised;
      }
    }

    let placementType: PlannedSetting['placementType'];
    let profile: string;
    let name: string;
    let ageMin: number;
    let ageMax: number;
    let genders = ALL_GENDERS;
    let levelBoost = 0;
    switch (kind) {
      case 'family_centre':
        placementType = 'R3';
        profile = 'familyCentre';
        name = realValue(record.name) ?? titled('family centre');
        [ageMin, ageMax] = [0, 17];
        break;
      case 'secure':
        placementType = 'K1';
        profile = 'secure';
        name = titled("secure children's home");
        [ageMin, ageMax] = [10, 17];
        break;
      case 'school':
        placementType = 'S1';
        profile = 'school';
        name = realValue(record.name) ?? titled('residential school');
        [ageMin, ageMax] = rng.pick([
          [7, 19],
          [8, 19],
          [11, 19],
          [11, 18],
        ] as const);
        break;
      case 'school_home':
        placementType = 'K2';
        profile = 'school';
        name = titled('residential school home');
        [ageMin, ageMax] = rng.pick([
          [8, 19],
          [11, 19],
        ] as const);
        break;
      default: {
        placementType = 'K2';
        const disability = rng.chance(0.2);
        profile = disability ? 'homeDisability' : 'homeGeneral';
        name = owner ? titled('home') : `Children's home (URN ${record.urn})`;
        [ageMin, ageMax] = disability
          ? rng.pick([
              [5, 17],
              [8, 17],
              [8, 18],
              [11, 17],
            ] as const)
          : rng.weighted([
              [[8, 17], 3],
              [[10, 17], 3],
              [[11, 17], 4],
              [[12, 17], 3],
              [[13, 17], 2],
              [[14, 17], 1],
            ] as const);
        genders = rng.weighted([
          [ALL_GENDERS, 7],
          [['male'], 1.5],
          [['female'], 1],
          [['female', 'other'], 0.5],
        ] as const).slice();
        // Solo and two-bed homes take the children other homes cannot.
        if (places <= 2) levelBoost = 1;
      }
    }

    const setting: PlannedSetting = {
      id: demoUuid(key),
      providerId: provider.id,
      name,
      placementType,
      ofstedUrn: record.urn,
      ofstedGrade: grade,
      postcode,
      postcodeDistrict: district.district,
      localAuthorityCode: laCode,
      latitude: district.latitude,
      longitude: district.longitude,
      registeredPlaces: places,
      ageMin,
      ageMax,
      genders,
      ...needsFor(profile, rng, levelBoost),
    };
    settings.push(setting);
    kindOfSetting.set(setting.id, { kind, profile });
  }

  // Vacancies: a fraction of settings have one or two beds free over the coming weeks.
  const vacancies: PlannedVacancy[] = [];
  for (const setting of settings) {
    const { kind, profile } = kindOfSetting.get(setting.id)!;
    const rng = new Prng(`vacancy:${setting.id}`);
    const share = { ifa: 0.4, childrens_home: 0.35, school_home: 0.3, school: 0.3, secure: 0.5, family_centre: 0.3 }[kind];
    if (setting.ofstedGrade === 'inadequate' ? !rng.chance(share / 3) : !rng.chance(share)) continue;
    const beds = setting.registeredPlaces >= 2 && rng.chance(0.3) ? 2 : 1;
    const emergencyChance = { ifa: 0.3, childrens_home: 0.2, school_home: 0.05, school: 0, secure: 0.3, family_centre: 0.05 }[kind];
    const emergencyReady = rng.chance(emergencyChance);
    const availableFrom = emergencyReady ? inputs.today : addCalendarDays(inputs.today, rng.int(0, 42));
    let weeklyCost: number;
    switch (kind) {
      case 'ifa':
        weeklyCost = roundTo(rng.int(900, 1400), 5);
        break;
      case 'secure':
        weeklyCost = roundTo(rng.int(7500, 9500), 50);
        break;
      case 'school':
        weeklyCost = roundTo(rng.int(3500, 7000), 50);
        break;
      case 'family_centre':
        weeklyCost = roundTo(rng.int(3000, 5500), 50);
        break;
      default: {
        let cost = rng.int(4000, 7000);
        if (profile === 'homeDisability') cost += 500;
        if (setting.registeredPlaces <= 2) cost += 700;
        if (setting.ofstedGrade === 'outstanding') cost += 300;
        weeklyCost = roundTo(Math.min(8000, cost), 25);
      }
    }
    vacancies.push({
      id: demoUuid(`vacancy:${setting.id}:1`),
      settingId: setting.id,
      providerId: setting.providerId,
      beds,
      availableFrom,
      availableUntil: null,
      weeklyCost,
      emergencyReady,
      reservedFor: null,
    });
  }

  // Reservations: two foster beds retained for remand (a remand fostering scheme) and a few
  // children's home beds block-contracted by the alliance.
  const settingById = new Map(settings.map((s) => [s.id, s]));
  const inAlliance = (v: PlannedVacancy) => allianceSet.has(settingById.get(v.settingId)!.localAuthorityCode);
  const byId = (a: PlannedVacancy, b: PlannedVacancy) => a.id.localeCompare(b.id);
  const fosterVacancies = vacancies
    .filter((v) => kindOfSetting.get(v.settingId)!.kind === 'ifa')
    .sort((a, b) => Number(inAlliance(b)) - Number(inAlliance(a)) || byId(a, b));
  for (const vacancy of fosterVacancies.slice(0, 2)) vacancy.reservedFor = { legalStatuses: ['J1'] };
  const homeVacancies = vacancies
    .filter((v) => kindOfSetting.get(v.settingId)!.kind === 'childrens_home' && inAlliance(v) && !v.emergencyReady)
    .sort(byId);
  for (const vacancy of homeVacancies.slice(0, 3)) vacancy.reservedFor = { localAuthorityCodes: [...ALLIANCE_LA_CODES] };

  // The demo provider user: the provider with the most unreserved vacancies inside the alliance.
  const vacanciesPerProvider = new Map<string, number>();
  for (const vacancy of vacancies) {
    if (!inAlliance(vacancy) || vacancy.reservedFor) continue;
    vacanciesPerProvider.set(vacancy.providerId, (vacanciesPerProvider.get(vacancy.providerId) ?? 0) + 1);
  }
  const providerList = [...providers.values()].sort((a, b) => a.id.localeCompare(b.id));
  const providerNames = new Map(providerList.map((p) => [p.id, p.name]));
  const [chosen] = [...vacanciesPerProvider.entries()].sort(
    (a, b) => b[1] - a[1] || providerNames.get(a[0])!.localeCompare(providerNames.get(b[0])!),
  );
  if (!chosen) throw new Error('the demo plan has no vacancy inside the alliance');

  return {
    allianceLaCodes: [...ALLIANCE_LA_CODES],
    catchmentLaCodes: [...catchment].sort(),
    providers: providerList,
    settings,
    vacancies,
    providerUserProviderId: chosen[0],
  };
}
