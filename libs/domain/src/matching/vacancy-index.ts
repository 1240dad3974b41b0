import { byScoreBound } from './column-bounds';
import { haversineMiles } from './distance';
import { isOpen } from './eligibility';
import type { LatLonBox } from './lat-lon-box';
import { LocationGrid } from './location-grid';
import { prepareReferral, type PreparedReferral } from './prepared-referral';
import { DEFAULT_EXCLUSION_LIMIT, DEFAULT_MATCH_LIMIT, rankVacancies } from './rank';
import { EXCLUSION_ROUNDS, exclusionsSettled, searchBox, shortlistRounds, shortlistSettled } from './search-plan';
import type { MatchingWeights, MatchReferral, MatchVacancy, RankedMatch, RankResult, VacancyExclusion } from './types';
import { VacancyColumns } from './vacancy-columns';

/**
 * The open vacancies of the platform in memory, for matching without reading them per referral.
 * Columns the hard constraints need are kept as typed arrays (struct of arrays, vacancy-columns.ts)
 * and the vacancies sit in a grid of cells by location (location-grid.ts), so a referral looks
 * only at the cells near the child's home and skips most vacancies on a few array reads each; the
 * few that pass are scored by the domain's own ranking. The results are exactly those of
 * `rankVacancies` over every open vacancy (a property test checks it): the pre-filter only ever
 * drops vacancies that fail a hard constraint, and the search widens (search-plan.ts) until
 * nothing further away could change the shortlist or the nearest exclusions.
 *
 * A changed vacancy is re-inserted in a fresh slot and its old slot is left dead; `compact` is
 * called when dead slots outnumber live ones, so memory stays within twice the live set.
 */
export class VacancyIndex {
  private live = 0;
  private readonly columns = new VacancyColumns();
  private readonly grid = new LocationGrid();
  private readonly slotById = new Map<string, number>();
  /** Each LA's slots (dead ones included until compaction), for searching an LA wherever it reaches. */
  private readonly laSlots = new Map<string, number[]>();

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
    const slot = this.columns.add(vacancy);
    const setting = vacancy.setting;
    this.slotById.set(vacancy.id, slot);
    if (setting.localAuthorityCode !== null) {
      const inLa = this.laSlots.get(setting.localAuthorityCode);
      if (inLa) inLa.push(slot);
      else this.laSlots.set(setting.localAuthorityCode, [slot]);
    }
    this.grid.add(slot, setting.latitude, setting.longitude);
    this.live++;
  }

  remove(id: string): void {
    const slot = this.slotById.get(id);
    if (slot === undefined) return;
    this.slotById.delete(id);
    this.columns.kill(slot);
    this.live--;
    const count = this.columns.count;
    if (count > 1_024 && count - this.live > this.live) this.compact();
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
    const exclusionLimit = options.exclusionLimit ?? DEFAULT_EXCLUSION_LIMIT;
    const prepared = prepareReferral(referral);
    return {
      matches: this.shortlist(prepared, weights, limit),
      exclusions: exclusionLimit > 0 ? this.nearestExclusions(prepared, weights, exclusionLimit) : [],
    };
  }

  /**
   * The rounds of the search plan (`shortlistRounds`), stopping once the last place scores above
   * anything not yet read could. Each round before the fallback reads the circle's box and,
   * wherever they lie, the vacancies of the placing LA and of the child's home LA: what is left
   * unread then earns no LA bonus, so its bound is the lower one.
   */
  private shortlist(prepared: PreparedReferral, weights: MatchingWeights, limit: number): RankedMatch[] {
    const { referral } = prepared;
    const home = referral.child.home;
    if (limit === 0) return [];
    const filter = this.columns.filterFor(prepared);
    const las = [...new Set([referral.localAuthorityCode, prepared.homeLocalAuthorityCode])];
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
  private nearestExclusions(prepared: PreparedReferral, weights: MatchingWeights, limit: number): VacancyExclusion[] {
    const { referral } = prepared;
    const { latitude, longitude } = this.columns;
    let slots: number[] = [];
    let miles = new Float64Array(0);
    let cellsRead = '';
    let exclusions: VacancyExclusion[] = [];
    for (const round of EXCLUSION_ROUNDS) {
      const box = searchBox(referral.child.home, round);
      const cells = box === null ? 'all' : this.grid.cellsCovered(box);
      if (cells !== cellsRead) {
        cellsRead = cells;
        slots = this.collectSlots(box, null);
        miles = new Float64Array(slots.length);
        for (let i = 0; i < slots.length; i++) {
          const slot = slots[i];
          miles[i] = haversineMiles(prepared.homeLatRad, prepared.homeLonRad, prepared.homeCosLat, latitude[slot], longitude[slot]);
        }
      }
      const radius = round.miles;
      const inside: MatchVacancy[] = [];
      for (let i = 0; i < slots.length; i++) if (radius === null || miles[i] <= radius) inside.push(this.columns.vacancyAt(slots[i]));
      exclusions = rankVacancies(referral, inside, weights, { limit: 0, exclusionLimit: limit }).exclusions;
      if (exclusionsSettled(round, exclusions, limit)) break;
    }
    return exclusions;
  }

  /** Slots of live vacancies in the box (all when null) and in the LAs given, passing the filter. */
  private collectSlots(box: LatLonBox | null, filter: ((slot: number) => boolean) | null, las: string[] = []): number[] {
    const found: number[] = [];
    const columns = this.columns;
    const search = columns.newSearch();
    const take = (slot: number) => {
      if (columns.take(slot, search) && (filter === null || filter(slot))) found.push(slot);
    };
    // A box wider than the grid holds: walking the cells would cost more than scanning.
    if (box === null || !this.grid.visit(box, take)) {
      for (let slot = 0, count = columns.count; slot < count; slot++) take(slot);
      return found;
    }
    for (const la of las) {
      const inLa = this.laSlots.get(la);
      if (inLa) for (let i = 0; i < inLa.length; i++) take(inLa[i]);
    }
    return found;
  }

  /**
   * The best `limit` of the candidate slots, as `rankVacancies` would rank them, without scoring
   * them all: each gets a cheap upper bound from the typed columns (column-bounds.ts), and only
   * the candidates from the highest bound down are scored in full, until the last place beats
   * every bound left. Most of a national search is never scored.
   */
  private best(prepared: PreparedReferral, weights: MatchingWeights, slots: number[], limit: number): RankedMatch[] {
    const { referral } = prepared;
    const columns = this.columns;
    if (slots.length <= limit * 4) {
      return rankVacancies(referral, slots.map((slot) => columns.vacancyAt(slot)), weights, { limit, exclusionLimit: 0 }).matches;
    }
    const { order, bounds } = byScoreBound(columns, prepared, weights, slots);
    let matches: RankedMatch[] = [];
    let top: MatchVacancy[] = [];
    for (let next = 0; next < order.length; ) {
      const end = Math.min(order.length, next + limit);
      const batch: MatchVacancy[] = [];
      for (let k = next; k < end; k++) batch.push(columns.vacancyAt(order[k]));
      next = end;
      matches = rankVacancies(referral, top.concat(batch), weights, { limit, exclusionLimit: 0 }).matches;
      top = matches.map((match) => columns.vacancyAt(this.slotById.get(match.vacancyId)!));
      // The rest score at most their bounds, the highest of which is next in order.
      if (next < order.length && matches.length === limit && matches[limit - 1].score * 100 > bounds[next]) break;
    }
    return matches;
  }

  /** Rebuilds the columns and cells from the live vacancies only. */
  private compact(): void {
    const vacancies = this.columns.liveVacancies();
    this.columns.clear();
    this.live = 0;
    this.slotById.clear();
    this.grid.clear();
    this.laSlots.clear();
    for (const vacancy of vacancies) this.upsert(vacancy);
  }
}
