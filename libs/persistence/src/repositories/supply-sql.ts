import { AGE_BAND_ROWS, ALLIANCE_LAS, NEED_CODES_OF, OPEN_ON } from './sufficiency-sql';

/**
 * The SQL of sufficiency's supply: the beds open on a day in the alliance's LAs, from the vacancies
 * as they are now or from a nightly snapshot, by placement type and age band or by need.
 */

/**
 * Where a period's open beds come from: the vacancies as they are now, counted as open on `asOf`,
 * or the nightly snapshot of day `asOf`. Null when nothing tells: a past period with no snapshot.
 */
export interface SupplySource {
  source: 'live' | 'snapshot';
  /** The day the beds were counted on. */
  asOf: string;
}

/**
 * Beds open on `day` in the alliance's LAs' settings, under every age band the setting takes (a bed
 * for ages 8-17 is supply for 5-10, 11-15 and 16-17; totals count it once, by `unit`). Live: from
 * the vacancies as they are now.
 */
export const liveSupply = (day: string) => `
  SELECT s.local_authority_code AS la, s.placement_type AS type, b.band, v.beds, v.id::text AS unit
    FROM vacancies v
    JOIN settings s ON s.id = v.setting_id
    JOIN ${AGE_BAND_ROWS} ON s.age_min <= b.high AND s.age_max >= b.low
   WHERE s.local_authority_code IN (${ALLIANCE_LAS}) AND ${OPEN_ON(day)}`;

/** Open beds on day $4, from the vacancies as they are now. */
const LIVE_SUPPLY = liveSupply('$4');

/** The same from the nightly snapshot of day $4, for a period that has ended. */
const SNAPSHOT_SUPPLY = `
  SELECT ss.local_authority_code AS la, ss.placement_type AS type, b.band, ss.beds,
         concat_ws('/', ss.local_authority_code, ss.placement_type, ss.age_min, ss.age_max, ss.emergency_ready) AS unit
    FROM supply_snapshots ss
    JOIN ${AGE_BAND_ROWS} ON ss.age_min <= b.high AND ss.age_max >= b.low
   WHERE ss.day = $4 AND ss.local_authority_code IN (${ALLIANCE_LAS})`;

/** Beds of supply units (`unit`, `beds`), each counted once however many bands it serves. */
export const totalBeds = (units: string) => `(SELECT coalesce(sum(beds), 0)::int FROM (SELECT DISTINCT unit, beds FROM (${units}) s) v)`;

const LIVE_NEED_SUPPLY = `
  SELECT s.local_authority_code AS la, n.need, sum(v.beds)::int AS beds
    FROM vacancies v
    JOIN settings s ON s.id = v.setting_id
    CROSS JOIN LATERAL ${NEED_CODES_OF('s.needs_supported')} n
   WHERE s.local_authority_code IN (${ALLIANCE_LAS}) AND ${OPEN_ON('$4')}
   GROUP BY 1, 2`;

const SNAPSHOT_NEED_SUPPLY = `
  SELECT local_authority_code AS la, need_code AS need, sum(beds)::int AS beds
    FROM supply_need_snapshots WHERE day = $4 AND local_authority_code IN (${ALLIANCE_LAS})
   GROUP BY 1, 2`;

/**
 * The parameters of a period's report ($1 alliance, $2 from, $3 to, and $4 the day its beds are
 * counted on) and the supply query that goes with its source; with none, no beds.
 */
export function periodQuery(
  allianceId: string,
  from: string,
  to: string,
  supply: SupplySource | null,
  queries: { live: string; snapshot: string; none: string },
) {
  return supply === null
    ? { params: [allianceId, from, to], supplySql: queries.none }
    : { params: [allianceId, from, to, supply.asOf], supplySql: queries[supply.source] };
}

export const BY_BAND_SUPPLY = {
  live: LIVE_SUPPLY,
  snapshot: SNAPSHOT_SUPPLY,
  none: `SELECT NULL::text AS la, NULL::text AS type, NULL::text AS band, 0 AS beds, NULL::text AS unit WHERE false`,
};
export const BY_NEED_SUPPLY = {
  live: LIVE_NEED_SUPPLY,
  snapshot: SNAPSHOT_NEED_SUPPLY,
  none: `SELECT NULL::text AS la, NULL::text AS need, 0 AS beds WHERE false`,
};
