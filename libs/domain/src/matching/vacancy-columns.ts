import { NEED_CODES } from '../needs/needs-taxonomy';
import { ageOutOfRange, notAvailableOnDay, ratedInadequate, tooFewBeds } from './eligibility';
import { clampLevel, type PreparedReferral } from './prepared-referral';
import { qualityFit } from './quality';
import { dayNumberOf } from './staleness';
import type { MatchVacancy } from './types';

/** The taxonomy's needs by position, for the supported-level and excluded-need columns. */
export const NEED_AT: ReadonlyMap<string, number> = new Map(NEED_CODES.map((code, i) => [code, i]));
export const NEEDS = NEED_CODES.length;
if (NEEDS > 32) throw new Error('the excluded-needs column holds 32 needs');
const NO_END = 2 ** 31 - 1;

const OPEN = 1;
const EMERGENCY_READY = 2;
const INADEQUATE = 4;

/** Genders the pre-filter knows as bits; a setting listing any other accepts every bit. */
const GENDER_BITS: Readonly<Record<string, number>> = { female: 1, male: 2, other: 4 };
const EVERY_GENDER = 0xff;

/**
 * The vacancy index's vacancies as a struct of arrays: per slot, the columns the hard constraints
 * and the score bounds need, as typed arrays, so a referral skips most vacancies on a few array
 * reads each without touching the vacancy objects. Slots are appended; a dead slot keeps its place
 * (its flags cleared) until the index clears the columns and adds the live vacancies again.
 */
export class VacancyColumns {
  private capacity = 0;
  /** Slots used, live and dead. */
  count = 0;
  private vacancies: (MatchVacancy | null)[] = [];
  latitude = new Float64Array(0);
  longitude = new Float64Array(0);
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
  needLevels = new Uint8Array(0);
  /** Per slot, a bit per taxonomy need the setting will not accept. */
  private needsExcluded = new Uint32Array(0);
  /** Scratch: the search a slot was last taken by, so a slot is taken once per search. */
  private takenBy = new Uint32Array(0);
  private search = 0;
  /** Per slot: the quality fit, the weekly cost, and the setting's LA as a code (0: none). */
  quality = new Float64Array(0);
  cost = new Float64Array(0);
  laCode = new Uint16Array(0);
  private readonly laCodes = new Map<string, number>();
  private readonly typeCodes = new Map<string, number>();

  /** Appends an open vacancy's columns; returns its slot. */
  add(vacancy: MatchVacancy): number {
    if (this.count === this.capacity) this.grow();
    const slot = this.count++;
    const setting = vacancy.setting;
    this.vacancies[slot] = vacancy;
    this.latitude[slot] = setting.latitude;
    this.longitude[slot] = setting.longitude;
    this.typeCode[slot] = codeIn(this.typeCodes, setting.placementType);
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
    this.laCode[slot] = setting.localAuthorityCode === null ? 0 : codeIn(this.laCodes, setting.localAuthorityCode);
    return slot;
  }

  /** Marks a slot dead: it is skipped until the columns are cleared. */
  kill(slot: number): void {
    this.vacancies[slot] = null;
    this.flags[slot] = 0;
  }

  /** The vacancy in a live slot. */
  vacancyAt(slot: number): MatchVacancy {
    return this.vacancies[slot]!;
  }

  /** The live vacancies. */
  liveVacancies(): MatchVacancy[] {
    return this.vacancies.filter((vacancy): vacancy is MatchVacancy => vacancy !== null);
  }

  /** Empties the slots, keeping the arrays and the codes for the vacancies added again. */
  clear(): void {
    this.count = 0;
    this.vacancies = [];
  }

  /** An LA's code in the `laCode` column; -1 when no slot has held it. */
  laCodeOf(la: string): number {
    return this.laCodes.get(la) ?? -1;
  }

  /** Starts a search: a fresh stamp for `take`. */
  newSearch(): number {
    // Stamps are 32-bit: on wrapping, clear them all rather than let an old stamp match.
    this.search = (this.search + 1) >>> 0;
    if (this.search === 0) {
      this.takenBy.fill(0);
      this.search = 1;
    }
    return this.search;
  }

  /** True the first time a search is given a live slot, false after: a slot is taken once per search. */
  take(slot: number, search: number): boolean {
    if (this.takenBy[slot] === search || (this.flags[slot] & OPEN) === 0) return false;
    this.takenBy[slot] = search;
    return true;
  }

  /**
   * The hard constraints checked on the typed columns, with the eligibility rules' own predicates:
   * a superset of the eligible vacancies (genders are bits, reservations and the maximum distance
   * are left to the ranking).
   */
  filterFor(prepared: PreparedReferral): (slot: number) => boolean {
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
      !notAvailableOnDay(fromDay[slot], untilDay[slot], neededOn) &&
      confirmedDay[slot] >= freshFromDay &&
      !tooFewBeds(beds[slot], siblings) &&
      (genderBit === 0 || (genders[slot] & genderBit) !== 0) &&
      needsFit(slot);
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
}

/** A name's code in `codes`, numbered from 1 as names are first seen. */
function codeIn(codes: Map<string, number>, name: string): number {
  let code = codes.get(name);
  if (code === undefined) {
    code = codes.size + 1;
    codes.set(name, code);
  }
  return code;
}
