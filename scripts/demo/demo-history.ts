/**
 * Three years of history for the West London Alliance demo: children, referrals, the offers and
 * placements that answered them, and endings with SSDA903 reasons. Pure and deterministic, like
 * the catalogue (demo-plan.ts): the same inputs and anchor day give the same rows and ids.
 *
 * Calibrated on the DfE's children looked after figures for each borough (libs/reference-data,
 * dfe-cla.ts): children starting to be looked after per reporting year set the volume; the mix of
 * placement types, the share placed outside the borough and the share placed more than 20 miles
 * from home are met exactly, by quota, over the placements the history makes, so that the
 * sufficiency the service computes for the three years gives back the DfE shares.
 *
 * What happens to a child: a referral on the day they start to be looked after (one in twenty is
 * withdrawn before a placement is found: the child went home); a placement days or weeks later
 * (the same day for an emergency); an emergency placement is a bridge, followed by the planned
 * step-down referral the product opens and a move a month later; placements end in a breakdown
 * (unplanned) or a planned move, each move a new referral for the same child; the last placement
 * ends when the child leaves care or turns 18, or is still live today.
 *
 * Where: each placement is given its category (DfE's placement types) and its distance class (in
 * the borough; another LA within 20 miles; more than 20 miles from home) by quota, then a real
 * setting of that category and class, preferring near, well-graded settings with room at the time.
 * The settings are the demo's catalogue (LAs within 25 miles) and, for children placed further or
 * in kinds of setting the catalogue lacks: the Ofsted-registered homes, schools, fostering agencies
 * and residential family centres of LAs within 100 miles, each borough's in-house fostering
 * service (its own foster carers, which every LA has and the Ofsted register does not list), and
 * illustrative supported accommodation (Ofsted has registered it only since 2023-24; the register
 * of August 2024 shipped here has none). Only the settings a placement uses are loaded.
 */
import { createHash } from 'node:crypto';
import { ageInYears, distanceMiles, type GeoPoint } from '@app/domain';
import type { ChildEntity, PlacementEntity } from '@app/persistence';
import type { ClaCalibration, OfstedProviderRecord, PlacementCategory } from '@app/reference-data';
import {
  ALLIANCE_LA_CODES,
  buildDemoPlan,
  NEED_PROFILES,
  type DemoPlan,
  type DistrictInput,
  type Grade,
  type LaInput,
  type PlannedProvider,
  type PlannedSetting,
} from './demo-plan';
import { demoUuid, hash32, Prng, roundTo } from './deterministic';

export const HISTORY_MONTHS = 36;
/** Every history referral's idempotency key starts so, then the anchor day: the rerun finds it there. */
export const HISTORY_KEY_PREFIX = 'demo-history:';
/** Providers of settings further afield are taken from LAs within this distance. */
export const HISTORY_RADIUS_MILES = 100;
/** A password hash no password matches: history accounts exist to own rows, not to sign in. */
export const NO_SIGN_IN = 'demo-history: no sign-in';
const EMAIL_DOMAIN = 'demo.placements.local';

/** Distances this close to 20 miles are avoided, so rounding can never move a placement across. */
const MILES_MARGIN = 0.5;

export interface HistoryDistrict extends DistrictInput {
  /** Live postcodes: how likely a child's home is in the district. */
  activePostcodes: number;
}

export interface HistoryInputs {
  /** `YYYY-MM-DD`: the last day of the history; referrals go back HISTORY_MONTHS months from it. */
  anchor: string;
  localAuthorities: LaInput[];
  districts: HistoryDistrict[];
  ofsted: OfstedProviderRecord[];
  /** The demo's catalogue: its settings are already loaded and placed into first. */
  catalogue: DemoPlan;
  /** The DfE calibration of each alliance borough. */
  calibrations: ClaCalibration[];
}

export type DistanceClass = 'inArea' | 'near' | 'far';
export const DISTANCE_CLASSES: readonly DistanceClass[] = ['inArea', 'near', 'far'];

export interface HistoryUser {
  id: string;
  email: string;
  role: 'placement_officer' | 'provider_user';
  localAuthorityCode: string | null;
  providerId: string | null;
  /** A borough's officer stands for its placement team: providers see it as the placing officer. */
  displayName: string | null;
  phone: string | null;
}

/** A child of the history: the columns of `children`, with England's local time of creation. */
export type HistoryChild = Pick<
  ChildEntity,
  | 'id'
  | 'localAuthorityCode'
  | 'localReference'
  | 'dateOfBirth'
  | 'gender'
  | 'homePostcode'
  | 'homeDistrict'
  | 'legalStatus'
  | 'categoryOfNeed'
  | 'needs'
  | 'siblingGroupSize'
  | 'ehcp'
> & {
  /** England's local time, `YYYY-MM-DD HH:MM:SS`. */
  createdAt: string;
};

export interface HistoryReferral {
  id: string;
  childId: string;
  localAuthorityCode: string;
  createdByUserId: string;
  idempotencyKey: string;
  requestHash: string;
  urgency: 'emergency' | 'urgent' | 'planned';
  requiredBy: string;
  placementTypes: string[];
  maxDistanceMiles: number | null;
  weeklyBudget: number | null;
  status: 'placed' | 'closed' | 'withdrawn';
  followsReferralId: string | null;
  placementId: string | null;
  /** England's local times, `YYYY-MM-DD HH:MM:SS`. */
  createdAt: string;
  /** Matched and shortlisted: minutes after it was made. */
  matchedAt: string;
  updatedAt: string;
}

export interface HistoryVacancy {
  id: string;
  settingId: string;
  providerId: string;
  availableFrom: string;
  weeklyCost: number;
  emergencyReady: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A SMART outcome agreed for a history placement, with England's local times. */
export interface HistoryOutcome {
  id: string;
  placementId: string;
  kind: 'hard' | 'soft';
  description: string;
  targetDate: string;
  status: 'not_started' | 'in_progress' | 'achieved' | 'not_achieved';
  createdByUserId: string;
  createdAt: string;
  updatedAt: string;
}

/** One step of an outcome's journey. */
export interface HistoryOutcomeUpdate {
  id: string;
  outcomeId: string;
  status: HistoryOutcome['status'];
  note: string | null;
  recordedByUserId: string;
  recordedByRole: 'placement_officer' | 'provider_user';
  recordedAt: string;
}

/** A provider a referral's shortlist reached, and when it first did. */
export interface HistoryShortlisting {
  referralId: string;
  providerId: string;
  /** England's local time, `YYYY-MM-DD HH:MM:SS`. */
  firstShortlistedAt: string;
}

/**
 * A provider a referral was sent to: matching's automatic send, in the moment it shortlisted the
 * provider (so the benchmarks, which count sends, time answers from it).
 */
export interface HistoryRecipient {
  referralId: string;
  providerId: string;
  /** England's local time, `YYYY-MM-DD HH:MM:SS`. */
  sentAt: string;
  /** The vacancy the provider offered, for the provider that placed the child; the history holds no others'. */
  vacancyIds: string[];
  /** Its place among the providers the referral was sent to, nearest to the child's home first. */
  bestRank: number;
}

export interface HistoryOffer {
  id: string;
  referralId: string;
  vacancyId: string;
  providerId: string;
  weeklyCost: number;
  createdByUserId: string;
  createdAt: string;
  updatedAt: string;
}

/** A placement of the history: the columns of `placements`, with England's local times. */
export type HistoryPlacement = Pick<
  PlacementEntity,
  | 'id'
  | 'referralId'
  | 'offerId'
  | 'vacancyId'
  | 'settingId'
  | 'providerId'
  | 'localAuthorityCode'
  | 'startDate'
  | 'weeklyCost'
  | 'bedsTaken'
  | 'endedOn'
  | 'endReason'
  | 'plannedEnding'
> & { createdAt: string; updatedAt: string };

/** What the history of one borough was built to show: placed referrals by category and class. */
export interface BoroughIntent {
  localAuthorityCode: string;
  referrals: number;
  placed: number;
  byCategory: Record<PlacementCategory, number>;
  byClass: Record<DistanceClass, number>;
}

export interface HistoryPlan {
  anchor: string;
  /** The period the referrals were made in, both days included. */
  from: string;
  to: string;
  users: HistoryUser[];
  /** Providers and settings the placements use that the catalogue does not hold. */
  providers: PlannedProvider[];
  settings: PlannedSetting[];
  children: HistoryChild[];
  referrals: HistoryReferral[];
  vacancies: HistoryVacancy[];
  offers: HistoryOffer[];
  placements: HistoryPlacement[];
  /** Besides the provider that offered, others the shortlist reached that never answered. */
  shortlistings: HistoryShortlisting[];
  /** The same providers, each sent the referral as it was shortlisted. */
  recipients: HistoryRecipient[];
  /** The outcomes agreed for each placement, and each one's journey to where it stands. */
  outcomes: HistoryOutcome[];
  outcomeUpdates: HistoryOutcomeUpdate[];
  intent: BoroughIntent[];
  /** Placements that found no setting of their class and went to the nearest other class (expected 0). */
  misses: number;
}

// ---- days ---------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoDays = new Map<number, string>();
const isoOf = (day: number) => {
  let iso = isoDays.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoDays.set(day, iso);
  }
  return iso;
};
const weekdayOf = (day: number) => new Date(day * DAY_MS).getUTCDay(); // 0 Sunday

function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

const at = (day: number, minutes: number) => {
  const m = Math.max(0, Math.min(24 * 60 - 1, Math.round(minutes)));
  return `${isoOf(day)} ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00`;
};

/** The DfE reporting year a day falls in: April to March, named by the year it ends. */
const reportingYear = (day: number) => {
  const date = new Date(day * DAY_MS);
  return date.getUTCFullYear() + (date.getUTCMonth() >= 3 ? 1 : 0);
};

/** More children come into care in autumn and late winter, fewer in August and at Christmas. */
const SEASONALITY = [1.05, 1.0, 1.08, 0.96, 1.0, 0.98, 0.97, 0.82, 1.08, 1.1, 1.04, 0.92];
const SEASON_MEAN = SEASONALITY.reduce((a, b) => a + b, 0) / 12;
/** Referrals are made on working days, a few at weekends. */
const WEEKDAY = [0.35, 1.15, 1.15, 1.15, 1.15, 1.15, 0.35]; // Sunday first; mean 0.921...
const WEEKDAY_MEAN = WEEKDAY.reduce((a, b) => a + b, 0) / 7;

// ---- the setting pool ---------------------------------------------------------------------------

interface PoolSetting {
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

interface Candidate {
  p: PoolSetting;
  /** Miles from the child's home district. */
  d: number;
}

interface Pool {
  settings: PoolSetting[];
  /** The providers of the settings beyond the catalogue. */
  providers: Map<string, PlannedProvider>;
}

function buildPool(inputs: HistoryInputs, las: Map<string, LaInput>): Pool {
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

// ---- quotas -------------------------------------------------------------------------------------

/** Whole numbers in proportion to `shares`, adding up to `total` (largest remainder). */
export function apportion<K extends string>(total: number, shares: Record<K, number>): Record<K, number> {
  const keys = Object.keys(shares) as K[];
  const sum = keys.reduce((s, k) => s + shares[k], 0);
  const exact = keys.map((k) => (sum > 0 ? (shares[k] / sum) * total : 0));
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = keys.map((_, i) => i).sort((a, b) => exact[b] - counts[b] - (exact[a] - counts[a]) || a - b);
  for (const i of order) {
    if (left <= 0) break;
    counts[i] += 1;
    left -= 1;
  }
  return Object.fromEntries(keys.map((k, i) => [k, counts[i]])) as Record<K, number>;
}

/** Where each category tends to be placed, before the margins are fitted. */
const CLASS_PRIOR: Record<PlacementCategory, Record<DistanceClass, number>> = {
  foster: { inArea: 0.45, near: 0.4, far: 0.15 },
  childrensHomes: { inArea: 0.15, near: 0.35, far: 0.5 },
  residentialSchools: { inArea: 0.1, near: 0.3, far: 0.6 },
  supportedAccommodation: { inArea: 0.35, near: 0.5, far: 0.15 },
  otherResidential: { inArea: 0.1, near: 0.45, far: 0.45 },
};

/**
 * A whole-number table of placements by category and class with the given row and column totals,
 * as close to the prior as iterative proportional fitting gets, and nothing in an infeasible cell.
 */
function fitTable(
  rows: Record<PlacementCategory, number>,
  columns: Record<DistanceClass, number>,
  feasible: (c: PlacementCategory, k: DistanceClass) => boolean,
): Record<PlacementCategory, Record<DistanceClass, number>> {
  const cats = Object.keys(rows) as PlacementCategory[];
  const table = cats.map((c) => DISTANCE_CLASSES.map((k) => (feasible(c, k) && rows[c] > 0 ? CLASS_PRIOR[c][k] : 0)));
  for (let iteration = 0; iteration < 200; iteration += 1) {
    cats.forEach((c, i) => {
      const sum = table[i].reduce((a, b) => a + b, 0);
      if (sum > 0) table[i] = table[i].map((v) => (v * rows[c]) / sum);
    });
    DISTANCE_CLASSES.forEach((k, j) => {
      const sum = cats.reduce((s, _, i) => s + table[i][j], 0);
      if (sum > 0) cats.forEach((_, i) => (table[i][j] = (table[i][j] * columns[k]) / sum));
    });
  }
  // Round each row to its total, then move single placements between cells to meet the columns.
  const whole = cats.map((c, i) =>
    Object.values(apportion(rows[c], Object.fromEntries(DISTANCE_CLASSES.map((k, j) => [k, table[i][j]])))) as number[],
  );
  for (let guard = 0; guard < 10_000; guard += 1) {
    const off = DISTANCE_CLASSES.map((k, j) => whole.reduce((s, row) => s + row[j], 0) - columns[k]);
    const over = off.findIndex((v) => v > 0);
    const under = off.findIndex((v) => v < 0);
    if (over < 0 || under < 0) break;
    const i = cats
      .map((c, index) => index)
      .filter((index) => whole[index][over] > 0 && feasible(cats[index], DISTANCE_CLASSES[under]))
      .sort((a, b) => table[b][under] - whole[b][under] - (table[a][under] - whole[a][under]))[0];
    if (i === undefined) break;
    whole[i][over] -= 1;
    whole[i][under] += 1;
  }
  return Object.fromEntries(
    cats.map((c, i) => [c, Object.fromEntries(DISTANCE_CLASSES.map((k, j) => [k, whole[i][j]]))]),
  ) as Record<PlacementCategory, Record<DistanceClass, number>>;
}

// ---- the plan -----------------------------------------------------------------------------------

interface Child {
  /** Numbered per LA in the order they came into care. */
  n: number;
  la: string;
  dob: string;
  gender: string;
  /** Home: chosen with the first placement, so that one of its class is within reach. */
  district: HistoryDistrict | null;
  siblings: number;
  createdAt: string;
  /** The kind of placement first asked for, which shapes the needs recorded. */
  firstCategory?: PlacementCategory;
}

/** A referral as it is planned: days are days since 1970-01-01, minutes past midnight in England. */
interface Ref {
  /** `<LA>:<n>`, numbered in the order the LA made them: the seed of its ids. */
  key: string;
  la: string;
  child: Child;
  day: number;
  minutes: number;
  urgency: 'emergency' | 'urgent' | 'planned';
  /** The emergency referral a step-down follows. */
  follows: Ref | null;
  /** The placement's first and last day (null: not placed, or still live), and how it ended. */
  start: number | null;
  end: number | null;
  planned: boolean | null;
  reason: string | null;
  /** The referrals that share placement types: an emergency and its step-down, or itself. */
  unit: Ref[];
  category?: PlacementCategory;
  distanceClass?: DistanceClass;
  secure?: boolean;
  longTerm?: boolean;
  /** The setting it went to, and the nearest settings of other providers that would have taken the child. */
  chosen?: { pool: PoolSetting; miles: number; others: Candidate[] };
}

const PLANNED_REASONS = [
  ['CARPL', 55],
  ['LAREQ', 15],
  ['CHILD', 10],
  ['CREQO', 10],
  ['PLACE', 5],
  ['OTHER', 5],
] as const;
// CUSTOD is left out: placements.end_reason is varchar(5) and the code has six letters.
const UNPLANNED_REASONS = [
  ['CREQB', 35],
  ['CHILD', 15],
  ['ALLEG', 10],
  ['CREQO', 10],
  ['STAND', 8],
  ['CLOSE', 7],
  ['LAREQ', 7],
  ['APPRR', 3],
  ['OTHER', 5],
] as const;

/** Who may be placed where, by age on the day of the referral. */
const ELIGIBLE: Record<PlacementCategory, (age: number) => boolean> = {
  supportedAccommodation: (age) => age >= 16 && age <= 17,
  otherResidential: (age) => age === 0 || (age >= 15 && age <= 17),
  residentialSchools: (age) => age >= 7 && age <= 17,
  childrensHomes: (age) => age >= 9 && age <= 17,
  foster: (age) => age >= 0 && age <= 17,
};
const FILL_ORDER: PlacementCategory[] = [
  'supportedAccommodation',
  'otherResidential',
  'residentialSchools',
  'childrensHomes',
  'foster',
];

const POSTCODE_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

export function buildHistoryPlan(inputs: HistoryInputs): HistoryPlan {
  const las = new Map(inputs.localAuthorities.map((la) => [la.code, la]));
  const anchor = inputs.anchor;
  const from = addMonths(anchor, -HISTORY_MONTHS);
  const period: Period = { anchor, fromDay: dayOf(from), toDay: dayOf(anchor) };
  const pool = buildPool(inputs, las);
  const homes = homeDistricts(inputs.districts, las);
  const reach = reachability(homes, pool.settings);

  const refs: Ref[] = [];
  for (const calibration of inputs.calibrations) {
    const rng = new Prng(`history:${anchor}:${calibration.laCode}`);
    const borough = boroughTimeline(calibration, period, rng);
    assignCategories(borough, calibration, rng);
    const feasible = (c: PlacementCategory, k: DistanceClass) =>
      homes.get(calibration.laCode)!.some((d) => reach(d.district, c, k).length > 0);
    assignDistanceClasses(borough, calibration, feasible, period, rng);
    refs.push(...borough);
  }
  const misses = chooseSettings(refs, homes, reach, new Prng(`history:${anchor}:settings`));

  const intent = inputs.calibrations.map((calibration): BoroughIntent => {
    const mine = refs.filter((r) => r.la === calibration.laCode);
    const placed = mine.filter((r) => r.chosen);
    const count = <K extends string>(keys: readonly K[], of: (r: Ref) => K | undefined) =>
      Object.fromEntries(keys.map((k) => [k, placed.filter((r) => of(r) === k).length])) as Record<K, number>;
    return {
      localAuthorityCode: calibration.laCode,
      referrals: mine.length,
      placed: placed.length,
      byCategory: count(FILL_ORDER, (r) => r.category),
      byClass: count(DISTANCE_CLASSES, (r) => r.distanceClass),
    };
  });
  return { anchor, from, to: anchor, ...composeRows(refs, period, las, homes, pool), intent, misses };
}

interface Period {
  anchor: string;
  fromDay: number;
  /** The anchor day: nothing happens after it. */
  toDay: number;
}

/** Home districts of each borough, weighted by live postcodes; far-flung misattributions left out. */
function homeDistricts(districts: HistoryDistrict[], las: Map<string, LaInput>): Map<string, HistoryDistrict[]> {
  const homes = new Map<string, HistoryDistrict[]>();
  for (const code of ALLIANCE_LA_CODES) {
    const la = las.get(code)!;
    homes.set(
      code,
      districts
        .filter(
          (d) =>
            d.localAuthorityCode === code &&
            d.activePostcodes > 0 &&
            distanceMiles(la, d) <= 8,
        )
        .sort((a, b) => a.district.localeCompare(b.district)),
    );
  }
  return homes;
}

type Reach = (district: string, category: PlacementCategory, k: DistanceClass) => Candidate[];

/**
 * The settings of each category and distance class from each home district, measured once, as the
 * service measures them (great circle from the district's centroid). Distances within
 * MILES_MARGIN of 20 miles belong to no class.
 */
function reachability(homes: Map<string, HistoryDistrict[]>, pool: PoolSetting[]): Reach {
  const reachable = new Map<string, Candidate[]>();
  for (const [la, list] of homes) {
    for (const d of list) {
      for (const p of pool) {
        const distance = distanceMiles(d, p.setting);
        const k: DistanceClass | null =
          distance > 20 + MILES_MARGIN
            ? 'far'
            : distance > 20 - MILES_MARGIN
              ? null
              : p.setting.localAuthorityCode === la
                ? 'inArea'
                : 'near';
        if (!k) continue;
        const key = `${d.district}|${p.category}|${k}`;
        const entry = reachable.get(key) ?? [];
        entry.push({ p, d: distance });
        reachable.set(key, entry);
      }
    }
  }
  return (district, category, k) => reachable.get(`${district}|${category}|${k}`) ?? [];
}

/**
 * One borough's children and referrals over the period, with when each placement started and
 * ended and why: everything but where.
 */
function boroughTimeline(calibration: ClaCalibration, period: Period, rng: Prng): Ref[] {
  const la = calibration.laCode;
  const { fromDay, toDay } = period;
  const years = Object.keys(calibration.startsByYear).map(Number);
  const startsIn = (year: number) => calibration.startsByYear[Math.min(Math.max(year, Math.min(...years)), Math.max(...years))];

  // Children starting to be looked after, day by day: the year's starts spread over its days,
  // shaped by season and weekday, rounded cumulatively so the totals hold.
  const startDays: number[] = [];
  let carried = 0;
  for (let day = fromDay; day < toDay; day += 1) {
    const month = new Date(day * DAY_MS).getUTCMonth();
    const expected =
      (startsIn(reportingYear(day)) / 365.25) * (SEASONALITY[month] / SEASON_MEAN) * (WEEKDAY[weekdayOf(day)] / WEEKDAY_MEAN);
    const before = Math.floor(carried);
    carried += expected;
    for (let i = before; i < Math.floor(carried); i += 1) startDays.push(day);
  }

  // Older children, 16- and 17-year-olds above all (many of them unaccompanied asylum seekers),
  // make up much of London's intake; enough of them for the borough's supported accommodation.
  const sixteenPlus = Math.max(0.28, calibration.placementMix.supportedAccommodation + 0.09);
  const ageGroups: [readonly [number, number], number][] = [
    [[0, 0], 0.13],
    [[1, 4], 0.11],
    [[5, 9], 0.13],
    [[10, 15], 0.34],
    [[16, 17], sixteenPlus],
  ];

  const refs: Ref[] = [];
  const newRef = (child: Child, day: number, minutes: number, urgency: Ref['urgency'], follows: Ref | null): Ref => {
    const ref: Ref = {
      key: `${la}:${refs.length + 1}`,
      la,
      child,
      day,
      minutes,
      urgency,
      follows,
      start: null,
      end: null,
      planned: null,
      reason: null,
      unit: [],
    };
    ref.unit = follows ? follows.unit : [];
    ref.unit.push(ref);
    refs.push(ref);
    return ref;
  };
  const officeMinutes = () => rng.int(8 * 60 + 30, 17 * 60 + 30);

  startDays.forEach((startDay, index) => {
    const [low, high] = rng.weighted(ageGroups);
    const age = rng.int(low, high);
    // Born so that they are `age` on the day, and 18 no sooner than two months later.
    const dob = isoOf(dayOf(addMonths(isoOf(startDay), -12 * age)) - rng.int(1, age === 17 ? 300 : 360));
    const teenBoy = age >= 15 && rng.chance(0.62);
    const gender = teenBoy
      ? 'male'
      : rng.weighted([
          ['male', 52],
          ['female', 47],
          ['other', 1],
        ] as const);
    const child: Child = { n: index + 1, la, dob, gender, district: null, siblings: 1, createdAt: '' };
    const day18 = dayOf(addMonths(dob, 18 * 12));

    const urgency = rng.weighted([
      ['emergency', startDay <= toDay - 60 ? 12 : 0],
      ['urgent', 28],
      ['planned', 60],
    ] as const);
    // Friday night: half the emergencies on a Friday come in after four.
    const minutes =
      urgency === 'emergency' && weekdayOf(startDay) === 5 && rng.chance(0.5) ? rng.int(16 * 60, 21 * 60) : officeMinutes();
    let ref = newRef(child, startDay, minutes, urgency, null);
    child.createdAt = at(startDay, minutes);
    if (urgency !== 'emergency' && rng.chance(0.05)) return; // withdrawn: the child went home

    const delay = urgency === 'emergency' ? 0 : urgency === 'urgent' ? rng.int(1, 5) : rng.int(12, 42);
    let start = Math.min(startDay + delay, toDay, day18 - 1);
    // How long the child stays in care: many go home within months, a quarter stay for years.
    const stay = rng.weighted([
      [[7, 120], 25],
      [[121, 365], 25],
      [[366, 900], 25],
      [[901, 3650], 25],
    ] as const);
    const leaves = Math.min(start + rng.int(stay[0], stay[1]), day18);
    const endsInCare = (r: Ref) => {
      r.end = leaves <= toDay ? leaves : null;
      r.planned = r.end === null ? null : true;
      r.reason = r.end === null ? null : 'CARPL';
    };

    for (;;) {
      ref.start = start;
      if (ref.urgency === 'emergency') {
        // The step-down referral is opened when the emergency placement is made (accepted at most
        // two hours after the referral); the child moves to its placement about a month later,
        // unless they have left care by then.
        const stepDown = newRef(child, start, ref.minutes + 121 + rng.int(0, 9), 'planned', ref);
        const next = start + rng.int(21, 35);
        if (next >= leaves) {
          endsInCare(ref);
          break;
        }
        ref.end = next;
        ref.planned = true;
        ref.reason = 'CARPL';
        ref = stepDown;
        start = next;
        continue;
      }
      // A move, after about two years on average: a breakdown more often than not.
      const moveAt = start + Math.max(30, Math.round(-700 * Math.log(1 - rng.next())));
      if (moveAt < leaves - 14 && moveAt <= toDay && moveAt < day18 - 60) {
        const unplanned = rng.chance(0.6);
        ref.end = moveAt;
        ref.planned = !unplanned;
        ref.reason = rng.weighted(unplanned ? UNPLANNED_REASONS : PLANNED_REASONS);
        const next = unplanned ? (moveAt <= toDay - 60 && rng.chance(0.35) ? 'emergency' : 'urgent') : 'planned';
        const madeOn = unplanned ? moveAt : Math.max(start + 1, moveAt - rng.int(14, 42));
        ref = newRef(child, madeOn, next === 'emergency' ? rng.int(9 * 60, 21 * 60) : officeMinutes(), next, null);
        start = moveAt;
        continue;
      }
      endsInCare(ref);
      break;
    }
  });
  return refs;
}

/**
 * Each placed referral's category, by quota from the DfE mix: the categories with an age limit
 * first, from the referrals of children old (or young) enough, foster care the rest. An emergency
 * and its step-down share one (the step-down copies the emergency's placement types).
 */
function assignCategories(refs: Ref[], calibration: ClaCalibration, rng: Prng): void {
  const placed = refs.filter((r) => r.start !== null);
  const left = apportion(placed.length, calibration.placementMix);
  const units = shuffle([...new Set(refs.map((r) => r.unit))], rng);
  for (const category of FILL_ORDER) {
    for (const unit of units) {
      if (left[category] === 0) break;
      if (unit[0].category) continue;
      const weight = unit.filter((r) => r.start !== null).length;
      if (weight === 0 || weight > left[category]) continue;
      if (!unit.every((r) => ELIGIBLE[category](ageInYears(r.child.dob, isoOf(r.day))))) continue;
      for (const r of unit) r.category = category;
      left[category] -= weight;
    }
  }
  for (const unit of units) {
    if (unit[0].category) continue;
    // Withdrawn before placement: the kind of placement they were asked for, by the same mix.
    const age = ageInYears(unit[0].child.dob, isoOf(unit[0].day));
    const category = rng.weighted(FILL_ORDER.map((c) => [c, ELIGIBLE[c](age) ? calibration.placementMix[c] : 0] as const));
    for (const r of unit) r.category = category;
  }
}

/** Each placed referral's distance class, by quota within its category from a table fitted to the DfE shares. */
function assignDistanceClasses(
  refs: Ref[],
  calibration: ClaCalibration,
  feasible: (c: PlacementCategory, k: DistanceClass) => boolean,
  period: Period,
  rng: Prng,
): void {
  const placed = refs.filter((r) => r.start !== null);
  const classes = apportion(placed.length, {
    inArea: 1 - calibration.outsideLaShare,
    near: calibration.outsideLaShare - calibration.over20MilesShare,
    far: calibration.over20MilesShare,
  });
  const byCategory = Object.fromEntries(FILL_ORDER.map((c) => [c, placed.filter((r) => r.category === c).length])) as Record<
    PlacementCategory,
    number
  >;
  const table = fitTable(byCategory, classes, feasible);
  for (const category of FILL_ORDER) {
    const list = shuffle(
      placed.filter((r) => r.category === category),
      rng,
    );
    let i = 0;
    for (const k of DISTANCE_CLASSES) for (let j = 0; j < table[category][k]; j += 1) list[i++].distanceClass = k;
  }
  // A few children's home placements are secure (welfare) ones; planned foster placements that
  // last a year or more are long-term fostering.
  for (const r of placed) {
    const age = ageInYears(r.child.dob, isoOf(r.day));
    r.secure = r.category === 'childrensHomes' && age >= 12 && rng.chance(0.04);
    r.longTerm = r.urgency === 'planned' && age >= 5 && (r.end ?? period.toDay) - r.start! >= 365;
  }
  for (const r of refs) r.secure = r.unit[0].secure;
}

const GRADE_WEIGHT: Record<Grade, number> = {
  outstanding: 1.3,
  good: 1,
  requires_improvement: 0.6,
  inadequate: 0.08,
  not_yet_inspected: 0.8,
};

/**
 * A setting for each placed referral, in the order placements were made, so that a full setting
 * is passed over: of the referral's category and distance class from the child's home district
 * (chosen with the first placement), taking the child's age and gender, nearer and better graded
 * ones more likely, the borough's own foster carers first. Returns how many found none of their
 * class and went to another.
 */
function chooseSettings(refs: Ref[], homes: Map<string, HistoryDistrict[]>, reach: Reach, rng: Prng): number {
  // Siblings placed together: one foster child in ten under 12 comes with a brother or sister.
  for (const r of refs) {
    const child = r.child;
    if (child.firstCategory) continue;
    child.firstCategory = r.category;
    if (r.category === 'foster' && ageInYears(child.dob, isoOf(r.day)) < 12 && rng.chance(0.1)) child.siblings = rng.chance(0.8) ? 2 : 3;
  }
  const occupied = new Map<string, number[]>();
  let misses = 0;
  const placed = refs.filter((r) => r.start !== null).sort((a, b) => a.start! - b.start! || a.day - b.day || a.key.localeCompare(b.key));
  for (const r of placed) {
    const category = r.category!;
    const age = ageInYears(r.child.dob, isoOf(r.start!));
    const wantedType = category === 'foster' ? (r.longTerm ? 'U4' : 'U6') : category === 'childrensHomes' ? (r.secure ? 'K1' : 'K2') : null;
    const fits = (p: PoolSetting, strict: boolean) =>
      !strict ||
      (p.setting.ageMin <= age &&
        p.setting.ageMax >= age &&
        p.setting.genders.includes(r.child.gender) &&
        p.setting.registeredPlaces >= r.child.siblings);
    const options = (district: HistoryDistrict, k: DistanceClass, strict: boolean) =>
      reach(district.district, category, k).filter(({ p }) => fits(p, strict));
    const districts = homes.get(r.la)!;
    let district = r.child.district;
    const tryClass = (k: DistanceClass): Candidate[] => {
      for (const strict of [true, false]) {
        if (district) {
          const here = options(district, k, strict);
          if (here.length) return here;
          continue;
        }
        const likely = rng.weighted(districts.map((d) => [d, d.activePostcodes] as const));
        const there = options(likely, k, strict);
        if (there.length) {
          district = likely;
          return there;
        }
        const usable = districts.filter((d) => options(d, k, strict).length > 0);
        if (usable.length) {
          district = rng.weighted(usable.map((d) => [d, d.activePostcodes] as const));
          return options(district, k, strict);
        }
      }
      return [];
    };
    let k = r.distanceClass!;
    let found = tryClass(k);
    if (!found.length) {
      misses += 1;
      for (const alternative of DISTANCE_CLASSES.filter((c) => c !== k)) {
        found = tryClass(alternative);
        if (found.length) {
          k = alternative;
          break;
        }
      }
    }
    if (!found.length) throw new Error(`no ${category} setting for referral ${r.key}`);
    r.child.district = district;
    r.distanceClass = k;
    const weights = found.map(({ p, d }) => {
      let live = 0;
      for (const end of occupied.get(p.setting.id) ?? []) if (end > r.start!) live += 1;
      const room = live < p.setting.registeredPlaces ? 1 : 0.04;
      const nearness = k === 'inArea' ? 1 : k === 'near' ? Math.exp(-d / 8) : Math.exp(-(d - 20) / 30);
      // Secure homes take only children on a secure order, and those go nowhere else if they can.
      const type =
        p.setting.placementType === wantedType ? (wantedType === 'K1' ? 200 : 3) : p.setting.placementType === 'K1' ? 0.01 : 1;
      const own = p.inHouseOf === r.la ? 2.5 : p.inHouseOf ? 0.3 : 1;
      const weight = Math.min(8, p.setting.registeredPlaces) * GRADE_WEIGHT[p.setting.ofstedGrade] * room * nearness * type * own;
      return [{ p, d }, weight] as const;
    });
    const chosen = rng.weighted(weights);
    // The nearest setting of each other provider, nearest first.
    const others: Candidate[] = [];
    const providersSeen = new Set([chosen.p.setting.providerId]);
    for (const candidate of [...found].sort((a, b) => a.d - b.d || a.p.setting.id.localeCompare(b.p.setting.id))) {
      if (others.length === SHORTLISTED_OTHERS_CONSIDERED) break;
      if (providersSeen.has(candidate.p.setting.providerId)) continue;
      providersSeen.add(candidate.p.setting.providerId);
      others.push(candidate);
    }
    r.chosen = { pool: chosen.p, miles: chosen.d, others };
    const ends = (occupied.get(chosen.p.setting.id) ?? []).filter((end) => end > r.start!);
    ends.push(r.end ?? Number.MAX_SAFE_INTEGER);
    occupied.set(chosen.p.setting.id, ends);
  }
  return misses;
}

/** The kinds of row the history writes, each a list of the plan's. */
export type HistoryRowKind =
  | 'users'
  | 'providers'
  | 'settings'
  | 'children'
  | 'referrals'
  | 'vacancies'
  | 'offers'
  | 'placements'
  | 'shortlistings'
  | 'recipients'
  | 'outcomes'
  | 'outcomeUpdates';

type Rows = Pick<HistoryPlan, HistoryRowKind>;

/** Of the other providers that would have taken a placed child, how many nearest are kept as its shortlist's others. */
const SHORTLISTED_OTHERS_CONSIDERED = 12;

/** The rows: children, referrals, and for each placement the vacancy, the accepted offer and the placement. */
function composeRows(refs: Ref[], period: Period, las: Map<string, LaInput>, homes: Map<string, HistoryDistrict[]>, pool: Pool): Rows {
  const { anchor, toDay } = period;
  const rng = new Prng(`history:${anchor}:rows`);
  const users: HistoryUser[] = [];
  const officerOf = new Map<string, string>();
  for (const [index, code] of ALLIANCE_LA_CODES.entries()) {
    const id = demoUuid(`user:history-officer:${code}`);
    officerOf.set(code, id);
    users.push({
      id,
      email: `history.officer.${code.toLowerCase()}@${EMAIL_DOMAIN}`,
      role: 'placement_officer',
      localAuthorityCode: code,
      providerId: null,
      displayName: `${las.get(code)!.name} placements team`,
      // Ofcom's London numbers for drama (020 7946 0000-0999): nobody real is rung.
      phone: `020 7946 ${String(200 + index).padStart(4, '0')}`,
    });
  }

  const prefix = (code: string) => las.get(code)!.name.replace(/[^A-Za-z]/g, '').slice(0, 3).toUpperCase();
  const childId = (child: Child) => demoUuid(`history:${anchor}:child:${child.la}:${child.n}`);
  const children = [...new Set(refs.map((r) => r.child))].map((child): HistoryChild => {
    const district = child.district ?? rng.weighted(homes.get(child.la)!.map((d) => [d, d.activePostcodes] as const));
    child.district = district;
    const age = ageInYears(child.dob, child.createdAt.slice(0, 10));
    const asylum = age >= 14 && child.gender === 'male' && child.firstCategory !== 'otherResidential' && rng.chance(0.4);
    const needs = childNeeds(child.firstCategory ?? 'foster', age, asylum, child.siblings, rng);
    return {
      id: childId(child),
      localAuthorityCode: child.la,
      localReference: `${prefix(child.la)}-H${String(child.n).padStart(5, '0')}`,
      dateOfBirth: child.dob,
      gender: child.gender,
      homePostcode: `${district.district} ${rng.int(1, 9)}${rng.pick([...POSTCODE_LETTERS])}${rng.pick([...POSTCODE_LETTERS])}`,
      homeDistrict: district.district,
      legalStatus: asylum ? 'V2' : rng.weighted(LEGAL_STATUSES),
      categoryOfNeed: asylum ? 'N8' : rng.weighted(CATEGORIES_OF_NEED),
      needs,
      siblingGroupSize: child.siblings,
      ehcp: needs.some((n) => n.code === 'ehcp'),
      createdAt: child.createdAt,
    };
  });

  const referrals: HistoryReferral[] = [];
  const vacancies: HistoryVacancy[] = [];
  const offers: HistoryOffer[] = [];
  const placements: HistoryPlacement[] = [];
  const providerUsers = new Map<string, HistoryUser>();
  const outcomes: HistoryOutcome[] = [];
  const outcomeUpdates: HistoryOutcomeUpdate[] = [];
  const outcomeRng = new Prng(`history:${anchor}:outcomes`);
  const usedSettings = new Map<string, PlannedSetting>();
  const usedProviders = new Map<string, PlannedProvider>();
  const refId = (r: Ref) => demoUuid(`history:${anchor}:referral:${r.key}`);

  for (const r of refs) {
    const id = refId(r);
    const key = `${HISTORY_KEY_PREFIX}${anchor}:${r.key}`;
    const primary = r.unit[0];
    const base: Omit<HistoryReferral, 'maxDistanceMiles' | 'weeklyBudget' | 'status' | 'placementId' | 'updatedAt'> = {
      id,
      childId: childId(r.child),
      localAuthorityCode: r.la,
      createdByUserId: officerOf.get(r.la)!,
      idempotencyKey: key,
      requestHash: createHash('sha256').update(key).digest('hex'),
      urgency: r.urgency,
      requiredBy: isoOf(r.urgency === 'planned' ? r.day + (r.follows ? 28 : rng.int(14, 42)) : r.urgency === 'urgent' ? r.day + 3 : r.day),
      placementTypes: typesFor(r.category!, primary.secure ?? false, primary.longTerm ?? false, primary.urgency),
      followsReferralId: r.follows ? refId(r.follows) : null,
      createdAt: at(r.day, r.minutes),
      matchedAt: at(r.day, r.minutes + (r.urgency === 'emergency' ? 1 : rng.int(2, 25))),
    };
    if (r.start === null || !r.chosen) {
      referrals.push({
        ...base,
        maxDistanceMiles: rng.pick([20, 30, 50, null]),
        weeklyBudget: null,
        status: 'withdrawn',
        placementId: null,
        updatedAt: at(Math.min(r.day + rng.int(1, 20), toDay), rng.int(9 * 60, 17 * 60)),
      });
      continue;
    }
    const { pool: p, miles: distance } = r.chosen;
    const setting = p.setting;
    if (!p.inCatalogue) {
      usedSettings.set(setting.id, setting);
      const provider = pool.providers.get(setting.providerId);
      if (provider) usedProviders.set(provider.id, provider);
    }
    let providerUser = providerUsers.get(setting.providerId);
    if (!providerUser) {
      providerUser = {
        id: demoUuid(`user:history-provider:${setting.providerId}`),
        email: `history.provider.${setting.providerId}@${EMAIL_DOMAIN}`,
        role: 'provider_user',
        localAuthorityCode: null,
        providerId: setting.providerId,
        displayName: null,
        phone: null,
      };
      providerUsers.set(setting.providerId, providerUser);
    }
    // The setting's price in its kind's range, a little either way per placement, 5% a year less in the past.
    const price = p.cost[0] + ((p.cost[1] - p.cost[0]) * (hash32(`${setting.id}:cost`) % 1000)) / 1000;
    const weeklyCost = roundTo(
      price * (0.96 + rng.next() * 0.08) * Math.pow(1.05, -(toDay - r.start) / 365.25),
      setting.placementType.startsWith('U') || setting.placementType === 'K3' ? 5 : 25,
    );
    // Advertised, offered, accepted, started: an emergency within the hour; others offered within
    // three days of the referral and accepted within three of the offer, the bed then kept for the
    // start. (Each draw is the one it replaced, so the placements' draws after it do not move.)
    const emergency = r.urgency === 'emergency';
    const acceptedMinutes = emergency ? Math.min(r.minutes + rng.int(20, 120), 23 * 60 + 50) : rng.int(10 * 60, 17 * 60);
    const offeredDay = emergency ? r.start : Math.min(r.start, r.day + rng.int(0, Math.min(3, r.start - r.day)));
    const offeredMinutes = emergency
      ? Math.min(r.minutes + rng.int(5, 19), acceptedMinutes - 1)
      : offeredDay === r.day
        ? Math.min(r.minutes + rng.int(30, 240), 23 * 60 + 50)
        : rng.int(9 * 60, 17 * 60);
    const acceptedDay = emergency ? r.start : Math.min(r.start, offeredDay + rng.int(0, 3));
    const accepted = at(acceptedDay, acceptedDay === offeredDay ? Math.max(acceptedMinutes, offeredMinutes + 10) : acceptedMinutes);
    const advertisedDay = offeredDay - rng.int(1, 21);
    const vacancyId = demoUuid(`history:${anchor}:vacancy:${r.key}`);
    const offerId = demoUuid(`history:${anchor}:offer:${r.key}`);
    const placementId = demoUuid(`history:${anchor}:placement:${r.key}`);
    vacancies.push({
      id: vacancyId,
      settingId: setting.id,
      providerId: setting.providerId,
      availableFrom: isoOf(Math.min(advertisedDay + rng.int(0, 7), r.start)),
      weeklyCost,
      emergencyReady: emergency,
      createdAt: at(advertisedDay, rng.int(8 * 60, 18 * 60)),
      updatedAt: accepted,
    });
    offers.push({
      id: offerId,
      referralId: id,
      vacancyId,
      providerId: setting.providerId,
      weeklyCost,
      createdByUserId: providerUser.id,
      createdAt: at(offeredDay, offeredMinutes),
      updatedAt: accepted,
    });
    const ended = r.end !== null ? at(r.end, rng.int(9 * 60, 18 * 60)) : null;
    placements.push({
      id: placementId,
      referralId: id,
      offerId,
      vacancyId,
      settingId: setting.id,
      providerId: setting.providerId,
      localAuthorityCode: r.la,
      startDate: isoOf(r.start),
      weeklyCost,
      bedsTaken: r.child.siblings,
      endedOn: r.end !== null ? isoOf(r.end) : null,
      endReason: r.reason,
      plannedEnding: r.planned,
      createdAt: accepted,
      updatedAt: ended ?? accepted,
    });
    agreeOutcomes(
      {
        id: placementId,
        r,
        accepted,
        category: p.category,
        grade: setting.ofstedGrade,
        officer: officerOf.get(r.la)!,
        providerUser: providerUser.id,
        toDay,
        anchor,
      },
      outcomeRng,
      outcomes,
      outcomeUpdates,
    );
    // The limits the placement team set: never tighter than where the child went.
    const maxDistanceMiles =
      (r.distanceClass === 'far' && rng.chance(0.5)) || rng.chance(0.25)
        ? null
        : ([10, 15, 20, 30, 50, 75, 100, 150].find((m) => m >= distance + 1) ?? null);
    referrals.push({
      ...base,
      maxDistanceMiles,
      weeklyBudget: rng.chance(0.3) ? null : roundTo(weeklyCost * (1 + rng.next() * 0.2), 50),
      status: r.end !== null ? 'closed' : 'placed',
      placementId,
      updatedAt: ended ?? accepted,
    });
  }

  const matchedAt = new Map(referrals.map((referral) => [referral.id, referral.matchedAt]));
  const offered = new Map(offers.map((offer) => [offer.referralId, offer.vacancyId]));
  const reach = composeShortlistings(refs, refId, matchedAt, offered, usedProviders, new Prng(`history:${anchor}:shortlistings`));
  const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);
  return {
    ...reach,
    outcomes,
    outcomeUpdates,
    users: [...users, ...[...providerUsers.values()].sort(byId)],
    providers: [...usedProviders.values()].sort(byId),
    settings: [...usedSettings.values()].sort(byId),
    children: children.sort(byId),
    referrals,
    vacancies,
    offers,
    placements,
  };
}

/** Outcomes a placement team agrees for each kind of placement: [kind, description]. */
const OUTCOMES_BY_CATEGORY: Record<PlacementCategory, readonly (readonly ['hard' | 'soft', string])[]> = {
  foster: [
    ['hard', 'Attends school on at least 95% of days each term'],
    ['hard', 'Registered with a GP and a dentist within 28 days'],
    ['hard', 'Annual health assessment completed on time'],
    ['soft', 'Family time goes ahead as the care plan sets out'],
    ['soft', 'Joins an after-school club or activity'],
    ['soft', 'Says at review that they feel settled'],
  ],
  childrensHomes: [
    ['hard', 'Attends education or training at least 90% of sessions'],
    ['hard', 'No missing episodes for three months'],
    ['hard', 'No police call-outs for three months'],
    ['soft', 'Builds a trusted relationship with a key worker'],
    ['soft', 'Takes part in house meetings'],
    ['soft', 'Talks through worries with staff before they escalate'],
  ],
  residentialSchools: [
    ['hard', "This year's EHCP targets met"],
    ['hard', 'Sits the planned exams or accreditations'],
    ['soft', 'Communicates needs using the agreed system'],
    ['soft', 'Keeps in touch with family at weekends'],
  ],
  supportedAccommodation: [
    ['hard', 'Enrolled in college, training or work'],
    ['hard', 'Manages a weekly budget for a month'],
    ['hard', 'Registered with a GP'],
    ['soft', 'Keeps appointments with the personal adviser'],
    ['soft', 'Cooks a meal for themselves most days'],
  ],
  otherResidential: [
    ['hard', 'Parenting assessment completed'],
    ['soft', 'Attends every parenting session'],
    ['soft', 'Builds a support network in the community'],
  ],
};

/**
 * `time`, or `minutes` minutes after `floor` if that is later (both England's local times,
 * `YYYY-MM-DD HH:MM:SS`, which sort as they read).
 */
function notBefore(time: string, floor: string, minutes: number): string {
  if (time > floor) return time;
  const [day, clock] = floor.split(' ');
  const [h, m] = clock.split(':').map(Number);
  return at(dayOf(day), h * 60 + m + minutes);
}

/** How much likelier an outcome is achieved in a setting of each grade, in points. */
const OUTCOME_GRADE_SHIFT: Record<Grade, number> = {
  outstanding: 0.1,
  good: 0,
  requires_improvement: -0.12,
  inadequate: -0.3,
  not_yet_inspected: -0.05,
};

/**
 * One to three outcomes for a placement, agreed by the LA's officer in its first fortnight, each
 * with a target 3 to 12 months on, and its journey: not started, in progress (the provider's
 * update), then achieved or not by the officer at the target or at the ending, whichever is
 * first; still open if neither has come. Achieved two times in three, less after a breakdown and
 * in a setting graded lower.
 */
function agreeOutcomes(
  placement: {
    id: string;
    r: Ref;
    /** When the placement was made (England's local time): nothing about it comes before. */
    accepted: string;
    category: PlacementCategory;
    grade: Grade;
    officer: string;
    providerUser: string;
    toDay: number;
    anchor: string;
  },
  rng: Prng,
  outcomes: HistoryOutcome[],
  updates: HistoryOutcomeUpdate[],
): void {
  const { r, toDay } = placement;
  const start = r.start!;
  const endDay = r.end ?? Number.POSITIVE_INFINITY;
  const agreedDay = Math.min(start + rng.int(3, 14), endDay, toDay);
  const choices = shuffle(OUTCOMES_BY_CATEGORY[placement.category], rng).slice(0, rng.int(1, 3));
  choices.forEach(([kind, description], index) => {
    const id = demoUuid(`history:${placement.anchor}:outcome:${r.key}:${index}`);
    const targetDay = agreedDay + rng.int(90, 365);
    const progressDay = agreedDay + rng.int(7, 60);
    const settleDay = Math.min(targetDay, endDay);
    const breakdown = r.planned === false && endDay < targetDay;
    const achieved = rng.chance(Math.max(0.05, (breakdown ? 0.25 : 0.68) + OUTCOME_GRADE_SHIFT[placement.grade]));
    const step = (n: number, status: HistoryOutcome['status'], day: number, byProvider: boolean, note: string | null = null) =>
      updates.push({
        id: demoUuid(`history:${placement.anchor}:outcome:${r.key}:${index}:${n}`),
        outcomeId: id,
        status,
        note,
        recordedByUserId: byProvider ? placement.providerUser : placement.officer,
        recordedByRole: byProvider ? 'provider_user' : 'placement_officer',
        recordedAt: notBefore(at(day, 10 * 60 + n * 30), placement.accepted, n),
      });
    step(0, 'not_started', agreedDay, false);
    let status: HistoryOutcome['status'] = 'not_started';
    let lastDay = agreedDay;
    if (progressDay < settleDay && progressDay <= toDay) {
      step(1, 'in_progress', progressDay, true);
      status = 'in_progress';
      lastDay = progressDay;
    }
    if (settleDay <= toDay) {
      status = achieved ? 'achieved' : 'not_achieved';
      step(2, status, Math.max(settleDay, lastDay), false, breakdown ? 'The placement ended before the target date' : null);
      lastDay = Math.max(settleDay, lastDay);
    }
    outcomes.push({
      id,
      placementId: placement.id,
      kind,
      description,
      targetDate: isoOf(targetDay),
      status,
      createdByUserId: placement.officer,
      createdAt: notBefore(at(agreedDay, 10 * 60), placement.accepted, 0),
      updatedAt: notBefore(at(lastDay, 10 * 60 + 90), placement.accepted, 3),
    });
  });
}

/**
 * Who each placed referral's shortlist reached, when it was matched: the provider that offered,
 * and one to four other providers among the twelve nearest that would have taken
 * the child, who never answered (a placement team's referral goes to many; few reply). Only
 * providers the demo holds anyway are drawn: the catalogue's (some of which never place, and show
 * in the benchmarks with an offer rate of 0) and those the history places with. Its own generator,
 * so the placements' draws, and the calibration, do not move. Each was sent the referral in the
 * same moment, automatically, as matching does for the top providers of a shortlist: in the
 * history every provider a shortlist reached was asked.
 */
function composeShortlistings(
  refs: readonly Ref[],
  refId: (r: Ref) => string,
  matchedAt: ReadonlyMap<string, string>,
  offered: ReadonlyMap<string, string>,
  usedProviders: ReadonlyMap<string, PlannedProvider>,
  rng: Prng,
): Pick<Rows, 'shortlistings' | 'recipients'> {
  // A catalogue setting's provider is loaded with the catalogue; another's once the history places with it.
  const held = (p: PoolSetting) => p.inCatalogue || usedProviders.has(p.setting.providerId);
  const shortlistings: HistoryShortlisting[] = [];
  const recipients: HistoryRecipient[] = [];
  for (const r of refs) {
    if (r.start === null || !r.chosen) continue;
    const referralId = refId(r);
    const firstShortlistedAt = matchedAt.get(referralId)!;
    const chosen = r.chosen.pool.setting.providerId;
    const candidates = r.chosen.others.filter(({ p }) => held(p));
    const wanted = rng.int(1, 4);
    const reached = [{ providerId: chosen, miles: r.chosen.miles }].concat(
      shuffle(candidates, rng)
        .slice(0, wanted)
        .map(({ p, d }) => ({ providerId: p.setting.providerId, miles: d })),
    );
    for (const { providerId } of reached) shortlistings.push({ referralId, providerId, firstShortlistedAt });
    reached
      .sort((a, b) => a.miles - b.miles || a.providerId.localeCompare(b.providerId))
      .forEach(({ providerId }, i) =>
        recipients.push({
          referralId,
          providerId,
          sentAt: firstShortlistedAt,
          vacancyIds: providerId === chosen ? [offered.get(referralId)!] : [],
          bestRank: i + 1,
        }),
      );
  }
  return { shortlistings, recipients };
}

const LEGAL_STATUSES = [
  ['C2', 40],
  ['C1', 24],
  ['V2', 26],
  ['E1', 3],
  ['J1', 2],
  ['L1', 2],
  ['L2', 3],
] as const;

const CATEGORIES_OF_NEED = [
  ['N1', 62],
  ['N2', 4],
  ['N3', 3],
  ['N4', 9],
  ['N5', 14],
  ['N6', 3],
  ['N7', 1],
  ['N8', 4],
] as const;

function typesFor(category: PlacementCategory, secure: boolean, longTerm: boolean, urgency: Ref['urgency']): string[] {
  switch (category) {
    case 'foster':
      return longTerm && urgency === 'planned' ? ['U4', 'U6'] : ['U6', 'U4'];
    case 'childrensHomes':
      return secure ? ['K1'] : ['K2'];
    case 'residentialSchools':
      return ['S1'];
    case 'supportedAccommodation':
      return ['K3'];
    default:
      return ['R3'];
  }
}

function childNeeds(
  category: PlacementCategory,
  age: number,
  asylum: boolean,
  siblings: number,
  rng: Prng,
): { code: string; level: number; essential: boolean }[] {
  const needs: { code: string; level: number; essential: boolean }[] = [];
  const add = (code: string, level: number, essential = rng.chance(0.6)) => {
    if (!needs.some((n) => n.code === code)) needs.push({ code, level, essential });
  };
  if (asylum) add('unaccompanied-asylum-seeking', rng.int(1, 2), true);
  if (siblings > 1) add('sibling-group', siblings, true);
  switch (category) {
    case 'childrensHomes':
      add('challenging-behaviour', rng.int(2, 3), true);
      for (const [code, chance] of [
        ['going-missing', 0.55],
        ['cce-risk', 0.35],
        ['cse-risk', 0.3],
        ['self-harm', 0.35],
        ['substance-misuse', 0.25],
        ['aggression', 0.4],
        ['offending', 0.2],
        ['not-in-education', 0.4],
      ] as const) {
        if (rng.chance(chance)) add(code, rng.int(1, 3));
      }
      break;
    case 'residentialSchools':
      add('ehcp', 3, true);
      add(rng.chance(0.6) ? 'autism' : 'learning-disability', rng.int(2, 3), true);
      if (rng.chance(0.4)) add('challenging-behaviour', rng.int(1, 2));
      break;
    case 'supportedAccommodation':
      if (rng.chance(0.45)) add('not-in-education', rng.int(1, 2));
      if (rng.chance(0.3)) add('mental-health', 1);
      if (rng.chance(0.25)) add('going-missing', 1);
      break;
    case 'otherResidential':
      add('parent-and-child', rng.int(2, 3), true);
      break;
    default:
      if (rng.chance(0.7)) add('trauma', rng.int(1, 2));
      if (age >= 5 && rng.chance(0.2)) add('ehcp', rng.int(1, 2));
      if (rng.chance(0.12)) add(rng.pick(['learning-disability', 'autism', 'complex-health']), rng.int(1, 2));
      if (age >= 11 && rng.chance(0.2)) add(rng.pick(['self-harm', 'going-missing', 'mental-health']), 1);
  }
  return needs;
}

function shuffle<T>(items: readonly T[], rng: Prng): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng.next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
