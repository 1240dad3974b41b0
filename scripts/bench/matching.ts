/**
 * `npm run bench:matching`: how long matching one referral takes against tens and hundreds of
 * thousands of open vacancies spread across England, against a naive baseline measured in the
 * same run, and how many referrals a second one worker process matches end to end through BullMQ,
 * against no-op jobs on the same Redis.
 *
 *   1. a scratch database, migrated and holding the reference data (in this process, no build
 *      needed), and providers: one per distinct owner on Ofsted's register of children's social
 *      care providers;
 *   2. BENCH_REFERRALS referrals (children across England: a home postcode district in an LA
 *      picked by its number of looked-after children, district by live postcodes; ages 8-17;
 *      one or two common placement types; needs from the taxonomy; about half with a maximum
 *      distance) submitted with ReferralRepository.submit; their outbox rows are marked sent, as
 *      this process matches them directly;
 *   3. per size in BENCH_SIZES, smallest first, the data grows to that many open vacancies (two
 *      per setting; settings at real Ofsted locations: children's homes in their LA's districts,
 *      schools, secure homes and family centres at their own postcodes, foster households across
 *      their agency's region; realistic type, age, gender, grade, needs and cost mix), loaded with
 *      INSERT ... SELECT FROM unnest(...) in chunks, then VACUUM ANALYZE; then
 *        - a MatchingService built as the worker's Nest container would build it (its constructor's
 *          dependencies, from their metadata, over this process's DataSource), with its start-up
 *          hooks run and any start-up load (e.g. a vacancy cache) awaited, timed: a worker
 *          starting on this many vacancies;
 *        - the full path, MatchingService.match(referralId, ['submitted', 'shortlisted', 'no_match'])
 *          in this process (claim, candidate search, ranking, nearest exclusions, shortlist write,
 *          one transaction): BENCH_WARMUP warm-up runs, then BENCH_RUNS measured runs, one at a
 *          time, cycling through the referrals;
 *        - the same calls instrumented (MatchingRepository.run wrapped to time the claim, the
 *          compute and the write, and every candidate-source call match() makes timed and its rows
 *          counted), for where the time goes;
 *        - the naive baseline: the same claim and write (MatchingRepository.run), but the candidates
 *          are every open vacancy loaded as a TypeORM entity (loadEveryOpenVacancy) and ranked as
 *          plain objects (rankVacancies, limit 50, exclusionLimit 200). After each naive run the
 *          full path matches the same referral again and the two stored results must be identical;
 *   4. at BENCH_HEADLINE_SIZE (50,000): BENCH_E2E_REFERRALS referrals submitted while no worker
 *      runs, then the built worker (one process, WORKER_CONCURRENCY) started on a fresh queue
 *      prefix: its outbox relay publishes them as match-referral jobs; timed from its start until
 *      every one is shortlisted or no_match (polled every 20 ms). Then BENCH_NOOP_JOBS no-op jobs
 *      (same job options) added with addBulk on another queue under a fresh prefix of the same
 *      Redis and processed by a BullMQ Worker in this process at the same concurrency;
 *   5. tables, the machine line, the aims met or missed; cleans up (drops the database, deletes
 *      the Redis keys, stops the worker) also on Ctrl-C, on an error and at an overall deadline.
 *
 * Aims (from the issue): at 50,000 vacancies full-path p99 <= 10 ms and naive/full >= 10x (p50s);
 * 500,000/50,000 growth <= 3x (p50 and p99); >= 300 referrals/s end to end.
 * Exit code 1 when a check fails (a run errors, naive and full disagree, a referral is not matched
 * end to end); 2 when BENCH_ENFORCE_TARGET=1 and an aim is missed; 0 otherwise.
 *
 * Environment (all optional):
 *   BENCH_SIZES             open-vacancy counts ("5000,50000,500000")
 *   BENCH_RUNS              measured full-path runs per size (400)
 *   BENCH_RUN_BUDGET        seconds per size the measured runs may take: they stop there (after at
 *                           least 10), so a slow build still finishes; warm-up gets a quarter of
 *                           it and the instrumented runs a third (60)
 *   BENCH_WARMUP            warm-up full-path runs per size (50)
 *   BENCH_BREAKDOWN_RUNS    instrumented full-path runs per size (100)
 *   BENCH_REFERRALS         distinct referrals the in-process runs cycle through (200)
 *   BENCH_NAIVE_RUNS        naive runs per size up to 100,000 vacancies (20)
 *   BENCH_NAIVE_RUNS_LARGE  naive runs per size above 100,000 (3; 0 skips them)
 *   BENCH_HEADLINE_SIZE     the size of section 1 and of the end-to-end run (50000)
 *   BENCH_E2E=0             skip the end-to-end run (and the build it needs)
 *   BENCH_E2E_REFERRALS     referrals queued for the worker (2000)
 *   BENCH_NOOP_JOBS         no-op jobs for the baseline (20000)
 *   BENCH_WORKER_CONCURRENCY  the worker's WORKER_CONCURRENCY, and the no-op worker's (4)
 *   BENCH_E2E_TIMEOUT       seconds to wait for every referral to be matched; the rate is then
 *                           reported from those matched so far (120)
 *   BENCH_SEED              seed of the generated data (1)
 *   BENCH_DEADLINE          seconds before everything is stopped and cleaned up (1200)
 *   BENCH_BUILD             1: `npm run build` first; private: build the current sources into a
 *                           temporary directory, leaving dist/ alone
 *   BENCH_DIST              run another build output instead of dist/
 *   BENCH_KEEP_LOGS=1       keep the worker's log (kept anyway on failure)
 *   BENCH_KEEP_DATABASE=1   leave the scratch database (at the largest size) for EXPLAIN; drop it yourself
 *   BENCH_ENFORCE_TARGET=1, BENCH_DATABASE_ADMIN_URL, BENCH_REDIS_URL (loopback only)
 */
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { Queue, Worker } from 'bullmq';
import { Client } from 'pg';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addCalendarDays, DEFAULT_MATCH_LIMIT, DEFAULT_WEIGHTS, rankVacancies, todayInEngland } from '@app/domain';
import {
  createDataSource,
  MatchingRepository,
  migrateAndLoadReferenceData,
  ReferralRepository,
} from '@app/persistence';
import type { NewReferral, ReferralStatus } from '@app/persistence';
import { createRedisConnection, JOB_OPTIONS, JobName } from '@app/queue';
import { readLocalAuthorities, readOfstedProviders, readPostcodeDistricts } from '@app/reference-data';
import { buildReferral, insertUser, loadEveryOpenVacancy } from '@app/testing';
import { EXCLUSION_LIMIT, MatchingService } from '@app/worker/matching/matching.service';
import { EXCLUSION_CANDIDATES as DEMO_EXCLUSION_CANDIDATES, NEED_PROFILES as DEMO_NEED_PROFILES, type NeedRule } from '../demo/demo-plan';
import { Prng } from '../demo/deterministic';
import { type Build, chooseBuild, logBuild } from './support/build';
import { type AppProcess, startApp } from './support/child-processes';
import { cpuSnapshot, cpuUsage, postgresBackendPids } from './support/cpu';
import { listFromEnv, numberFromEnv } from './support/env-settings';
import { fixed, machineLine, runBenchmark, table, whole } from './support/output';
import { deleteRedisKeys } from './support/redis-keys';
import { logDirectory } from './support/run-logs';
import { createScratchDatabase } from './support/scratch-database';
import { benchServices, runId } from './support/services';
import { percentile } from './support/statistics';
import { sleep, Teardown } from './support/teardown';

const AIMS = { p99Ms: 10, naiveRatio: 10, growth: 3, referralsPerSecond: 300 };

const settings = {
  sizes: listFromEnv('BENCH_SIZES', [5_000, 50_000, 500_000], { min: 100, max: 5_000_000 }),
  runs: numberFromEnv('BENCH_RUNS', 400, { min: 1, max: 100_000 }),
  runBudget: numberFromEnv('BENCH_RUN_BUDGET', 60, { min: 1, max: 86_400 }),
  warmup: numberFromEnv('BENCH_WARMUP', 50, { min: 0, max: 100_000 }),
  breakdownRuns: numberFromEnv('BENCH_BREAKDOWN_RUNS', 100, { min: 0, max: 100_000 }),
  referrals: numberFromEnv('BENCH_REFERRALS', 200, { min: 1, max: 100_000 }),
  naiveRuns: numberFromEnv('BENCH_NAIVE_RUNS', 20, { min: 0, max: 10_000 }),
  naiveRunsLarge: numberFromEnv('BENCH_NAIVE_RUNS_LARGE', 3, { min: 0, max: 10_000 }),
  headlineSize: numberFromEnv('BENCH_HEADLINE_SIZE', 50_000, { min: 100, max: 5_000_000 }),
  e2e: process.env.BENCH_E2E !== '0',
  e2eReferrals: numberFromEnv('BENCH_E2E_REFERRALS', 2_000, { min: 1, max: 1_000_000 }),
  noopJobs: numberFromEnv('BENCH_NOOP_JOBS', 20_000, { min: 1, max: 10_000_000 }),
  concurrency: numberFromEnv('BENCH_WORKER_CONCURRENCY', 4, { min: 1, max: 64 }),
  e2eTimeout: numberFromEnv('BENCH_E2E_TIMEOUT', 120, { min: 1, max: 3_600 }),
  seed: numberFromEnv('BENCH_SEED', 1, { min: 0, max: 2 ** 31 }),
  deadline: numberFromEnv('BENCH_DEADLINE', 1_200, { min: 60, max: 86_400 }),
};
/** Runs that always happen, whatever the time budget. */
const MIN_RUNS = 10;
/** Sizes above this get BENCH_NAIVE_RUNS_LARGE naive runs. */
const LARGE = 100_000;
/** The statuses the in-process runs match from, so one referral can be matched again and again. */
const FROM: readonly ReferralStatus[] = ['submitted', 'shortlisted', 'no_match'];
const JOB = { queueName: 'matching', jobName: 'match-referral' };
const LOAD_CHUNK = 20_000;

const log = (line = '') => process.stdout.write(`${line}\n`);

// =============================================================================================
// Seeded randomness

/** A 32-bit hash of (stream, index), so every generated row depends only on its own number. */
function seedOf(stream: number, index: number): number {
  let h = Math.imul(index ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(stream + settings.seed * 7919, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Items picked in proportion to their weights (binary search over the running total). */
class WeightedPool<T> {
  private readonly items: T[] = [];
  private readonly cumulative: number[] = [];
  private total = 0;
  constructor(entries: Iterable<readonly [T, number]>) {
    for (const [item, weight] of entries) {
      if (!(weight > 0)) continue;
      this.total += weight;
      this.items.push(item);
      this.cumulative.push(this.total);
    }
    if (this.items.length === 0) throw new Error('a weighted pool needs at least one item of positive weight');
  }
  pick(rng: Prng): T {
    const roll = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > roll) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

// =============================================================================================
// The reference model: where settings and children are, from the real registers

type Grade = 'outstanding' | 'good' | 'requires_improvement' | 'inadequate' | 'not_yet_inspected';

interface Registration {
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

interface Model {
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

function buildModel(): Model {
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

// =============================================================================================
// Settings and vacancies

/** The placement types of generated settings, by share: children's homes dominate residential care. */
const SETTING_MIX = [
  ['K2', 44],
  ['U6', 18],
  ['U4', 10],
  ['U5', 2],
  ['K3', 12],
  ['S1', 5],
  ['R3', 3],
  ['K1', 1],
  ['R1', 2],
  ['R2', 1],
] as const;
type SettingType = (typeof SETTING_MIX)[number][0];

/** The demo's need profiles, plus those of the settings only the benchmark's national picture has. */
const NEED_PROFILES: Record<string, readonly NeedRule[]> = {
  ...DEMO_NEED_PROFILES,
  supported: [
    ['unaccompanied-asylum-seeking', 0.7, 1, 3],
    ['not-in-education', 0.8, 1, 3],
    ['going-missing', 0.5, 1, 2],
    ['substance-misuse', 0.5, 1, 2],
    ['cce-risk', 0.4, 1, 2],
    ['mental-health', 0.5, 1, 2],
    ['trauma', 0.7, 1, 2],
    ['offending', 0.3, 1, 2],
    ['parent-and-child', 0.1, 1, 2],
  ],
  familyCentre: [
    ['parent-and-child', 1, 3, 3],
    ['trauma', 0.8, 1, 3],
    ['mental-health', 0.7, 1, 3],
    ['learning-disability', 0.5, 1, 2],
    ['substance-misuse', 0.4, 1, 2],
  ],
  health: [
    ['complex-health', 1, 2, 3],
    ['physical-disability', 0.9, 2, 3],
    ['learning-disability', 0.8, 1, 3],
    ['mental-health', 0.6, 1, 3],
    ['sensory-impairment', 0.6, 1, 3],
    ['autism', 0.6, 1, 3],
    ['ehcp', 0.8, 1, 3],
  ],
};
const EXCLUSION_CANDIDATES: Record<string, readonly string[]> = {
  ...DEMO_EXCLUSION_CANDIDATES,
  supported: ['fire-setting', 'harmful-sexual-behaviour', 'complex-health', 'physical-disability'],
  familyCentre: ['fire-setting', 'harmful-sexual-behaviour', 'offending'],
  health: ['fire-setting', 'harmful-sexual-behaviour', 'offending', 'substance-misuse'],
};

const ALL_GENDERS = 'female,male,other';

/** Weekly cost range (£) of a vacancy, by the setting's type. */
const COSTS: Record<SettingType, readonly [number, number]> = {
  K2: [4_000, 8_000],
  K1: [7_500, 9_500],
  K3: [1_200, 3_000],
  S1: [3_500, 7_000],
  U4: [850, 1_300],
  U5: [900, 1_400],
  U6: [900, 1_400],
  R1: [5_000, 9_000],
  R2: [6_000, 12_000],
  R3: [3_000, 6_000],
};
const EMERGENCY_READY: Record<SettingType, number> = {
  K2: 0.2,
  K1: 0.3,
  K3: 0.35,
  S1: 0.02,
  U4: 0.15,
  U5: 0.15,
  U6: 0.3,
  R1: 0.1,
  R2: 0.1,
  R3: 0.1,
};

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
interface SettingRef {
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
function generateSettings(model: Model, from: number, to: number, districtLa: Map<string, string>): SettingColumns {
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

interface VacancyColumns {
  settingId: string[];
  providerId: string[];
  beds: number[];
  availableFrom: string[];
  availableUntil: (string | null)[];
  weeklyCost: number[];
  emergencyReady: boolean[];
  reservedFor: (string | null)[];
}

/** Vacancies number `from` to `to - 1`; vacancy j is in setting floor(j / 2). */
function generateVacancies(settingsByIndex: SettingRef[], from: number, to: number, today: string): VacancyColumns {
  const columns: VacancyColumns = {
    settingId: [],
    providerId: [],
    beds: [],
    availableFrom: [],
    availableUntil: [],
    weeklyCost: [],
    emergencyReady: [],
    reservedFor: [],
  };
  for (let j = from; j < to; j += 1) {
    const setting = settingsByIndex[Math.floor(j / 2)];
    const rng = new Prng(seedOf(2, j));
    const beds = setting.places >= 3 && rng.chance(0.03) ? 3 : setting.places >= 2 && rng.chance(0.18) ? 2 : 1;
    const emergencyReady = rng.chance(EMERGENCY_READY[setting.type]);
    const availableFrom = addCalendarDays(today, emergencyReady ? -rng.int(0, 14) : rng.int(-14, 56));
    const availableUntil = rng.chance(0.12) ? addCalendarDays(availableFrom, rng.int(28, 180)) : null;
    const [low, high] = COSTS[setting.type];
    const weeklyCost = Math.round(rng.int(low, high) / 25) * 25;
    // A few beds on block contracts for the setting's own LA, and a few remand beds.
    let reservedFor: string | null = null;
    if (setting.localAuthorityCode && rng.chance(0.03)) {
      reservedFor = JSON.stringify({ localAuthorityCodes: [setting.localAuthorityCode] });
    } else if ((setting.type === 'K2' || setting.type === 'K1') && rng.chance(0.01)) {
      reservedFor = JSON.stringify({ legalStatuses: ['J1', 'J2', 'J3'] });
    }
    columns.settingId.push(setting.id);
    columns.providerId.push(setting.providerId);
    columns.beds.push(beds);
    columns.availableFrom.push(availableFrom);
    columns.availableUntil.push(availableUntil);
    columns.weeklyCost.push(weeklyCost);
    columns.emergencyReady.push(emergencyReady);
    columns.reservedFor.push(reservedFor);
  }
  return columns;
}

const INSERT_SETTINGS = `
  INSERT INTO settings (id, provider_id, name, placement_type, ofsted_urn, ofsted_grade, postcode, postcode_district,
                        local_authority_code, latitude, longitude, registered_places, age_min, age_max, genders,
                        needs_supported, needs_excluded)
  SELECT t.id, t.provider_id, t.name, t.placement_type, t.urn, t.grade, t.postcode, d.district, d.local_authority_code,
         d.latitude, d.longitude, t.places, t.age_min, t.age_max, string_to_array(t.genders, ','), t.needs_supported,
         string_to_array(t.needs_excluded, ',')
    FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                $9::int[], $10::int[], $11::int[], $12::text[], $13::jsonb[], $14::text[])
           AS t(id, provider_id, name, placement_type, urn, grade, postcode, district, places, age_min, age_max,
                genders, needs_supported, needs_excluded)
    JOIN postcode_districts d ON d.district = t.district`;

// The vacancies_copy_setting trigger copies the setting's matching fields onto each row.
const INSERT_VACANCIES = `
  INSERT INTO vacancies (setting_id, provider_id, beds, available_from, available_until, weekly_cost, emergency_ready,
                         reserved_for, status)
  SELECT t.*, 'open'
    FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::date[], $5::date[], $6::int[], $7::boolean[], $8::jsonb[])
           AS t(setting_id, provider_id, beds, available_from, available_until, weekly_cost, emergency_ready, reserved_for)`;

interface LoadStep {
  size: number;
  settings: number;
  vacancies: number;
  insertSeconds: number;
  vacuumSeconds: number;
}

/** Grows the open vacancies from `from` to `to` (and the settings they need). */
async function growVacancies(
  db: Client,
  model: Model,
  refs: SettingRef[],
  districtLa: Map<string, string>,
  from: number,
  to: number,
  today: string,
): Promise<LoadStep> {
  const started = performance.now();
  const settingsFrom = refs.length;
  const settingsTo = Math.ceil(to / 2);
  for (let start = settingsFrom; start < settingsTo; start += LOAD_CHUNK / 2) {
    const end = Math.min(settingsTo, start + LOAD_CHUNK / 2);
    const s = generateSettings(model, start, end, districtLa);
    await db.query(INSERT_SETTINGS, [
      s.id,
      s.providerId,
      s.name,
      s.placementType,
      s.urn,
      s.grade,
      s.postcode,
      s.district,
      s.places,
      s.ageMin,
      s.ageMax,
      s.genders,
      s.needsSupported,
      s.needsExcluded,
    ]);
    for (let k = 0; k < s.id.length; k += 1) {
      refs.push({
        id: s.id[k],
        providerId: s.providerId[k],
        type: s.type[k],
        places: s.places[k],
        localAuthorityCode: s.localAuthorityCode[k],
      });
    }
  }
  for (let start = from; start < to; start += LOAD_CHUNK) {
    const end = Math.min(to, start + LOAD_CHUNK);
    const v = generateVacancies(refs, start, end, today);
    await db.query(INSERT_VACANCIES, [
      v.settingId,
      v.providerId,
      v.beds,
      v.availableFrom,
      v.availableUntil,
      v.weeklyCost,
      v.emergencyReady,
      v.reservedFor,
    ]);
  }
  const inserted = performance.now();
  // As autovacuum would leave them: statistics for the planner, the visibility map set.
  await db.query('VACUUM (ANALYZE) settings, vacancies');
  const [{ n }] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM vacancies WHERE status = 'open'`)).rows;
  if (n !== to) throw new Error(`expected ${to} open vacancies after loading, found ${n}`);
  return {
    size: to,
    settings: settingsTo - settingsFrom,
    vacancies: to - from,
    insertSeconds: (inserted - started) / 1000,
    vacuumSeconds: (performance.now() - inserted) / 1000,
  };
}

// =============================================================================================
// Referrals

const CHILD_NEEDS = [
  ['trauma', 10],
  ['challenging-behaviour', 8],
  ['going-missing', 6],
  ['self-harm', 5],
  ['mental-health', 6],
  ['cse-risk', 4],
  ['cce-risk', 4],
  ['aggression', 4],
  ['not-in-education', 4],
  ['ehcp', 4],
  ['autism', 4],
  ['learning-disability', 3],
  ['substance-misuse', 3],
  ['offending', 2],
  ['unaccompanied-asylum-seeking', 2],
  ['physical-disability', 1],
  ['complex-health', 1],
  ['sensory-impairment', 1],
  ['harmful-sexual-behaviour', 1],
  ['fire-setting', 1],
  ['remand', 1],
] as const;

/** A referral for child number `k`: somewhere in England, 8-17, one or two common placement types. */
function benchReferral(model: Model, k: number, tag: string, userId: string, today: string): NewReferral {
  const rng = new Prng(seedOf(3, k));
  const la = model.childLas.pick(rng);
  const district = model.districtsByLa.get(la)!.pick(rng);
  const urgency = rng.weighted([['planned', 65], ['urgent', 20], ['emergency', 15]] as const);
  const requiredBy =
    urgency === 'emergency' ? today : addCalendarDays(today, urgency === 'urgent' ? rng.int(1, 6) : rng.int(7, 42));
  const age = rng.weighted([[8, 3], [9, 3], [10, 4], [11, 6], [12, 8], [13, 10], [14, 13], [15, 15], [16, 14], [17, 8]] as const);
  // Born between `age + 1` years and `age` years before the date required (29 February rolls to 1 March).
  const [year, month, day] = requiredBy.split('-').map(Number);
  const yearEarlier = new Date(Date.UTC(year - age - 1, month - 1, day)).toISOString().slice(0, 10);
  const dateOfBirth = addCalendarDays(yearEarlier, rng.int(1, 364));
  const placementTypes =
    age >= 16 && rng.chance(0.4)
      ? rng.pick([['K3'], ['K2', 'K3'], ['K3', 'U6']])
      : rng.weighted([
          [['K2'], 35],
          [['K2', 'U6'], 15],
          [['U6'], 14],
          [['U4', 'U6'], 10],
          [['U4'], 5],
          [['K2', 'S1'], 5],
          [['S1'], 2],
          [['K2', 'K1'], 1],
          [['K1'], 1],
          [['R1', 'K2'], 1],
        ] as const).slice();
  const needs: { code: string; level: number; essential: boolean }[] = [];
  const count = rng.weighted([[0, 1], [1, 3], [2, 4], [3, 3], [4, 2]] as const);
  for (let n = 0; n < count; n += 1) {
    const code = rng.weighted(CHILD_NEEDS);
    if (needs.some((need) => need.code === code)) continue;
    needs.push({ code, level: rng.weighted([[1, 4], [2, 4], [3, 2]] as const), essential: rng.chance(0.5) });
  }
  const siblingGroupSize = rng.weighted([[1, 92], [2, 7], [3, 1]] as const);
  const costly = placementTypes.some((type) => type === 'K1' || type === 'K2' || type === 'S1' || type === 'R1');
  return buildReferral(userId, {
    localAuthorityCode: la,
    idempotencyKey: `${tag}-${k}`,
    urgency,
    requiredBy,
    placementTypes,
    maxDistanceMiles: rng.chance(0.45) ? null : rng.pick([20, 25, 30, 40, 50, 60, 80, 100]),
    weeklyBudget: rng.chance(0.5) ? null : costly ? rng.int(40, 80) * 100 : rng.int(9, 30) * 100,
    child: {
      localReference: `BENCH-${tag}-${k}`,
      dateOfBirth,
      gender: rng.weighted([['female', 45], ['male', 53], ['other', 2]] as const),
      homePostcode: `${district} 1AA`,
      homeDistrict: district,
      legalStatus: rng.weighted([['C2', 55], ['C1', 20], ['V2', 20], ['J1', 3], ['E1', 2]] as const),
      categoryOfNeed: rng.weighted([['N1', 65], ['N4', 15], ['N2', 5], ['N3', 4], ['N5', 4], ['N6', 3], ['N7', 2], ['N8', 2]] as const),
      needs,
      siblingGroupSize,
      ehcp: needs.some((need) => need.code === 'ehcp'),
      preferences: null,
    },
  });
}

/** Submits the referrals, a few at a time; returns their ids in order. */
async function submitReferrals(repository: ReferralRepository, referrals: NewReferral[]): Promise<string[]> {
  const ids: string[] = new Array(referrals.length);
  let next = 0;
  const lane = async () => {
    while (next < referrals.length) {
      const at = next++;
      const result = await repository.submit(referrals[at], JOB);
      if (result.outcome !== 'created') throw new Error(`referral ${at} was not created (${result.outcome})`);
      ids[at] = result.referral.id;
    }
  };
  await Promise.all(Array.from({ length: 8 }, lane));
  return ids;
}

// =============================================================================================
// Measurements

interface Stats {
  n: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

function stats(values: number[]): Stats {
  const sorted = Float64Array.from(values).sort();
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    mean: sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : NaN,
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
  };
}

interface FullResult {
  ms: Stats;
  shortlisted: number;
  noMatch: number;
  meanMatches: number;
  meanExclusions: number;
  cpu: Record<string, number>;
}

async function timeFullPath(
  service: MatchingService,
  ids: string[],
  runs: number,
  offset: number,
  databaseName: string,
  teardown: Teardown,
  budgetMs: number,
): Promise<FullResult> {
  const times: number[] = [];
  let shortlisted = 0;
  let noMatch = 0;
  let matches = 0;
  let exclusions = 0;
  const groups = { bench: () => [process.pid], postgres: () => postgresBackendPids(databaseName) };
  const before = cpuSnapshot(groups);
  const until = performance.now() + budgetMs;
  for (let i = 0; i < runs && !teardown.stopping; i += 1) {
    if (i >= MIN_RUNS && performance.now() > until) break;
    const id = ids[(offset + i) % ids.length];
    const started = performance.now();
    const result = await service.match(id, FROM);
    times.push(performance.now() - started);
    if (result.outcome !== 'matched') throw new Error(`referral ${id} was not claimable`);
    if (result.status === 'shortlisted') shortlisted += 1;
    else noMatch += 1;
    matches += result.matches;
    exclusions += result.exclusions;
  }
  return {
    ms: stats(times),
    shortlisted,
    noMatch,
    meanMatches: matches / Math.max(1, times.length),
    meanExclusions: exclusions / Math.max(1, times.length),
    cpu: cpuUsage(before, cpuSnapshot(groups)),
  };
}

interface SourceCalls {
  ms: number;
  calls: number;
  rows: number;
}

interface Breakdown {
  total: number;
  /** Pool connect, BEGIN and the claiming UPDATE, until compute starts. */
  claim: number;
  /** All of compute (candidate reads included). */
  compute: number;
  /** Per candidate-source method match() called: time, calls, rows returned. */
  source: Map<string, SourceCalls>;
  /** From compute's end: the deletes, inserts, status update and COMMIT. */
  write: number;
  types: string;
  maxDistance: number | null;
}

const sourceMs = (b: Breakdown) => [...b.source.values()].reduce((sum, calls) => sum + calls.ms, 0);

/** Rows in what a candidate-source call returned: an array, or an object holding `vacancies`. */
function rowsIn(result: unknown): number {
  if (Array.isArray(result)) return result.length;
  const vacancies = (result as { vacancies?: unknown } | null)?.vacancies;
  return Array.isArray(vacancies) ? vacancies.length : 0;
}

/** The candidate source with every method call timed and its rows counted into `b`. */
function timedSource<T extends object>(source: T, b: Breakdown): T {
  return new Proxy(source, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return async (...params: unknown[]) => {
        const started = performance.now();
        const result: unknown = await value.apply(target, params);
        const calls = b.source.get(String(key)) ?? { ms: 0, calls: 0, rows: 0 };
        calls.ms += performance.now() - started;
        calls.calls += 1;
        calls.rows += rowsIn(result);
        b.source.set(String(key), calls);
        return result;
      };
    },
  });
}

/**
 * MatchingRepository whose `run` is timed while `collecting` is set: the claim, the compute (with
 * the candidate source it is given timed call by call) and the write and commit. Otherwise it is
 * the repository itself.
 */
class InstrumentedRepository extends MatchingRepository {
  collecting: Breakdown | null = null;

  override run(...args: Parameters<MatchingRepository['run']>): ReturnType<MatchingRepository['run']> {
    const b = this.collecting;
    if (!b) return super.run(...args);
    const [referralId, from, compute] = args;
    const started = performance.now();
    let computeEnded = 0;
    const timed: typeof compute = async (claimed, source) => {
      const computeStarted = performance.now();
      b.claim = computeStarted - started;
      b.types = claimed.referral.placementTypes.join('+');
      b.maxDistance = claimed.referral.maxDistanceMiles;
      const outcome = await compute(claimed, timedSource(source, b));
      computeEnded = performance.now();
      b.compute = computeEnded - computeStarted;
      return outcome;
    };
    return super.run(referralId, from, timed).then((result) => {
      const ended = performance.now();
      b.write = ended - computeEnded;
      b.total = ended - started;
      return result;
    });
  }
}

/** One MatchingService.match, instrumented. */
async function instrumentedMatch(
  repository: InstrumentedRepository,
  service: MatchingService,
  referralId: string,
): Promise<Breakdown> {
  const b: Breakdown = { total: 0, claim: 0, compute: 0, source: new Map(), write: 0, types: '', maxDistance: null };
  repository.collecting = b;
  try {
    const result = await service.match(referralId, FROM);
    if (result.outcome !== 'matched') throw new Error(`referral ${referralId} was not claimable`);
  } finally {
    repository.collecting = null;
  }
  return b;
}

type Constructor = new (...args: never[]) => object;

/**
 * MatchingService as the worker's Nest container builds it: each constructor parameter from its
 * design-time type (emitted decorator metadata), `provided` instances first, anything else
 * constructed the same way, once. Then the start-up hooks Nest runs (onModuleInit,
 * onApplicationBootstrap) and any start-up load they begin (`startLoading()`, e.g. a vacancy
 * cache's), awaited: matching then runs as it does in a worker that has finished starting.
 */
async function startService(provided: Map<unknown, object>): Promise<{ service: MatchingService; parts: string[] }> {
  const instances = new Map<unknown, object>(provided);
  const created: object[] = [];
  const construct = (type: Constructor, path: string[]): object => {
    const known = instances.get(type);
    if (known) return known;
    if (path.includes(type.name)) throw new Error(`circular constructor dependency: ${[...path, type.name].join(' -> ')}`);
    const params = (Reflect.getMetadata('design:paramtypes', type) as Constructor[] | undefined) ?? [];
    if (params.length < type.length) throw new Error(`no constructor metadata for ${type.name}`);
    const args = params.map((param, i) => {
      if (typeof param !== 'function' || (param as unknown) === Object) {
        throw new Error(`cannot tell what parameter ${i + 1} of ${type.name} is (an interface or a union?)`);
      }
      return construct(param, [...path, type.name]);
    });
    const instance = new type(...(args as never[]));
    instances.set(type, instance);
    created.push(instance);
    return instance;
  };
  const service = construct(MatchingService, []) as MatchingService;
  type Hooks = { onModuleInit?: () => unknown; onApplicationBootstrap?: () => unknown; startLoading?: () => unknown };
  for (const hook of ['onModuleInit', 'onApplicationBootstrap', 'startLoading'] as const) {
    for (const instance of created) {
      const method = (instance as Hooks)[hook];
      if (typeof method === 'function') await method.call(instance);
    }
  }
  return { service, parts: created.map((instance) => instance.constructor.name) };
}

interface NaiveRun {
  total: number;
  load: number;
  rank: number;
}

/** The same claim and write as the full path; the candidates are every open vacancy, as entities. */
async function naiveMatch(repository: MatchingRepository, dataSource: DataSource, referralId: string): Promise<NaiveRun> {
  let load = 0;
  let rank = 0;
  const started = performance.now();
  const result = await repository.run(referralId, FROM, async ({ referral, weights }) => {
    const t0 = performance.now();
    const vacancies = await loadEveryOpenVacancy(dataSource);
    const t1 = performance.now();
    const ranked = rankVacancies(referral, vacancies, weights ?? DEFAULT_WEIGHTS, {
      limit: DEFAULT_MATCH_LIMIT,
      exclusionLimit: EXCLUSION_LIMIT,
    });
    load = t1 - t0;
    rank = performance.now() - t1;
    return ranked;
  });
  if (result.outcome !== 'matched') throw new Error(`referral ${referralId} was not claimable (naive)`);
  return { total: performance.now() - started, load, rank };
}

/** The stored shortlist and exclusions of a referral, as one comparable string. */
async function storedResult(db: Client, referralId: string): Promise<string> {
  const { rows } = await db.query(
    `SELECT (SELECT coalesce(json_agg(json_build_array(rank, vacancy_id, score, distance_miles, weekly_cost, breakdown) ORDER BY rank), '[]')
               FROM referral_matches WHERE referral_id = $1) AS matches,
            (SELECT coalesce(json_agg(json_build_array(position, vacancy_id, distance_miles, reasons) ORDER BY position), '[]')
               FROM referral_exclusions WHERE referral_id = $1) AS exclusions,
            (SELECT status FROM referrals WHERE id = $1) AS status`,
    [referralId],
  );
  return JSON.stringify(rows[0]);
}

interface NaiveResult {
  runs: NaiveRun[];
  total: Stats;
  load: Stats;
  rank: Stats;
  compared: number;
  mismatches: string[];
  peakRssMb: number;
}

async function timeNaive(
  repository: MatchingRepository,
  service: MatchingService,
  dataSource: DataSource,
  db: Client,
  ids: string[],
  runs: number,
  teardown: Teardown,
): Promise<NaiveResult> {
  const measured: NaiveRun[] = [];
  const mismatches: string[] = [];
  let peakRss = process.memoryUsage().rss;
  // One warm-up when there are enough runs to be worth it (the code is warm from smaller sizes).
  if (runs >= 10) await naiveMatch(repository, dataSource, ids[0]);
  for (let i = 0; i < runs && !teardown.stopping; i += 1) {
    // Spread over the referrals, so a handful of runs still sees a mix.
    const id = ids[Math.floor((i * ids.length) / runs + 1) % ids.length];
    measured.push(await naiveMatch(repository, dataSource, id));
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const naive = await storedResult(db, id);
    const full = await service.match(id, FROM);
    if (full.outcome !== 'matched') throw new Error(`referral ${id} was not claimable`);
    const fullStored = await storedResult(db, id);
    if (naive !== fullStored && mismatches.length < 3) {
      mismatches.push(`referral ${id}: naive ${naive.slice(0, 400)} ... full ${fullStored.slice(0, 400)} ...`);
    } else if (naive !== fullStored) {
      mismatches.push(`referral ${id}`);
    }
  }
  return {
    runs: measured,
    total: stats(measured.map((r) => r.total)),
    load: stats(measured.map((r) => r.load)),
    rank: stats(measured.map((r) => r.rank)),
    compared: measured.length,
    mismatches,
    peakRssMb: peakRss / 2 ** 20,
  };
}

/** What one durable commit costs here (WAL flush): a floor under every match, which commits once. */
async function commitCost(db: Client): Promise<Stats & { synchronousCommit: string }> {
  await db.query('CREATE TABLE bench_commit_probe (n int)');
  const times: number[] = [];
  for (let i = 0; i < 50; i += 1) {
    const started = performance.now();
    await db.query('BEGIN');
    await db.query('INSERT INTO bench_commit_probe VALUES ($1)', [i]);
    await db.query('COMMIT');
    times.push(performance.now() - started);
  }
  await db.query('DROP TABLE bench_commit_probe');
  const [{ setting }] = (await db.query<{ setting: string }>(`SELECT current_setting('synchronous_commit') AS setting`)).rows;
  return { ...stats(times), synchronousCommit: setting };
}

interface SizeResult {
  size: number;
  /** Building the MatchingService and running its start-up hooks and loads. */
  startupSeconds: number;
  full: FullResult;
  breakdown: Breakdown[];
  naive: NaiveResult | null;
}

// =============================================================================================
// End to end

interface EndToEnd {
  referrals: number;
  /** False when BENCH_E2E_TIMEOUT passed first: the figures are over those matched by then. */
  complete: boolean;
  matched: number;
  concurrency: number;
  /** From spawning the worker until every referral is shortlisted or no_match. */
  totalSeconds: number;
  firstMatchedAfter: number;
  matchedAtFirst: number;
  ratePerSecond: number;
  shortlisted: number;
  noMatch: number;
  failed: number;
  cpu: Record<string, number>;
}

async function runEndToEnd(
  build: Build,
  env: Record<string, string>,
  databaseUrl: string,
  databaseName: string,
  ids: string[],
  logDir: string,
  teardown: Teardown,
): Promise<EndToEnd> {
  const poll = new Client({ connectionString: databaseUrl, application_name: 'bench-poll' });
  await poll.connect();
  teardown.add('close the polling connection', () => poll.end());
  const count = async () => {
    const { rows } = await poll.query<{ done: number; failed: number; shortlisted: number }>({
      name: 'bench-e2e-count',
      text: `SELECT count(*) FILTER (WHERE status IN ('shortlisted', 'no_match'))::int AS done,
                    count(*) FILTER (WHERE status = 'shortlisted')::int AS shortlisted,
                    count(*) FILTER (WHERE status = 'match_failed')::int AS failed
               FROM referrals WHERE id = ANY($1::uuid[])`,
      values: [ids],
    });
    return rows[0];
  };
  let worker: AppProcess | undefined;
  const groups = {
    worker: () => (worker?.child.pid ? [worker.child.pid] : []),
    postgres: () => postgresBackendPids(databaseName),
  };
  const before = cpuSnapshot(groups);
  const started = performance.now();
  worker = startApp('worker', build.apps.worker, env, { logDir });
  teardown.add('stop the worker', () => worker!.stop());
  let firstAt = NaN;
  let atFirst = 0;
  const until = started + settings.e2eTimeout * 1000;
  for (;;) {
    if (!worker.alive()) await worker.exited;
    if (teardown.stopping) return new Promise<EndToEnd>(() => undefined); // the signal handler exits
    const now = performance.now();
    const { done, failed, shortlisted } = await count();
    if (done > 0 && Number.isNaN(firstAt)) {
      firstAt = now;
      atFirst = done;
    }
    const timedOut = now > until;
    if (done + failed >= ids.length || timedOut) {
      const cpu = cpuUsage(before, cpuSnapshot(groups));
      await worker.stop();
      return {
        referrals: ids.length,
        complete: !timedOut,
        matched: done,
        concurrency: settings.concurrency,
        totalSeconds: (now - started) / 1000,
        firstMatchedAfter: (firstAt - started) / 1000,
        matchedAtFirst: atFirst,
        ratePerSecond: now > firstAt ? (done - atFirst) / ((now - firstAt) / 1000) : NaN,
        shortlisted,
        noMatch: done - shortlisted,
        failed,
        cpu,
      };
    }
    await sleep(20);
  }
}

interface NoopResult {
  jobs: number;
  addSeconds: number;
  processSeconds: number;
  ratePerSecond: number;
}

/** Jobs that do nothing, through the same Redis, job options and concurrency as the worker's. */
async function runNoop(redisUrl: string, prefix: string, teardown: Teardown): Promise<NoopResult> {
  const queueConnection = createRedisConnection(redisUrl, { connectionName: 'bench-noop-queue' });
  const workerConnection = createRedisConnection(redisUrl, { connectionName: 'bench-noop-worker' });
  const queue = new Queue('noop', { connection: queueConnection, prefix });
  let completed = 0;
  let finished: () => void = () => undefined;
  const allDone = new Promise<void>((resolve) => (finished = resolve));
  const worker = new Worker('noop', async () => undefined, {
    connection: workerConnection,
    prefix,
    concurrency: settings.concurrency,
    autorun: false,
    lockDuration: 30_000,
    stalledInterval: 30_000,
    maxStalledCount: 2,
  });
  worker.on('completed', () => {
    completed += 1;
    if (completed === settings.noopJobs) finished();
  });
  let failure: Error | undefined;
  worker.on('failed', (_job, error) => (failure ??= error));
  worker.on('error', (error) => (failure ??= error));
  const close = async () => {
    await worker.close().catch(() => undefined);
    await queue.close().catch(() => undefined);
    queueConnection.disconnect();
    workerConnection.disconnect();
  };
  teardown.add('close the no-op queue and worker', close);
  try {
    const addStarted = performance.now();
    const options = JOB_OPTIONS[JobName.MatchReferral];
    for (let start = 0; start < settings.noopJobs; start += 1_000) {
      const end = Math.min(settings.noopJobs, start + 1_000);
      await queue.addBulk(
        Array.from({ length: end - start }, (_, k) => ({
          name: 'noop',
          data: { referralId: randomUUID() },
          opts: { ...options, jobId: `noop-${start + k}` },
        })),
      );
    }
    const addSeconds = (performance.now() - addStarted) / 1000;
    const started = performance.now();
    void worker.run();
    const timeout = sleep(settings.e2eTimeout * 1000).then(() => 'timeout' as const);
    if ((await Promise.race([allDone, timeout])) === 'timeout' || teardown.stopping) {
      throw new Error(`only ${completed} of ${settings.noopJobs} no-op jobs completed within ${settings.e2eTimeout}s`);
    }
    const processSeconds = (performance.now() - started) / 1000;
    if (failure) throw failure;
    return { jobs: settings.noopJobs, addSeconds, processSeconds, ratePerSecond: settings.noopJobs / processSeconds };
  } finally {
    await close();
  }
}

// =============================================================================================

async function main(): Promise<number> {
  // Classes built here outside Nest (e.g. a vacancy cache) log through Nest's default logger.
  Logger.overrideLogger(['error', 'warn']);
  const teardown = new Teardown(log);
  const services = benchServices();
  const id = runId();
  const sizes = [...new Set(settings.sizes)].sort((a, b) => a - b);
  const e2eAt = settings.e2e && sizes.includes(settings.headlineSize) ? settings.headlineSize : null;
  teardown.deadline(settings.deadline * 1000);
  const logs = logDirectory(id, teardown, log);
  const logDir = logs.dir;
  try {
    log(`Matching benchmark ${new Date().toISOString()}`);
    log(`machine: ${machineLine()}`);
    const build = e2eAt !== null ? await chooseBuild(log, id, teardown) : undefined;
    if (build) logBuild(log, build, 'build (worker, end to end)');

    // ---- database, reference data, providers, referrals
    const database = await createScratchDatabase(services.adminUrl, `pm_bench_${id}`);
    teardown.add(`drop database ${database.name}`, async () => {
      if (process.env.BENCH_KEEP_DATABASE === '1') log(`database ${database.name} kept (BENCH_KEEP_DATABASE=1): ${database.url}`);
      else await database.drop();
    });
    const queuePrefix = `bench-${id}`;
    teardown.add(`delete Redis keys ${queuePrefix}*`, async () => {
      const deleted = await deleteRedisKeys(services.redisUrl, queuePrefix);
      log(`cleanup: deleted ${deleted} Redis keys under ${queuePrefix}`);
    });
    const dataSource = createDataSource({ url: database.url, poolSize: 4, applicationName: 'bench-matching' });
    await dataSource.initialize();
    teardown.add('close the data source', () => dataSource.destroy());
    const report = await migrateAndLoadReferenceData(dataSource);
    const db = new Client({ connectionString: database.url, application_name: 'bench-load' });
    await db.connect();
    teardown.add('close the loading connection', () => db.end());
    const [pg] = (await db.query<{ version: string; jit: string }>(`SELECT split_part(version(), ' ', 2) AS version, current_setting('jit') AS jit`)).rows;
    log(
      `database: ${database.name} (Postgres ${pg.version}, jit ${pg.jit}); ${report.applied.length} migrations, ` +
        `${report.localAuthorities} LAs, ${report.postcodeDistricts} postcode districts`,
    );

    const commit = await commitCost(db);
    log(
      `a durable commit on this Postgres (one-row INSERT, BEGIN..COMMIT, 50 times): p50 ${fixed(commit.p50, 2)} ms, ` +
        `p99 ${fixed(commit.p99, 2)} ms (synchronous_commit ${commit.synchronousCommit}); every match commits once`,
    );
    const model = buildModel();
    const districtLa = new Map(
      (await db.query<{ district: string; la: string }>(`SELECT district, local_authority_code AS la FROM postcode_districts WHERE local_authority_code IS NOT NULL`)).rows.map(
        (row) => [row.district, row.la],
      ),
    );
    await db.query(
      `INSERT INTO providers (id, name, sector, ofsted_urn) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[])`,
      [model.providers.map((p) => p.id), model.providers.map((p) => p.name), model.providers.map((p) => p.sector), model.providers.map((p) => p.urn)],
    );
    log(
      `model: ${whole(model.registrations)} active Ofsted registrations (${model.homes.length} children's homes, ` +
        `${model.agencies.length} fostering agencies, ${model.schools.length} residential special schools, ` +
        `${model.secure.length} secure homes, ${model.familyCentres.length} family centres) of ${whole(model.providers.length)} providers; ` +
        `${model.districtCount} English postcode districts in ${model.laCount} LAs`,
    );
    const shares = SETTING_MIX.reduce((sum, [, share]) => sum + share, 0);
    log(
      `settings by type: ${SETTING_MIX.map(([type, share]) => `${type} ${fixed((100 * share) / shares, 0)}%`).join(', ')}; ` +
        'two open vacancies per setting',
    );

    const today = todayInEngland();
    const user = await insertUser(dataSource, { email: `bench-${id}@bench.test` });
    const referralRepository = new ReferralRepository(dataSource);
    const referralIds = await submitReferrals(
      referralRepository,
      Array.from({ length: settings.referrals }, (_, k) => benchReferral(model, k, `bench-${id}`, user.id, today)),
    );
    // Matched directly here, not through the queue: the worker started later must not see them.
    await db.query(`UPDATE outbox SET sent_at = now() WHERE sent_at IS NULL`);
    const [mix] = (
      await db.query(
        `SELECT count(*) FILTER (WHERE r.max_distance_miles IS NULL)::int AS "noMax",
                count(*) FILTER (WHERE r.urgency = 'emergency')::int AS emergency,
                count(DISTINCT r.local_authority_code)::int AS las, count(DISTINCT c.home_district)::int AS districts,
                count(*) FILTER (WHERE cardinality(r.placement_types) = 2)::int AS "twoTypes"
           FROM referrals r JOIN children c ON c.id = r.child_id`,
      )
    ).rows;
    log(
      `referrals: ${settings.referrals} children in ${mix.las} LAs / ${mix.districts} districts; ${mix.noMax} with no maximum ` +
        `distance, ${mix.emergency} emergencies, ${mix.twoTypes} accepting two placement types`,
    );
    log(
      `runs per size: full path ${settings.warmup} warm-up + ${settings.runs} measured, ${settings.breakdownRuns} instrumented; ` +
        `naive ${settings.naiveRuns} (${settings.naiveRunsLarge} above ${whole(LARGE)} vacancies); one at a time, in this process`,
    );
    log();

    const matchingRepository = new InstrumentedRepository(dataSource);
    const refs: SettingRef[] = [];
    const loads: LoadStep[] = [];
    const results: SizeResult[] = [];
    const failures: string[] = [];
    let e2e: EndToEnd | undefined;
    let noop: NoopResult | undefined;
    let loaded = 0;
    let offset = 0;

    for (const size of sizes) {
      if (teardown.stopping) return new Promise<number>(() => undefined);
      const step = await growVacancies(db, model, refs, districtLa, loaded, size, today);
      loaded = size;
      loads.push(step);
      log(
        `${whole(size)} open vacancies: +${whole(step.vacancies)} vacancies, +${whole(step.settings)} settings in ` +
          `${fixed(step.insertSeconds)} s, VACUUM ANALYZE ${fixed(step.vacuumSeconds)} s`,
      );

      // A worker starting on this many vacancies: whatever it loads at start-up, it loads now.
      const startupStarted = performance.now();
      const { service, parts } = await startService(
        new Map<unknown, object>([
          [DataSource, dataSource],
          [MatchingRepository, matchingRepository],
          [InstrumentedRepository, matchingRepository],
        ]),
      );
      const startupSeconds = (performance.now() - startupStarted) / 1000;
      log(`  service:    ${parts.join(' + ')}, started (hooks and start-up loads) in ${fixed(startupSeconds, 2)} s`);

      const budget = settings.runBudget * 1000;
      const warm = await timeFullPath(service, referralIds, settings.warmup, offset, database.name, teardown, budget / 4);
      offset += warm.ms.n;
      const full = await timeFullPath(service, referralIds, settings.runs, offset, database.name, teardown, budget);
      offset += full.ms.n;
      const cut = full.ms.n < settings.runs ? ` (of ${settings.runs}: stopped at the ${settings.runBudget} s budget)` : '';
      log(`  full path:  p50 ${fixed(full.ms.p50, 2)} ms, p99 ${fixed(full.ms.p99, 2)} ms (${full.ms.n} runs${cut})`);

      const breakdown: Breakdown[] = [];
      const breakdownUntil = performance.now() + budget / 3;
      for (let i = 0; i < settings.breakdownRuns && !teardown.stopping; i += 1) {
        if (i >= MIN_RUNS && performance.now() > breakdownUntil) break;
        breakdown.push(await instrumentedMatch(matchingRepository, service, referralIds[(offset + i) % referralIds.length]));
      }
      offset += settings.breakdownRuns;

      const naiveRuns = size > LARGE ? settings.naiveRunsLarge : settings.naiveRuns;
      let naive: NaiveResult | null = null;
      if (naiveRuns > 0) {
        naive = await timeNaive(matchingRepository, service, dataSource, db, referralIds, naiveRuns, teardown);
        log(
          `  naive:      p50 ${fixed(naive.total.p50, 1)} ms, p99 ${fixed(naive.total.p99, 1)} ms (${naive.total.n} runs); ` +
            `results identical to the full path's: ${naive.compared - naive.mismatches.length}/${naive.compared}`,
        );
        if (naive.mismatches.length > 0) {
          failures.push(`${naive.mismatches.length} naive/full result mismatch(es) at ${whole(size)} vacancies`);
          for (const mismatch of naive.mismatches.slice(0, 3)) log(`    MISMATCH ${mismatch}`);
        }
      }
      results.push({ size, startupSeconds, full, breakdown, naive });

      if (size === e2eAt && build) {
        const e2eIds = await submitReferrals(
          referralRepository,
          Array.from({ length: settings.e2eReferrals }, (_, k) => benchReferral(model, 1_000_000 + k, `e2e-${id}`, user.id, today)),
        );
        log(`  end to end: ${whole(e2eIds.length)} referrals submitted (outbox rows unsent); starting one worker`);
        const env = {
          NODE_ENV: 'production',
          DATABASE_URL: database.url,
          REDIS_URL: services.redisUrl,
          JWT_SECRET: randomBytes(48).toString('base64url'),
          QUEUE_PREFIX: queuePrefix,
          LOG_LEVEL: 'warn',
          WORKER_CONCURRENCY: String(settings.concurrency),
        };
        e2e = await runEndToEnd(build, env, database.url, database.name, e2eIds, logDir, teardown);
        log(
          `  end to end: ${whole(e2e.matched)} of ${whole(e2e.referrals)} matched in ${fixed(e2e.totalSeconds, 2)} s from the worker's start` +
            `${e2e.complete ? '' : ` (stopped at BENCH_E2E_TIMEOUT ${settings.e2eTimeout} s)`}; ${whole(e2e.ratePerSecond)}/s after the first`,
        );
        if (e2e.failed > 0) failures.push(`${e2e.failed} referral(s) ended match_failed end to end`);
        const [{ unsent }] = (await db.query<{ unsent: number }>(`SELECT count(*)::int AS unsent FROM outbox WHERE sent_at IS NULL`)).rows;
        if (unsent > 0 && e2e.complete) failures.push(`${unsent} outbox row(s) unsent after the end-to-end run`);
        noop = await runNoop(services.redisUrl, `${queuePrefix}-noop`, teardown);
        log(`  no-op jobs: ${whole(noop.jobs)} in ${fixed(noop.processSeconds, 2)} s, ${whole(noop.ratePerSecond)}/s`);
      }
    }
    log();

    // ---- results
    const at = (size: number) => results.find((r) => r.size === size);
    const headline = at(settings.headlineSize);
    log(`1. One referral against ${whole(settings.headlineSize)} open vacancies (ms; one at a time, in-process)`);
    if (headline) {
      const rows: (string | number)[][] = [
        [
          'full: MatchingService.match',
          headline.full.ms.n,
          fixed(headline.full.ms.p50, 2),
          fixed(headline.full.ms.p99, 2),
          fixed(headline.full.ms.mean, 2),
          fixed(headline.full.ms.max, 2),
        ],
      ];
      if (headline.naive) {
        const n = headline.naive;
        rows.push(
          ['naive: every open vacancy as an entity', n.total.n, fixed(n.total.p50, 1), fixed(n.total.p99, 1), fixed(n.total.mean, 1), fixed(n.total.max, 1)],
          ['  of which loadEveryOpenVacancy', n.load.n, fixed(n.load.p50, 1), fixed(n.load.p99, 1), fixed(n.load.mean, 1), fixed(n.load.max, 1)],
          ['  of which rankVacancies (50, 200)', n.rank.n, fixed(n.rank.p50, 1), fixed(n.rank.p99, 1), fixed(n.rank.mean, 1), fixed(n.rank.max, 1)],
        );
      }
      log(table(['path', 'runs', 'p50', 'p99', 'mean', 'max'], rows));
      log(
        'Both paths claim the referral, rank and write the shortlist (50) and the nearest exclusions (200) in one ' +
          'transaction (MatchingRepository.run); they differ only in how candidates are read.',
      );
      if (headline.naive) {
        log(
          `naive/full: ${fixed(headline.naive.total.p50 / headline.full.ms.p50, 1)}x at p50, ` +
            `${fixed(headline.naive.total.p99 / headline.full.ms.p99, 1)}x at p99`,
        );
      }
    } else {
      log(`  not measured: BENCH_HEADLINE_SIZE ${settings.headlineSize} is not in BENCH_SIZES (${sizes.join(',')})`);
    }
    log();

    log('2. Scaling (ms)');
    log(
      table(
        ['open vacancies', 'full runs', 'p50', 'p99', 'max', 'p50, p99 vs previous', 'shortlisted', 'no_match', 'naive runs', 'naive p50', 'naive p99', 'naive/full p50', 'data load s', 'service start s'],
        results.map((r, i) => [
          whole(r.size),
          r.full.ms.n,
          fixed(r.full.ms.p50, 2),
          fixed(r.full.ms.p99, 2),
          fixed(r.full.ms.max, 2),
          i === 0
            ? '-'
            : `${fixed(r.full.ms.p50 / results[i - 1].full.ms.p50, 2)}x, ${fixed(r.full.ms.p99 / results[i - 1].full.ms.p99, 2)}x`,
          r.full.shortlisted,
          r.full.noMatch,
          r.naive?.total.n ?? 0,
          r.naive ? fixed(r.naive.total.p50, 1) : '-',
          r.naive ? fixed(r.naive.total.p99, 1) : '-',
          r.naive ? `${fixed(r.naive.total.p50 / r.full.ms.p50, 1)}x` : '-',
          fixed((loads.find((l) => l.size === r.size)?.insertSeconds ?? NaN) + (loads.find((l) => l.size === r.size)?.vacuumSeconds ?? NaN)),
          fixed(r.startupSeconds, 2),
        ]),
      ),
    );
    const big500 = at(500_000);
    const small50 = at(50_000);
    if (big500 && small50) {
      log(
        `growth 500,000/50,000: ${fixed(big500.full.ms.p50 / small50.full.ms.p50, 2)}x at p50, ` +
          `${fixed(big500.full.ms.p99 / small50.full.ms.p99, 2)}x at p99 (10x the vacancies)`,
      );
    }
    const naiveSkipped = results.filter((r) => !r.naive).map((r) => whole(r.size));
    if (naiveSkipped.length > 0) log(`naive not run at ${naiveSkipped.join(', ')} (BENCH_NAIVE_RUNS / BENCH_NAIVE_RUNS_LARGE)`);
    const peak = Math.max(...results.map((r) => r.naive?.peakRssMb ?? 0));
    if (peak > 0) log(`naive runs: bench process peak RSS ${whole(peak)} MB`);
    log();

    log('Where the full path spends its time (instrumented MatchingService.match runs; means: ms, and rows read per match)');
    const methods = [...new Set(results.flatMap((r) => r.breakdown.flatMap((b) => [...b.source.keys()])))];
    const mean = (list: Breakdown[], value: (b: Breakdown) => number) =>
      list.reduce((sum, b) => sum + value(b), 0) / Math.max(1, list.length);
    const calls = (b: Breakdown, method: string) => b.source.get(method) ?? { ms: 0, calls: 0, rows: 0 };
    log(
      table(
        [
          'open vacancies',
          'runs',
          'total',
          'claim',
          ...methods.flatMap((method) => [`${method}()`, 'calls', 'rows']),
          'rest of compute',
          'write+commit',
          'CPU bench',
          'CPU postgres',
        ],
        results
          .filter((r) => r.breakdown.length > 0)
          .map((r) => [
            whole(r.size),
            r.breakdown.length,
            fixed(mean(r.breakdown, (b) => b.total), 2),
            fixed(mean(r.breakdown, (b) => b.claim), 2),
            ...methods.flatMap((method) => [
              fixed(mean(r.breakdown, (b) => calls(b, method).ms), 2),
              fixed(mean(r.breakdown, (b) => calls(b, method).calls), 1),
              whole(mean(r.breakdown, (b) => calls(b, method).rows)),
            ]),
            fixed(mean(r.breakdown, (b) => b.compute - sourceMs(b)), 2),
            fixed(mean(r.breakdown, (b) => b.write), 2),
            `${whole(r.full.cpu.bench)}%`,
            `${whole(r.full.cpu.postgres)}%`,
          ]),
      ),
    );
    log(
      '(method(): the candidate-source calls match() made, from sending the query to rows as objects; rest of compute: ' +
        'ranking and the rest; claim includes taking a pooled connection and BEGIN; CPU: % of one core during the measured runs)',
    );
    const largest = results[results.length - 1];
    if (largest && largest.breakdown.length > 0) {
      log(`Slowest instrumented runs at ${whole(largest.size)} vacancies`);
      log(
        table(
          ['total ms', 'types', 'max miles', 'claim', ...methods.flatMap((method) => [`${method}()`, 'rows']), 'rest of compute', 'write'],
          [...largest.breakdown]
            .sort((a, b) => b.total - a.total)
            .slice(0, 5)
            .map((b) => [
              fixed(b.total, 2),
              b.types,
              b.maxDistance ?? 'none',
              fixed(b.claim, 2),
              ...methods.flatMap((method) => [fixed(calls(b, method).ms, 2), whole(calls(b, method).rows)]),
              fixed(b.compute - sourceMs(b), 2),
              fixed(b.write, 2),
            ]),
        ),
      );
    }
    log();

    log(`3. End to end through BullMQ at ${whole(settings.headlineSize)} open vacancies`);
    if (e2e && noop) {
      log(
        table(
          ['what', 'jobs', 'concurrency', 'total s', 'first done at s', 'rate/s after first', 'CPU worker', 'CPU postgres', 'CPU machine'],
          [
            [
              'referrals matched by one worker process',
              e2e.complete ? whole(e2e.referrals) : `${whole(e2e.matched)} of ${whole(e2e.referrals)}`,
              e2e.concurrency,
              fixed(e2e.totalSeconds, 2),
              fixed(e2e.firstMatchedAfter, 2),
              whole(e2e.ratePerSecond),
              `${whole(e2e.cpu.worker)}%`,
              `${whole(e2e.cpu.postgres)}%`,
              `${whole(e2e.cpu.machine)}%`,
            ],
            ['no-op jobs, BullMQ Worker in the bench process', whole(noop.jobs), settings.concurrency, fixed(noop.processSeconds, 2), '-', whole(noop.ratePerSecond), '-', '-', '-'],
          ],
        ),
      );
      log(
        `referrals: ${whole(e2e.shortlisted)} shortlisted, ${whole(e2e.noMatch)} no_match, ${whole(e2e.failed)} match_failed` +
          `${e2e.complete ? '' : `, ${whole(e2e.referrals - e2e.matched - e2e.failed)} not yet matched when BENCH_E2E_TIMEOUT (${settings.e2eTimeout} s) passed`}; ` +
          `total = from spawning the worker (start-up, relay publishing and matching); rate after the first = ` +
          `(${whole(e2e.matched)} - ${whole(e2e.matchedAtFirst)} seen at the first poll) / time since; no-op jobs added ` +
          `with addBulk beforehand in ${fixed(noop.addSeconds, 2)} s (not counted)`,
      );
      log(
        `referrals/s / no-op jobs/s: ${(e2e.ratePerSecond / noop.ratePerSecond).toPrecision(2)} ` +
          `(a no-op job is ${fixed(noop.ratePerSecond / e2e.ratePerSecond, 1)}x faster than matching a referral)`,
      );
    } else {
      log(
        settings.e2e
          ? `  not run: BENCH_HEADLINE_SIZE ${settings.headlineSize} is not in BENCH_SIZES (${sizes.join(',')})`
          : '  not run (BENCH_E2E=0)',
      );
    }
    log();

    // ---- verdict
    log(`machine at the end: ${machineLine()}`);
    const aims: { met: boolean | undefined; text: string }[] = [];
    aims.push({
      met: headline ? headline.full.ms.p99 <= AIMS.p99Ms : undefined,
      text: `full-path p99 at ${whole(settings.headlineSize)}: ${headline ? `${fixed(headline.full.ms.p99, 2)} ms` : 'not measured'} (aim <= ${AIMS.p99Ms} ms)`,
    });
    const ratio = headline?.naive ? headline.naive.total.p50 / headline.full.ms.p50 : NaN;
    aims.push({
      met: Number.isFinite(ratio) ? ratio >= AIMS.naiveRatio : undefined,
      text: `naive/full at ${whole(settings.headlineSize)} (p50s): ${Number.isFinite(ratio) ? `${fixed(ratio, 1)}x` : 'not measured'} (aim >= ${AIMS.naiveRatio}x)`,
    });
    const growth =
      big500 && small50 ? Math.max(big500.full.ms.p50 / small50.full.ms.p50, big500.full.ms.p99 / small50.full.ms.p99) : NaN;
    aims.push({
      met: Number.isFinite(growth) ? growth <= AIMS.growth : undefined,
      text: `growth 500,000/50,000 (worse of p50 and p99): ${Number.isFinite(growth) ? `${fixed(growth, 2)}x` : 'not measured'} (aim <= ${AIMS.growth}x)`,
    });
    aims.push({
      met: e2e ? e2e.ratePerSecond >= AIMS.referralsPerSecond : undefined,
      text: `end to end, one worker: ${e2e ? `${whole(e2e.ratePerSecond)} referrals/s` : 'not measured'} (aim >= ${AIMS.referralsPerSecond}/s)`,
    });
    for (const aim of aims) log(`${aim.met === undefined ? 'AIM NOT MEASURED' : aim.met ? 'AIM MET   ' : 'AIM MISSED'}: ${aim.text}`);
    if (failures.length > 0) {
      log(`FAILED: ${failures.join('; ')}`);
      return 1;
    }
    log(
      'CHECKS PASSED: every run matched its referral' +
        (results.some((r) => r.naive) ? '; the naive and full paths stored identical shortlists and exclusions' : '') +
        (e2e?.complete ? '; every queued referral was matched end to end' : ''),
    );
    logs.succeeded();
    return process.env.BENCH_ENFORCE_TARGET === '1' && aims.some((aim) => aim.met === false) ? 2 : 0;
  } finally {
    await teardown.run();
  }
}

runBenchmark('bench:matching', main);
