import { randomUUID } from 'node:crypto';
import { Prng } from '../../demo/deterministic';
import type { Grade, Model, Registration } from './england-model';
import { seedOf } from './seeded-random';
import { ALL_GENDERS, EXCLUSION_CANDIDATES, NEED_PROFILES, SETTING_MIX, type SettingType } from './setting-profiles';

interface SettingColumns {
  id: string[];
  providerId: string[];
  name: string[];
  placementType: string[];
  urn: (string | null)[];
  grade: string[];
  postcode: string[];
  district: string[];
  places: number[];
  ageMin: number[];
  ageMax: number[];
  genders: string[];
  needsSupported: string[];
  needsExcluded: string[];
  /** Kept for the vacancies of the setting (not inserted). */
  type: SettingType[];
  localAuthorityCode: string[];
}

/** What vacancies need to know of the settings already inserted: id, provider, type, LA, places. */
export interface SettingRef {
  id: string;
  providerId: string;
  type: SettingType;
  places: number;
  localAuthorityCode: string | null;
}

function needsFor(profile: string, rng: Prng, levelBoost = 0): { supported: string; excluded: string } {
  const supported: { code: string; level: number }[] = [];
  for (const [code, probability, min, max] of NEED_PROFILES[profile]) {
    if (rng.chance(probability)) supported.push({ code, level: Math.min(3, Math.max(1, rng.int(min, max) + levelBoost)) });
  }
  if (supported.length === 0) supported.push({ code: NEED_PROFILES[profile][0][0], level: 1 });
  const taken = new Set(supported.map((need) => need.code));
  const excluded = EXCLUSION_CANDIDATES[profile].filter((code) => !taken.has(code) && rng.chance(0.4));
  return { supported: JSON.stringify(supported), excluded: excluded.join(',') };
}

/** Settings number `from` to `to - 1`, each from its own seed. */
export function generateSettings(model: Model, from: number, to: number, districtLa: Map<string, string>): SettingColumns {
  const columns: SettingColumns = {
    id: [],
    providerId: [],
    name: [],
    placementType: [],
    urn: [],
    grade: [],
    postcode: [],
    district: [],
    places: [],
    ageMin: [],
    ageMax: [],
    genders: [],
    needsSupported: [],
    needsExcluded: [],
    type: [],
    localAuthorityCode: [],
  };
  const inLa = (code: string, rng: Prng) => model.districtsByLa.get(code)!.pick(rng);
  for (let i = from; i < to; i += 1) {
    const rng = new Prng(seedOf(1, i));
    const type = rng.weighted(SETTING_MIX);
    let record: Registration;
    let district: string;
    let postcode: string | null = null;
    let profile: string;
    let ageMin = 0;
    let ageMax = 17;
    let genders = ALL_GENDERS;
    let places: number;
    let levelBoost = 0;
    let grade: Grade;
    switch (type) {
      case 'K2': {
        record = rng.pick(model.homes);
        // Children's homes' addresses are redacted: a district of their LA, by where people live.
        district = record.district ?? inLa(record.localAuthorityCode, rng);
        places = record.places && record.places > 0 ? Math.min(record.places, 12) : rng.int(2, 5);
        const disability = !record.schoolHome && rng.chance(0.2);
        profile = record.schoolHome ? 'school' : disability ? 'homeDisability' : 'homeGeneral';
        [ageMin, ageMax] = record.schoolHome
          ? rng.pick([[8, 19], [11, 19]] as const)
          : disability
            ? rng.pick([[5, 17], [8, 17], [8, 18], [11, 17]] as const)
            : rng.weighted([[[8, 17], 3], [[10, 17], 3], [[11, 17], 4], [[12, 17], 3], [[13, 17], 2], [[14, 17], 1]] as const);
        if (!record.schoolHome) {
          genders = rng.weighted([[ALL_GENDERS, 7], ['male', 1.5], ['female', 1], ['female,other', 0.5]] as const);
        }
        if (places <= 2) levelBoost = 1;
        break;
      }
      case 'K1':
        record = rng.pick(model.secure);
        district = record.district ?? inLa(record.localAuthorityCode, rng);
        postcode = record.postcode;
        places = record.places ?? rng.int(8, 24);
        profile = 'secure';
        [ageMin, ageMax] = [10, 17];
        break;
      case 'S1':
        record = rng.pick(model.schools);
        district = record.district ?? inLa(record.localAuthorityCode, rng);
        postcode = record.postcode;
        places = record.places ?? rng.int(10, 60);
        profile = 'school';
        [ageMin, ageMax] = rng.pick([[7, 19], [8, 19], [11, 19], [11, 18]] as const);
        break;
      case 'R3':
        record = rng.pick(model.familyCentres);
        district = record.district ?? inLa(record.localAuthorityCode, rng);
        postcode = record.postcode;
        places = record.places ?? rng.int(3, 8);
        profile = 'familyCentre';
        [ageMin, ageMax] = [0, 17];
        break;
      case 'U4':
      case 'U5':
      case 'U6': {
        // Foster households live across their agency's region, where people live.
        record = rng.pick(model.agencies);
        district = (model.districtsByRegion.get(record.region) ?? model.england).pick(rng);
        places = rng.weighted([[1, 4], [2, 4], [3, 2]] as const);
        profile = 'foster';
        [ageMin, ageMax] =
          type === 'U4'
            ? rng.pick([[5, 17], [8, 17], [11, 17]] as const)
            : type === 'U5'
              ? [0, 4]
              : rng.pick([[0, 17], [0, 10], [0, 4], [5, 17], [11, 17], [13, 17]] as const);
        break;
      }
      case 'K3':
        // Supported accommodation: run by the same kinds of provider, near their homes.
        record = rng.pick(model.homes);
        district = inLa(record.localAuthorityCode, rng);
        places = rng.int(1, 8);
        profile = 'supported';
        [ageMin, ageMax] = [16, 17];
        break;
      default:
        // R1/R2: residential and health settings, anywhere people live.
        record = rng.pick(model.homes);
        district = model.england.pick(rng);
        places = rng.int(2, 10);
        profile = 'health';
        [ageMin, ageMax] = rng.pick([[0, 17], [5, 17], [11, 17]] as const);
    }
    // Registered supported accommodation is only now being inspected; new settings of any kind too.
    grade = type === 'K3' ? (rng.chance(0.7) ? 'not_yet_inspected' : record.grade) : rng.chance(0.06) ? 'not_yet_inspected' : record.grade;
    const needs = needsFor(profile, rng, levelBoost);
    const provider = model.providers[record.providerIndex];
    columns.id.push(randomUUID());
    columns.providerId.push(provider.id);
    columns.name.push(`Bench ${type} setting ${i}`);
    columns.placementType.push(type);
    columns.urn.push(type === 'K3' || type === 'R1' || type === 'R2' ? null : record.urn);
    columns.grade.push(grade);
    columns.postcode.push(postcode ?? `${district} 9ZZ`);
    columns.district.push(district);
    columns.places.push(places);
    columns.ageMin.push(ageMin);
    columns.ageMax.push(ageMax);
    columns.genders.push(genders);
    columns.needsSupported.push(needs.supported);
    columns.needsExcluded.push(needs.excluded);
    columns.type.push(type);
    columns.localAuthorityCode.push(districtLa.get(district) ?? record.localAuthorityCode);
  }
  return columns;
}
