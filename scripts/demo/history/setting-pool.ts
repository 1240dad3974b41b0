/** The settings the history's placements may use, beyond the catalogue's, and their providers. */
import { distanceMiles, type GeoPoint } from '@app/domain';
import type { PlacementCategory } from '@app/reference-data';
import { NEED_PROFILES } from '../catalogue/need-profiles';
import { buildDemoPlan } from '../catalogue/plan';
import { ALLIANCE_LA_CODES, type LaInput, type PlannedProvider, type PlannedSetting } from '../catalogue/types';
import { demoUuid, hash32, Prng } from '../deterministic';
import { HISTORY_RADIUS_MILES, type HistoryDistrict, type HistoryInputs } from './types';

export interface PoolSetting {
  setting: PlannedSetting;
  category: PlacementCategory;
  /** In-house foster carers are the LA's first call. */
  inHouseOf: string | null;
  /** Weekly cost range of its kind. */
  cost: readonly [number, number];
  /** True if already loaded with the catalogue. */
  inCatalogue: boolean;
}

const CATEGORY_OF_TYPE: Record<string, PlacementCategory> = {
  U4: 'foster',
  U5: 'foster',
  U6: 'foster',
  K1: 'childrensHomes',
  K2: 'childrensHomes',
  S1: 'residentialSchools',
  K3: 'supportedAccommodation',
  R1: 'otherResidential',
  R2: 'otherResidential',
  R3: 'otherResidential',
};

function costRange(setting: PlannedSetting, inHouse: boolean): readonly [number, number] {
  switch (setting.placementType) {
    case 'U4':
    case 'U6':
      return inHouse ? [450, 750] : [900, 1400];
    case 'K1':
      return [7500, 9500];
    case 'S1':
      return [3500, 7000];
    case 'K3':
      return [1000, 2800];
    case 'R3':
      return [3000, 5500];
    default:
      return setting.needsSupported.some((n) => n.code === 'learning-disability' && n.level >= 2) ? [4500, 8000] : [4000, 7500];
  }
}

/** How many illustrative supported accommodation providers: named so as to be plainly not real businesses. */
const SUPPORTED_PROVIDERS = 8;

export interface Candidate {
  p: PoolSetting;
  /** Miles from the child's home district. */
  d: number;
}

export interface Pool {
  settings: PoolSetting[];
  /** The providers of the settings beyond the catalogue. */
  providers: Map<string, PlannedProvider>;
}

export function buildPool(inputs: HistoryInputs, las: Map<string, LaInput>): Pool {
  const pool: PoolSetting[] = [];
  const providers = new Map<string, PlannedProvider>();
  const seen = new Set<string>();
  const laOk = (s: PlannedSetting) => {
    // A district attributed to the wrong LA in the reference data would put a setting far from its
    // LA (L37, Formby, is listed under Brent): such settings are left out.
    const la = s.localAuthorityCode ? las.get(s.localAuthorityCode) : undefined;
    return !!la && distanceMiles(la, s) <= 15;
  };
  const add = (setting: PlannedSetting, inCatalogue: boolean, inHouseOf: string | null = null) => {
    const category = CATEGORY_OF_TYPE[setting.placementType];
    if (!category || seen.has(setting.id) || !laOk(setting)) return;
    seen.add(setting.id);
    pool.push({ setting, category, inHouseOf, cost: costRange(setting, !!inHouseOf), inCatalogue });
  };
  for (const setting of inputs.catalogue.settings) add(setting, true);

  const wider = buildDemoPlan({
    localAuthorities: inputs.localAuthorities,
    districts: inputs.districts,
    ofsted: inputs.ofsted,
    today: inputs.anchor,
    radiusMiles: HISTORY_RADIUS_MILES,
    includeFamilyCentres: true,
  });
  for (const setting of wider.settings) add(setting, false);
  for (const provider of wider.providers) providers.set(provider.id, provider);

  // Residential districts (not an airport's or a business park's), by LA, for the settings made up below.
  const districtsByLa = new Map<string, HistoryDistrict[]>();
  for (const d of inputs.districts) {
    if (!d.localAuthorityCode || d.activePostcodes < 150) continue;
    const la = las.get(d.localAuthorityCode);
    if (!la || distanceMiles(la, d) > 10) continue;
    const list = districtsByLa.get(d.localAuthorityCode) ?? [];
    list.push(d);
    districtsByLa.set(d.localAuthorityCode, list);
  }
  for (const list of districtsByLa.values()) list.sort((a, b) => a.district.localeCompare(b.district));
  const pickDistrict = (laCode: string, rng: Prng) => {
    const list = districtsByLa.get(laCode)!;
    return rng.weighted(list.map((d) => [d, d.activePostcodes] as const));
  };
  const centre = (() => {
    const members = ALLIANCE_LA_CODES.map((code) => las.get(code)!);
    return {
      latitude: members.reduce((s, la) => s + la.latitude, 0) / members.length,
      longitude: members.reduce((s, la) => s + la.longitude, 0) / members.length,
    };
  })();
  const lasWithin = (from: GeoPoint, min: number, max: number) =>
    [...las.values()]
      .filter((la) => districtsByLa.has(la.code))
      .map((la) => ({ la, miles: distanceMiles(from, la) }))
      .filter((x) => x.miles >= min && x.miles <= max)
      .sort((a, b) => a.la.code.localeCompare(b.la.code));

  // Each borough's in-house fostering service: its own carers, most in or next to the borough.
  for (const calibration of inputs.calibrations) {
    const la = las.get(calibration.laCode)!;
    const provider: PlannedProvider = {
      id: demoUuid(`provider:in-house-fostering:${la.code}`),
      name: `${la.name} fostering service (in-house)`,
      sector: 'local_authority',
      ofstedUrn: null,
    };
    providers.set(provider.id, provider);
    const rng = new Prng(`in-house-fostering:${la.code}`);
    const neighbours = lasWithin(la, 0.1, 12);
    const further = lasWithin(la, 20, 45);
    const latestStarts = calibration.startsByYear[Math.max(...Object.keys(calibration.startsByYear).map(Number))];
    const households = Math.max(25, Math.round(latestStarts * calibration.placementMix.foster * 0.45));
    for (let i = 1; i <= households; i += 1) {
      const where = rng.weighted([
        ['home', 0.5],
        ['neighbour', 0.38],
        ['further', 0.12],
      ] as const);
      const laCode =
        where === 'home' || (where === 'neighbour' && !neighbours.length) || (where === 'further' && !further.length)
          ? la.code
          : rng.pick(where === 'neighbour' ? neighbours : further).la.code;
      const district = pickDistrict(laCode, rng);
      const longTerm = rng.chance(0.35);
      const places = rng.weighted([
        [1, 5],
        [2, 4],
        [3, 1],
      ] as const);
      const needsSupported = needsFor('foster', rng);
      if (places >= 2 && !needsSupported.some((n) => n.code === 'sibling-group')) {
        needsSupported.push({ code: 'sibling-group', level: places });
      }
      add(
        {
          id: demoUuid(`setting:in-house-fostering:${la.code}:${i}`),
          providerId: provider.id,
          name: `${la.name} in-house foster household ${i}`,
          placementType: longTerm ? 'U4' : 'U6',
          ofstedUrn: null,
          ofstedGrade: 'not_yet_inspected',
          postcode: district.district,
          postcodeDistrict: district.district,
          localAuthorityCode: laCode,
          latitude: district.latitude,
          longitude: district.longitude,
          registeredPlaces: places,
          ageMin: 0,
          ageMax: 17,
          genders: ['female', 'male', 'other'],
          needsSupported,
          needsExcluded: [],
        },
        false,
        la.code,
      );
    }
  }

  // Supported accommodation for 16- and 17-year-olds: illustrative, across London and the home counties.
  const supported: PlannedProvider[] = [];
  for (let i = 1; i <= SUPPORTED_PROVIDERS; i += 1) {
    const provider: PlannedProvider = {
      id: demoUuid(`provider:illustrative-supported-accommodation:${i}`),
      name: `Illustrative supported accommodation provider ${i} (demo)`,
      sector: i <= 6 ? 'private' : 'voluntary',
      ofstedUrn: null,
    };
    supported.push(provider);
    providers.set(provider.id, provider);
  }
  const alliance = new Set<string>(ALLIANCE_LA_CODES);
  for (const { la, miles } of lasWithin(centre, 0, 50)) {
    const count = alliance.has(la.code) ? 6 : miles <= 25 ? 3 : 2;
    for (let i = 1; i <= count; i += 1) {
      const key = `setting:illustrative-supported-accommodation:${la.code}:${i}`;
      const rng = new Prng(key);
      const provider = supported[hash32(key) % supported.length];
      const district = pickDistrict(la.code, rng);
      const needsSupported = [
        { code: 'unaccompanied-asylum-seeking', level: rng.int(1, 3) },
        { code: 'not-in-education', level: rng.int(1, 2) },
        ...(rng.chance(0.6) ? [{ code: 'mental-health', level: 1 }] : []),
        ...(rng.chance(0.5) ? [{ code: 'going-missing', level: 1 }] : []),
        ...(rng.chance(0.4) ? [{ code: 'trauma', level: rng.int(1, 2) }] : []),
      ];
      add(
        {
          id: demoUuid(key),
          providerId: provider.id,
          name: `${provider.name.replace(' (demo)', '')}, ${district.district} (demo)`,
          placementType: 'K3',
          ofstedUrn: null,
          ofstedGrade: 'not_yet_inspected',
          postcode: district.district,
          postcodeDistrict: district.district,
          localAuthorityCode: la.code,
          latitude: district.latitude,
          longitude: district.longitude,
          registeredPlaces: rng.int(4, 12),
          ageMin: 16,
          ageMax: 17,
          genders: rng.weighted([
            [['female', 'male', 'other'], 6],
            [['male'], 3],
            [['female'], 1],
          ] as const).slice(),
          needsSupported,
          needsExcluded: rng.chance(0.5) ? ['harmful-sexual-behaviour', 'fire-setting'] : ['fire-setting'],
        },
        false,
      );
    }
  }
  return { settings: pool, providers };
}

function needsFor(profile: string, rng: Prng): { code: string; level: number }[] {
  const supported: { code: string; level: number }[] = [];
  for (const [code, probability, min, max] of NEED_PROFILES[profile]) {
    if (rng.chance(probability)) supported.push({ code, level: rng.int(min, max) });
  }
  return supported.length ? supported : [{ code: NEED_PROFILES[profile][0][0], level: 1 }];
}
