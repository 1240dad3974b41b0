import type { DataSource } from 'typeorm';
import { AGE_BAND_ORDER, AGE_BAND_SQL, ALLIANCE_LAS, BY_BAND_SUPPLY, GREAT_CIRCLE_MILES, periodQuery, totalBeds } from '@app/persistence';
import type { SufficiencyRow, SufficiencyTotals, SupplySource } from '@app/persistence';

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
         s.local_authority_code IN (${ALLIANCE_LAS}) AS within_alliance,
         p.id IS NOT NULL AND s.local_authority_code IS DISTINCT FROM c.local_authority_code AS out_of_area,
         ${GREAT_CIRCLE_MILES('d.latitude', 'd.longitude', 's.latitude', 's.longitude')} > 20 AS over_20_miles
    FROM referrals r
    JOIN children c ON c.id = r.child_id
    JOIN postcode_districts d ON d.district = c.home_district
    LEFT JOIN LATERAL (
      SELECT pl.* FROM placements pl WHERE pl.referral_id = r.id AND pl.start_date <= $3 ORDER BY pl.start_date, pl.id LIMIT 1
    ) p ON true
    LEFT JOIN settings s ON s.id = p.setting_id
   WHERE r.local_authority_code IN (${ALLIANCE_LAS})
     AND (r.created_at AT TIME ZONE 'Europe/London')::date BETWEEN $2 AND $3`;

const FIGURES = `
  count(d.*)::int AS referrals,
  count(d.placement_id)::int AS placed,
  (count(d.*) - count(d.placement_id))::int AS unplaced,
  (count(d.*) - count(*) FILTER (WHERE d.within_alliance))::int AS gap,
  count(*) FILTER (WHERE d.out_of_area)::int AS "placedOutOfArea",
  count(*) FILTER (WHERE d.over_20_miles)::int AS "placedOver20Miles",
  percentile_cont(0.5) WITHIN GROUP (ORDER BY d.days_to_place) AS "medianDaysToPlace",
  round(avg(d.weekly_cost))::int AS "meanWeeklyCost"`;

/**
 * The definition of every sufficiency figure, straight from the raw tables with plain GROUP BYs:
 * the baseline the rollups are measured against (bench:sufficiency), and the oracle their tests
 * compare `SufficiencyRepository.compute` with.
 */
export async function sufficiencyFromRawTables(
  dataSource: DataSource,
  allianceId: string,
  from: string,
  to: string,
  supply: SupplySource | null,
): Promise<{ rows: SufficiencyRow[]; totals: SufficiencyTotals }> {
  const { params, supplySql } = periodQuery(allianceId, from, to, supply, BY_BAND_SUPPLY);
  const [rows, [totals]]: [SufficiencyRow[], SufficiencyTotals[]] = await Promise.all([
    dataSource.query(
      `WITH demand AS (${DEMAND}),
            by_key AS (
              SELECT d.la, d.type, d.band, ${FIGURES} FROM demand d WHERE d.band IS NOT NULL GROUP BY d.la, d.type, d.band),
            supply AS (SELECT la, type, band, sum(beds)::int AS beds FROM (${supplySql}) s GROUP BY la, type, band)
       SELECT coalesce(k.la, s.la) AS "localAuthorityCode", coalesce(k.type, s.type) AS "placementType",
              coalesce(k.band, s.band) AS "ageBand",
              coalesce(k.referrals, 0) AS referrals, coalesce(k.placed, 0) AS placed, coalesce(k.unplaced, 0) AS unplaced,
              coalesce(s.beds, 0) AS "openBeds", coalesce(k.gap, 0) AS gap,
              coalesce(k."placedOutOfArea", 0) AS "placedOutOfArea", coalesce(k."placedOver20Miles", 0) AS "placedOver20Miles",
              k."medianDaysToPlace", k."meanWeeklyCost"
         FROM by_key k FULL JOIN supply s ON s.la = k.la AND s.type = k.type AND s.band = k.band
        ORDER BY 1, 2, array_position(${AGE_BAND_ORDER}, coalesce(k.band, s.band))`,
      params,
    ),
    dataSource.query(
      `WITH demand AS (${DEMAND})
       SELECT ${FIGURES}, ${totalBeds(supplySql)} AS "openBeds"
         FROM demand d WHERE d.band IS NOT NULL`,
      params,
    ),
  ]);
  const { openBeds, referrals, placed, unplaced, gap, placedOutOfArea, placedOver20Miles, medianDaysToPlace, meanWeeklyCost } = totals;
  const known = (beds: number | null) => (supply === null ? null : beds);
  return {
    rows: rows.map((row) => ({ ...row, openBeds: known(row.openBeds) })),
    totals: { referrals, placed, unplaced, openBeds: known(openBeds), gap, placedOutOfArea, placedOver20Miles, medianDaysToPlace, meanWeeklyCost },
  };
}
