import { NEED_CODES } from '../needs/needs-taxonomy';
import { distanceMiles, haversineMiles } from './distance';
import { ageOutOfRange, isOpen, notAvailableOn, ratedInadequate, tooFewBeds } from './eligibility';
import { ESSENTIAL_NEED_WEIGHT } from './needs-fit';
import { clampLevel, prepareReferral, type PreparedReferral } from './prepared-referral';
import { dayNumberOf } from './staleness';
import { continuityFit } from './continuity';
import { costFit } from './cost';
import { proximityFit } from './proximity';
import { qualityFit } from './quality';
import type { LatLonBox } from './lat-lon-box';
import { DEFAULT_MATCH_LIMIT, rankVacancies } from './rank';
import { EXCLUSION_ROUNDS, exclusionsSettled, searchBox, shortlistRounds, shortlistSettled } from './search-plan';
import type { MatchingWeights, MatchReferral, MatchVacancy, RankedMatch, RankResult, VacancyExclusion } from './types';

/** Grid cells of 0.05° latitude by 0.08° longitude: about 3.5 by 3.5 miles across England. */
const CELL_LATITUDE = 0.05;
const CELL_LONGITUDE = 0.08;
/** The taxonomy's needs by position, for the supported-level and excluded-need columns. */
const NEED_AT: ReadonlyMap<string, number> = new Map(NEED_CODES.map((code, i) => [code, i]));
const NEEDS = NEED_CODES.length;
if (NEEDS > 32) throw new Error('the excluded-needs column holds 32 needs');
const NO_END = 2 ** 31 - 1;

const OPEN = 1;
const EMERGENCY_READY = 2;
const INADEQUATE = 4;

/** Genders the pre-filter knows as bits; a setting listing any other accepts every bit. */
const GENDER_BITS: Readonly<Record<string, number>> = { female: 1, male: 2, other: 4 };
const EVERY_GENDER = 0xff;

function cellKey(latIndex: number, lonIndex: number): number {
  return (latIndex + 1_000) * 100_000 + (lonIndex + 50_000);
}

/**
 * The open vacancies of the platform in memory, for matching without reading them per referral.
 * Columns the hard constraints need are kept as typed arrays (struct of arrays) and the vacancies
 * sit in a grid of cells by location, so a referral looks only at the cells near the child's home
 * and skips most vacancies on a few array reads each; the few that pass are scored by the domain's
 * own ranking. The results are exactly those of `rankVacancies` over every open vacancy (a
 * property test checks it): the pre-filter only ever drops vacancies that fail a hard constraint,
 * and the search widens until nothing further away could change the shortlist or the nearest
 * exclusions.
 *
 * A changed vacancy is re-inserted in a fresh slot and its old slot is left dead; `compact` is
 * called when dead slots outnumber live ones, so memory stays within twice the live set.
 */
export class VacancyIndex {
  private capacity = 0;
  private count = 0;
  private live = 0;
  private slots: (MatchVacancy | null)[] = [];
  private readonly slotById = new Map<string, number>();
  private latitude = new Float64Array(0);
  private longitude = new Float64Array(0);
  private typeCode = new Uint16Array(0);
  private ageMin = new Uint8Array(0);
  private ageMax = new Uint8Array(0);
  private fromDay = new Int32Array(0);
  private untilDay = new Int32Array(0);
  /** The day each vacancy was last confirmed; NO_END when unknown (treated as fresh). */
  private confirmedDay = new Int32Array(0);
  private beds = new Int32Array(0);
  private flags = new Uint8Array(0);
  private genders = new Uint8Array(0);
  /** Per slot, the level each taxonomy need is supported at (0: not at all), NEEDS entries a slot. */
  private needLevels = new Uint8Array(0);
  /** Per slot, a bit per taxonomy need the setting will not accept. */
  private needsExcluded = new Uint32Array(0);
  /** Each LA's slots (dead ones included until compaction), for searching an LA wherever it reaches. */
  private readonly laSlots = new Map<string, number[]>();
  /** Scratch: the search a slot was last taken by, so a slot is taken once per search. */
  private takenBy = new Uint32Array(0);
  private search = 0;
  /** Per slot: the quality fit, the weekly cost, and the setting's LA as a code (0: none). */
  private quality = new Float64Array(0);
  private cost = new Float64Array(0);
  private laCode = new Uint16Array(0);
  private readonly laCodes = new Map<string, number>();
  private readonly typeCodes = new Map<string, number>();
  private readonly cells = new Map<number, number[]>();

  constructor(vacancies: Iterable<MatchVacancy> = []) {
    for (const vacancy of vacancies) this.upsert(vacancy);
  }

  /** Open vacancies held. */
  get size(): number {
    return this.live;
  }

  has(id: string): boolean {
    return this.slotById.has(id);
  }

  /** Adds or replaces a vacancy; one that is not open (or has no beds) is removed. */
  upsert(vacancy: MatchVacancy): void {
    this.remove(vacancy.id);
    if (!isOpen(vacancy)) return;
    if (this.count === this.capacity) this.grow();
    const slot = this.count++;
    const setting = vacancy.setting;
    this.slots[slot] = vacancy;
    this.slotById.set(vacancy.id, slot);
    this.latitude[slot] = setting.latitude;
    this.longitude[slot] = setting.longitude;
    this.typeCode[slot] = this.codeOf(setting.placementType);
    this.ageMin[slot] = Math.max(0, Math.min(255, setting.ageMin));
    this.ageMax[slot] = Math.max(0, Math.min(255, setting.ageMax));
    this.fromDay[slot] = dayNumberOf(vacancy.availableFrom);
    this.untilDay[slot] = vacancy.availableUntil === null ? NO_END : dayNumberOf(vacancy.availableUntil);
    this.confirmedDay[slot] = vacancy.confirmedOn === undefined ? NO_END : dayNumberOf(vacancy.confirmedOn);
    this.beds[slot] = vacancy.beds;
    this.flags[slot] =
      OPEN | (vacancy.emergencyReady ? EMERGENCY_READY : 0) | (ratedInadequate(setting.ofstedGrade) ? INADEQUATE : 0);
    let genders = 0;
    for (const gender of setting.genders) genders |= GENDER_BITS[gender] ?? EVERY_GENDER;
    this.genders[slot] = genders;
    const levels = slot * NEEDS;
    this.needLevels.fill(0, levels, levels + NEEDS);
    for (const need of setting.needsSupported) {
      const at = NEED_AT.get(need.code);
      const level = need.level >= 1 ? clampLevel(need.level) : 0;
      if (at !== undefined && level > this.needLevels[levels + at]) this.needLevels[levels + at] = level;
    }
    let excluded = 0;
    for (const code of setting.needsExcluded) {
      const at = NEED_AT.get(code);
      if (at !== undefined) excluded |= 1 << at;
    }
    this.needsExcluded[slot] = excluded >>> 0;
    this.quality[slot] = qualityFit(setting.ofstedGrade, vacancy.providerStability);
    this.cost[slot] = vacancy.weeklyCost;
    this.laCode[slot] = setting.localAuthorityCode === null ? 0 : this.laCodeOf(setting.localAuthorityCode);
    if (setting.localAuthorityCode !== null) {
      const inLa = this.laSlots.get(setting.localAuthorityCode);
      if (inLa) inLa.push(slot);
      else this.laSlots.set(setting.localAuthorityCode, [slot]);
    }
    const key = cellKey(Math.floor(setting.latitude / CELL_LATITUDE), Math.floor(setting.longitude / CELL_LONGITUDE));
    const cell = this.cells.get(key);
    if (cell) cell.push(slot);
    else this.cells.set(key, [slot]);
    this.live++;
  }

  remove(id: string): void {
    const slot = this.slotById.get(id);
    if (slot === undefined) return;
    this.slotById.delete(id);
    this.slots[slot] = null;
    this.flags[slot] = 0;
    this.live--;
    if (this.count > 1_024 && this.count - this.live > this.live) this.compact();
  }

  /**
   * The shortlist (best first, up to `limit`) and the nearest exclusions (up to
   * `exclusionLimit`), exactly as `rankVacancies` over every open vacancy would give them.
   */
  match(
    referral: MatchReferral,
    weights: MatchingWeights,
    options: { limit?: number; exclusionLimit?: number } = {},
  ): RankResult {
    const limit = options.limit ?? DEFAULT_MATCH_LIMIT;
    const exclusionLimit = options.exclusionLimit ?? 200;
    return {
      matches: this.shortlist(referral, weights, limit),
      exclusions: exclusionLimit > 0 ? this.nearestExclusions(referral, weights, exclusionLimit) : [],
    };
  }

  /**
   * The rounds of the search plan (`shortlistRounds`), stopping once the last place scores above
   * anything not yet read could. Each round before the fallback reads the circle's box and,
   * wherever they lie, the vacancies of the placing LA and of the child's home LA: what is left
   * unread then earns no LA bonus, so its bound is the lower one.
   */
  private shortlist(referral: MatchReferral, weights: MatchingWeights, limit: number) {
    const home = referral.child.home;
    if (limit === 0) return [];
    const prepared = prepareReferral(referral);
    const filter = this.filterFor(prepared);
    const las = [...new Set([referral.localAuthorityCode, home.localAuthorityCode ?? referral.localAuthorityCode])];
    const outsideBothLas = { placingLaPossible: false, homeLaPossible: false };
    let matches: RankedMatch[] = [];
    for (const round of shortlistRounds(referral.maxDistanceMiles)) {
      matches = this.best(prepared, weights, this.collectSlots(searchBox(home, round), filter, round.last ? [] : las), limit);
      if (shortlistSettled(round, matches, limit, weights, outsideBothLas)) break;
    }
    return matches;
  }

  /**
   * Circles of doubling radius (`EXCLUSION_ROUNDS`) until the `limit` nearest ruled-out vacancies
   * all lie inside one. Each round ranks only the vacancies inside the circle, so the work follows
   * how many vacancies are near the child, not how many share the grid cells.
   */
  private nearestExclusions(referral: MatchReferral, weights: MatchingWeights, limit: number): VacancyExclusion[] {
    const home = referral.child.home;
    let slots: number[] = [];
    let miles = new Float64Array(0);
    let cellsRead = '';
    let exclusions: VacancyExclusion[] = [];
    for (const round of EXCLUSION_ROUNDS) {
      const box = searchBox(home, round);
      const cells = box === null ? 'all' : this.cellRange(box).join(',');
      if (cells !== cellsRead) {
        cellsRead = cells;
        slots = this.collectSlots(box, null);
        miles = new Float64Array(slots.length);
        for (let i = 0; i < slots.length; i++) {
          miles[i] = distanceMiles(home, { latitude: this.latitude[slots[i]], longitude: this.longitude[slots[i]] });
        }
      }
      const radius = round.miles;
      const inside: MatchVacancy[] = [];
      for (let i = 0; i < slots.length; i++) if (radius === null || miles[i] <= radius) inside.push(this.slots[slots[i]]!);
      exclusions = rankVacancies(referral, inside, weights, { limit: 0, exclusionLimit: limit }).exclusions;
      if (exclusionsSettled(round, exclusions, limit)) break;
    }
    return exclusions;
  }

  private cellRange(box: LatLonBox): [number, number, number, number] {
    return [
      Math.floor(box.minLatitude / CELL_LATITUDE),
      Math.floor(box.maxLatitude / CELL_LATITUDE),
      Math.floor(box.minLongitude / CELL_LONGITUDE),
      Math.floor(box.maxLongitude / CELL_LONGITUDE),
    ];
  }

  /**
   * The hard constraints checked on the typed columns, with the eligibility rules' own predicates:
   * a superset of the eligible vacancies (genders are bits, reservations and the maximum distance
   * are left to the ranking).
   */
  private filterFor(prepared: PreparedReferral): (slot: number) => boolean {
    const { referral } = prepared;
    const types = new Uint8Array(this.typeCodes.size + 1);
    for (const type of prepared.placementTypes) {
      const code = this.typeCodes.get(type);
      if (code !== undefined) types[code] = 1;
    }
    const age = prepared.ageOnRequiredBy;
    const neededOn = dayNumberOf(prepared.neededOn);
    // An emergency takes no bed its provider has not confirmed lately (see staleness.ts).
    const freshFromDay = prepared.isEmergency && prepared.freshFrom !== null ? dayNumberOf(prepared.freshFrom) : Number.NEGATIVE_INFINITY;
    const siblings = referral.child.siblingGroupSize;
    const genderBit = GENDER_BITS[referral.child.gender] ?? 0;
    const mustHave = OPEN | (prepared.isEmergency ? EMERGENCY_READY : 0);
    // Essential needs with the level each must be supported at; every need the child has, as bits.
    const essentialAt: number[] = [];
    const essentialLevel: number[] = [];
    let childNeeds = 0;
    for (const [code, i] of prepared.needIndex) {
      const at = NEED_AT.get(code);
      if (at === undefined) continue;
      childNeeds |= 1 << at;
      if (prepared.essential[i] === 1) {
        essentialAt.push(at);
        essentialLevel.push(prepared.requiredLevels[i]);
      }
    }
    const { typeCode, ageMin, ageMax, fromDay, untilDay, confirmedDay, beds, flags, genders, needLevels, needsExcluded } = this;
    const needsFit = (slot: number) => {
      if ((needsExcluded[slot] & childNeeds) !== 0) return false;
      const base = slot * NEEDS;
      for (let i = 0; i < essentialAt.length; i++) if (needLevels[base + essentialAt[i]] < essentialLevel[i]) return false;
      return true;
    };
    return (slot) =>
      (flags[slot] & (mustHave | INADEQUATE)) === mustHave &&
      types[typeCode[slot]] === 1 &&
      !ageOutOfRange(age, ageMin[slot], ageMax[slot]) &&
      !notAvailableOn(fromDay[slot], untilDay[slot], neededOn) &&
      confirmedDay[slot] >= freshFromDay &&
      !tooFewBeds(beds[slot], siblings) &&
      (genderBit === 0 || (genders[slot] & genderBit) !== 0) &&
      needsFit(slot);
  }

  /** Slots of live vacancies in the box (all when null) and in the LAs given, passing the filter. */
  private collectSlots(box: LatLonBox | null, filter: ((slot: number) => boolean) | null, las: string[] = []): number[] {
    const found: number[] = [];
    // Stamps are 32-bit: on wrapping, clear them all rather than let an old stamp match.
    this.search = (this.search + 1) >>> 0;
    if (this.search === 0) {
      this.takenBy.fill(0);
      this.search = 1;
    }
    const search = this.search;
    const takenBy = this.takenBy;
    const take = (slot: number) => {
      if (takenBy[slot] === search || (this.flags[slot] & OPEN) === 0) return;
      takenBy[slot] = search;
      if (filter !== null && !filter(slot)) return;
      found.push(slot);
    };
    if (box === null) {
      for (let slot = 0; slot < this.count; slot++) take(slot);
      return found;
    }
    const [latFrom, latTo, lonFrom, lonTo] = this.cellRange(box);
    // A box wider than the grid holds: walking the cells would cost more than scanning.
    if ((latTo - latFrom + 1) * (lonTo - lonFrom + 1) > this.cells.size * 4) return this.collectSlots(null, filter);
    for (let lat = latFrom; lat <= latTo; lat++) {
      for (let lon = lonFrom; lon <= lonTo; lon++) {
        const cell = this.cells.get(cellKey(lat, lon));
        if (cell) for (let i = 0; i < cell.length; i++) take(cell[i]);
      }
    }
    for (const la of las) {
      const inLa = this.laSlots.get(la);
      if (inLa) for (let i = 0; i < inLa.length; i++) take(inLa[i]);
    }
    return found;
  }

  private laCodeOf(la: string): number {
    let code = this.laCodes.get(la);
    if (code === undefined) {
      code = this.laCodes.size + 1;
      this.laCodes.set(la, code);
    }
    return code;
  }

  /**
   * The best `limit` of the candidate slots, as `rankVacancies` would rank them, without scoring
   * them all: each gets a cheap upper bound from the typed columns (the same fits, unrounded),
   * candidates are bucketed by it, and only the buckets from the top down are scored in full, until
   * the last place beats every bound left. Most of a national search is never scored.
   */
  private best(prepared: PreparedReferral, weights: MatchingWeights, slots: number[], limit: number) {
    const { referral } = prepared;
    if (slots.length <= limit * 4) {
      return rankVacancies(referral, slots.map((slot) => this.slots[slot]!), weights, { limit, exclusionLimit: 0 }).matches;
    }
    const home = referral.child.home;
    const placing = this.laCodes.get(referral.localAuthorityCode) ?? -1;
    const homeLa = this.laCodes.get(home.localAuthorityCode ?? referral.localAuthorityCode) ?? -1;
    const needs = this.needsBound(prepared);
    const budget = referral.weeklyBudget;
    const buckets = new Int32Array(10_002);
    const bucketOf = new Int32Array(slots.length);
    const RADIANS = Math.PI / 180;
    const homeLat = home.latitude * RADIANS;
    const homeLon = home.longitude * RADIANS;
    const homeCos = Math.cos(homeLat);
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i];
      const miles = haversineMiles(homeLat, homeLon, homeCos, this.latitude[slot], this.longitude[slot]);
      const la = this.laCode[slot];
      const bound =
        weights.needs * needs(slot) +
        weights.quality * this.quality[slot] +
        weights.cost * costFit(this.cost[slot], budget) +
        weights.proximity * proximityFit(miles, la === placing) +
        weights.continuity * continuityFit(miles, la === homeLa);
      // Whole hundredths, rounded up (and a hair more for floating-point noise): never below the score.
      const bucket = Math.min(10_001, Math.max(0, Math.ceil(bound * 100 + 1e-6)));
      bucketOf[i] = bucket;
      buckets[bucket]++;
    }
    // Counting sort: the candidates in descending bucket order.
    const startOf = new Int32Array(10_003);
    for (let bucket = 10_001; bucket >= 0; bucket--) startOf[bucket] = startOf[bucket + 1] + buckets[bucket + 1];
    const order = new Int32Array(slots.length);
    const orderBucket = new Int32Array(slots.length);
    for (let i = 0; i < slots.length; i++) {
      const at = startOf[bucketOf[i]]++;
      order[at] = slots[i];
      orderBucket[at] = bucketOf[i];
    }
    let matches: ReturnType<typeof rankVacancies>['matches'] = [];
    let top: MatchVacancy[] = [];
    for (let next = 0; next < order.length; ) {
      const end = Math.min(order.length, next + limit);
      const batch: MatchVacancy[] = [];
      for (let k = next; k < end; k++) batch.push(this.slots[order[k]]!);
      next = end;
      matches = rankVacancies(referral, top.concat(batch), weights, { limit, exclusionLimit: 0 }).matches;
      top = matches.map((match) => this.slots[this.slotById.get(match.vacancyId)!]!);
      // The rest score at most their bounds, the highest of which is next in order.
      if (next < order.length && matches.length === limit && matches[limit - 1].score * 100 > orderBucket[next]) break;
    }
    return matches;
  }

  /**
   * The child's needs fit for a slot, from the typed levels, before rounding down to eighths. The
   * needs are the prepared referral's (a need stated twice counts once, at its highest level,
   * essential if either says so), weighed as `needsFit` weighs them.
   */
  private needsBound(prepared: PreparedReferral): (slot: number) => number {
    const at: number[] = [];
    const required: number[] = [];
    const weight: number[] = [];
    let total = 0;
    for (const [code, i] of prepared.needIndex) {
      at.push(NEED_AT.get(code) ?? -1);
      required.push(prepared.requiredLevels[i]);
      weight.push(prepared.essential[i] === 1 ? ESSENTIAL_NEED_WEIGHT : 1);
    }
    for (const w of weight) total += w;
    if (total === 0) return () => 1;
    const levels = this.needLevels;
    return (slot) => {
      let met = 0;
      const base = slot * NEEDS;
      for (let i = 0; i < at.length; i++) {
        // A need outside the taxonomy cannot be read from the columns: count it as met.
        const supported = at[i] < 0 ? required[i] : Math.min(levels[base + at[i]], required[i]);
        met += (weight[i] * supported) / required[i];
      }
      return met / total;
    };
  }

  private codeOf(type: string): number {
    let code = this.typeCodes.get(type);
    if (code === undefined) {
      code = this.typeCodes.size + 1;
      this.typeCodes.set(type, code);
    }
    return code;
  }

  private grow(): void {
    const capacity = Math.max(1_024, this.capacity * 2);
    const widen = <T extends Float64Array | Uint16Array | Uint8Array | Int32Array | Uint32Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old as never);
      return next;
    };
    this.latitude = widen(this.latitude, (n) => new Float64Array(n));
    this.longitude = widen(this.longitude, (n) => new Float64Array(n));
    this.typeCode = widen(this.typeCode, (n) => new Uint16Array(n));
    this.ageMin = widen(this.ageMin, (n) => new Uint8Array(n));
    this.ageMax = widen(this.ageMax, (n) => new Uint8Array(n));
    this.fromDay = widen(this.fromDay, (n) => new Int32Array(n));
    this.untilDay = widen(this.untilDay, (n) => new Int32Array(n));
    this.confirmedDay = widen(this.confirmedDay, (n) => new Int32Array(n));
    this.beds = widen(this.beds, (n) => new Int32Array(n));
    this.flags = widen(this.flags, (n) => new Uint8Array(n));
    this.genders = widen(this.genders, (n) => new Uint8Array(n));
    this.needsExcluded = widen(this.needsExcluded, (n) => new Uint32Array(n));
    this.takenBy = widen(this.takenBy, (n) => new Uint32Array(n));
    this.quality = widen(this.quality, (n) => new Float64Array(n));
    this.cost = widen(this.cost, (n) => new Float64Array(n));
    this.laCode = widen(this.laCode, (n) => new Uint16Array(n));
    const levels = new Uint8Array(capacity * NEEDS);
    levels.set(this.needLevels);
    this.needLevels = levels;
    this.capacity = capacity;
  }

  /** Rebuilds the arrays and cells from the live vacancies only. */
  private compact(): void {
    const vacancies = this.slots.filter((slot): slot is MatchVacancy => slot !== null);
    this.count = 0;
    this.live = 0;
    this.slots = [];
    this.slotById.clear();
    this.cells.clear();
    this.laSlots.clear();
    for (const vacancy of vacancies) this.upsert(vacancy);
  }
}
