import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { returningRows } from './rows';

export const AGE_BANDS = ['0-4', '5-10', '11-15', '16-17'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Demand against supply for one LA, placement type and age band over a period. */
export interface SufficiencyRow {
  localAuthorityCode: string;
  placementType: string;
  ageBand: AgeBand;
  /** Referrals made in the period, counted under the first placement type they list. */
  referrals: number;
  /** Of those, placed (by the end of the period). */
  placed: number;
  unplaced: number;
  /** Beds open on the last day of the period in settings of the LA, of the type, taking the age band. */
  openBeds: number;
  /** referrals - placed within the alliance's LAs. */
  gap: number;
  /** Placed in a setting outside the child's own LA. */
  placedOutOfArea: number;
  /** Placed more than 20 miles (great circle) from the child's home postcode district. */
  placedOver20Miles: number;
  medianDaysToPlace: number | null;
  meanWeeklyCost: number | null;
}

export type SufficiencyTotals = Omit<SufficiencyRow, 'localAuthorityCode' | 'placementType' | 'ageBand'>;

/** The band of a child's age in whole years; null past 17. */
const AGE_BAND_SQL = (age: string) =>
  `CASE WHEN ${age} <= 4 THEN '0-4' WHEN ${age} <= 10 THEN '5-10' WHEN ${age} <= 15 THEN '11-15' WHEN ${age} <= 17 THEN '16-17' END`;

const MILES = (lat1: string, lon1: string, lat2: string, lon2: string) => `2 * 3958.8 * asin(sqrt(
  power(sin(radians(${lat2} - ${lat1}) / 2), 2) + cos(radians(${lat1})) * cos(radians(${lat2})) * power(sin(radians(${lon2} - ${lon1}) / 2), 2)))`;

/**
 * Referrals of the alliance's LAs made in the period, each with its placement if it was placed by
 * the end of the period (a referral is placed at most once while live; the first placement
 * counts). Dates are England's calendar days.
 */
const DEMAND = `
  SELECT r.local_authority_code AS la, r.placement_types[1] AS type,
         ${AGE_BAND_SQL(`date_part('year', age((r.created_at AT TIME ZONE 'Europe/London')::date, c.date_of_birth))`)} AS band,
         p.id AS placement_id,
         p.start_date - (r.created_at AT TIME ZONE 'Europe/London')::date AS days_to_place,
         p.weekly_cost,
         s.local_authority_code IN (SELECT local_authority_code FROM alliance_members WHERE alliance_id = $1) AS within_alliance,
         p.id IS NOT NULL AND s.local_authority_code IS DISTINCT FROM c.local_authority_code AS out_of_area,
         ${MILES('d.latitude', 'd.longitude', 's.latitude', 's.longitude')} > 20 AS over_20_miles
    FROM referrals r
    JOIN children c ON c.id = r.child_id
    JOIN postcode_districts d ON d.district = c.home_district
    LEFT JOIN LATERAL (
      SELECT pl.* FROM placements pl WHERE pl.referral_id = r.id AND pl.start_date <= $3 ORDER BY pl.start_date, pl.id LIMIT 1
    ) p ON true
    LEFT JOIN settings s ON s.id = p.setting_id
   WHERE r.local_authority_code IN (SELECT local_authority_code FROM alliance_members WHERE alliance_id = $1)
     AND (r.created_at AT TIME ZONE 'Europe/London')::date BETWEEN $2 AND $3`;

const BANDS = `(VALUES ('0-4', 0, 4), ('5-10', 5, 10), ('11-15', 11, 15), ('16-17', 16, 17)) AS b(band, low, high)`;

/**
 * Beds open on the last day of the period in the alliance's LAs' settings, under every age band
 * the setting takes (a bed for ages 8-17 is supply for 5-10, 11-15 and 16-17; the totals count it
 * once, by `unit`). Live: from the vacancies as they are now.
 */
const LIVE_SUPPLY = `
  SELECT s.local_authority_code AS la, s.placement_type AS type, b.band, v.beds, v.id::text AS unit
    FROM vacancies v
    JOIN settings s ON s.id = v.setting_id
    JOIN ${BANDS} ON s.age_min <= b.high AND s.age_max >= b.low
   WHERE s.local_authority_code IN (SELECT local_authority_code FROM alliance_members WHERE alliance_id = $1)
     AND v.status = 'open' AND v.available_from <= $3 AND (v.available_until IS NULL OR v.available_until >= $3)`;

/** The same from the nightly snapshot of day $4, for a period that has ended. */
const SNAPSHOT_SUPPLY = `
  SELECT ss.local_authority_code AS la, ss.placement_type AS type, b.band, ss.beds,
         concat_ws('/', ss.local_authority_code, ss.placement_type, ss.age_min, ss.age_max, ss.emergency_ready) AS unit
    FROM supply_snapshots ss
    JOIN ${BANDS} ON ss.age_min <= b.high AND ss.age_max >= b.low
   WHERE ss.day = $4 AND ss.local_authority_code IN (SELECT local_authority_code FROM alliance_members WHERE alliance_id = $1)`;

/** Where a period's open beds come from: the vacancies now, or the snapshot of a past day. */
export interface SupplySource {
  source: 'live' | 'snapshot';
  /** The day the beds were counted on. */
  asOf: string;
}

const FIGURES = `
  count(d.*)::int AS referrals,
  count(d.placement_id)::int AS placed,
  (count(d.*) - count(d.placement_id))::int AS unplaced,
  (count(d.*) - count(*) FILTER (WHERE d.within_alliance))::int AS gap,
  count(*) FILTER (WHERE d.out_of_area)::int AS "placedOutOfArea",
  count(*) FILTER (WHERE d.over_20_miles)::int AS "placedOver20Miles",
  percentile_cont(0.5) WITHIN GROUP (ORDER BY d.days_to_place) AS "medianDaysToPlace",
  round(avg(d.weekly_cost), 2)::float8 AS "meanWeeklyCost"`;

/**
 * Sufficiency computed straight from the raw tables with plain GROUP BYs: the definition of every
 * figure, and the baseline any faster path must equal.
 */
@Injectable()
export class SufficiencyRepository {
  constructor(private readonly dataSource: DataSource) {}

  async exists(allianceId: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM alliances WHERE id = $1`, [allianceId]);
    return rows.length > 0;
  }

  /**
   * Where the open beds of a period ending `to` come from: the vacancies now if it ends today or
   * later; otherwise the last snapshot on or before `to`, and the vacancies now only if there is
   * none (the answer says which).
   */
  async supplySource(to: string, today: string): Promise<SupplySource> {
    if (to >= today) return { source: 'live', asOf: today };
    const [row] = await this.dataSource.query(`SELECT to_char(max(day), 'YYYY-MM-DD') AS day FROM supply_snapshots WHERE day <= $1`, [to]);
    return row?.day ? { source: 'snapshot', asOf: row.day } : { source: 'live', asOf: today };
  }

  /**
   * Replaces the snapshot of `day` with the beds open on it, in one transaction: by LA, type, age
   * range and emergency readiness, and by need supported. Running it twice gives the same rows.
   */
  async snapshotSupply(day: string): Promise<{ rows: number; needRows: number }> {
    return this.dataSource.transaction(async (manager) => {
      const open = `FROM vacancies v JOIN settings s ON s.id = v.setting_id
        WHERE v.status = 'open' AND v.available_from <= $1 AND (v.available_until IS NULL OR v.available_until >= $1)
          AND s.local_authority_code IS NOT NULL`;
      await manager.query(`DELETE FROM supply_snapshots WHERE day = $1`, [day]);
      await manager.query(`DELETE FROM supply_need_snapshots WHERE day = $1`, [day]);
      const rows = await returningRows(
        manager,
        `INSERT INTO supply_snapshots (day, local_authority_code, placement_type, age_min, age_max, emergency_ready, beds)
         SELECT $1, s.local_authority_code, s.placement_type, s.age_min, s.age_max, v.emergency_ready, sum(v.beds) ${open}
          GROUP BY s.local_authority_code, s.placement_type, s.age_min, s.age_max, v.emergency_ready
         RETURNING day`,
        [day],
      );
      const needRows = await returningRows(
        manager,
        `INSERT INTO supply_need_snapshots (day, local_authority_code, placement_type, need_code, beds)
         SELECT $1, s.local_authority_code, s.placement_type, n.need->>'code', sum(v.beds) ${open.replace('WHERE', 'CROSS JOIN LATERAL jsonb_array_elements(s.needs_supported) AS n(need) WHERE')}
          GROUP BY s.local_authority_code, s.placement_type, n.need->>'code'
         RETURNING day`,
        [day],
      );
      return { rows: rows.length, needRows: needRows.length };
    });
  }

  async compute(
    allianceId: string,
    from: string,
    to: string,
    supply: SupplySource = { source: 'live', asOf: to },
  ): Promise<{ rows: SufficiencyRow[]; totals: SufficiencyTotals }> {
    const params = supply.source === 'snapshot' ? [allianceId, from, to, supply.asOf] : [allianceId, from, to];
    const SUPPLY = supply.source === 'snapshot' ? SNAPSHOT_SUPPLY : LIVE_SUPPLY;
    const [rows, [totals]]: [SufficiencyRow[], SufficiencyTotals[]] = await Promise.all([
      this.dataSource.query(
        `WITH demand AS (${DEMAND}),
              by_key AS (
                SELECT d.la, d.type, d.band, ${FIGURES} FROM demand d WHERE d.band IS NOT NULL GROUP BY d.la, d.type, d.band),
              supply AS (SELECT la, type, band, sum(beds)::int AS beds FROM (${SUPPLY}) s GROUP BY la, type, band)
         SELECT coalesce(k.la, s.la) AS "localAuthorityCode", coalesce(k.type, s.type) AS "placementType",
                coalesce(k.band, s.band) AS "ageBand",
                coalesce(k.referrals, 0) AS referrals, coalesce(k.placed, 0) AS placed, coalesce(k.unplaced, 0) AS unplaced,
                coalesce(s.beds, 0) AS "openBeds", coalesce(k.gap, 0) AS gap,
                coalesce(k."placedOutOfArea", 0) AS "placedOutOfArea", coalesce(k."placedOver20Miles", 0) AS "placedOver20Miles",
                k."medianDaysToPlace", k."meanWeeklyCost"
           FROM by_key k FULL JOIN supply s ON s.la = k.la AND s.type = k.type AND s.band = k.band
          ORDER BY 1, 2, array_position(ARRAY['0-4', '5-10', '11-15', '16-17'], coalesce(k.band, s.band))`,
        params,
      ),
      this.dataSource.query(
        `WITH demand AS (${DEMAND})
         SELECT ${FIGURES}, (SELECT coalesce(sum(beds), 0)::int FROM (SELECT DISTINCT unit, beds FROM (${SUPPLY}) s) v) AS "openBeds"
           FROM demand d WHERE d.band IS NOT NULL`,
        params,
      ),
    ]);
    const { openBeds, referrals, placed, unplaced, gap, placedOutOfArea, placedOver20Miles, medianDaysToPlace, meanWeeklyCost } = totals;
    return {
      rows,
      totals: { referrals, placed, unplaced, openBeds, gap, placedOutOfArea, placedOver20Miles, medianDaysToPlace, meanWeeklyCost },
    };
  }
}
