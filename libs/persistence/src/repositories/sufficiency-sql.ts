/**
 * The SQL of sufficiency, in parts: what one referral contributes (its facts), how facts group into
 * the rollups, and how a period is read from rollups for the months they serve and from the raw
 * tables for the rest. Dates are England's calendar days; a referral's month is the month of the
 * day it was made.
 */

import { AGE_BAND_BOUNDS, AGE_BANDS } from '@app/domain';
import { GREAT_CIRCLE_MILES } from './distance-sql';
import { vacancyStatus } from './status-sql';

/** The band of a child's age in whole years, as the domain's `ageBandOf` gives it; null past 17. */
export const AGE_BAND_SQL = (age: string) =>
  `CASE ${AGE_BAND_BOUNDS.map(({ band, high }) => `WHEN ${age} <= ${high} THEN '${band}'`).join(' ')} END`;

/** The age bands with their youngest and oldest ages, as rows `b(band, low, high)` to join on. */
export const AGE_BAND_ROWS = `(VALUES ${AGE_BAND_BOUNDS.map(({ band, low, high }) => `('${band}', ${low}, ${high})`).join(', ')}) AS b(band, low, high)`;

/** The bands youngest first, for ordering by `array_position(AGE_BAND_ORDER, band)`. */
export const AGE_BAND_ORDER = `ARRAY[${AGE_BANDS.map((band) => `'${band}'`).join(', ')}]`;

/** The calendar day in England of a timestamp. */
export const ENGLAND_DAY = (timestamp: string) => `(${timestamp} AT TIME ZONE 'Europe/London')::date`;

/** The instant a calendar day starts in England. */
export const DAY_START = (day: string) => `((${day})::timestamp AT TIME ZONE 'Europe/London')`;

const MONTH_END = (month: string) => `(${month} + interval '1 month - 1 day')::date`;

/**
 * Months from $2's to $3's, less one: an integer series, whose length the planner can see (it
 * would guess a thousand rows for a series of dates, and plan scans of whole tables for them).
 */
const MONTHS_SPANNED = `((date_part('year', $3::date) - date_part('year', $2::date)) * 12 + date_part('month', $3::date) - date_part('month', $2::date))::int`;

export const ALLIANCE_LAS = `SELECT local_authority_code FROM alliance_members WHERE alliance_id = $1`;

/** Vacancy `v` is open on `day`. */
export const OPEN_ON = (day: string) =>
  `v.status = ${vacancyStatus('open')} AND v.available_from <= ${day} AND (v.available_until IS NULL OR v.available_until >= ${day})`;

/** The distinct need codes (`need`) of a JSON array of needs, for a LATERAL join. */
export const NEED_CODES_OF = (needs: string) => `(SELECT DISTINCT e->>'code' AS need FROM jsonb_array_elements(${needs}) e)`;

/**
 * The two statements that write supply snapshots from `open`, SQL yielding the open beds of a day
 * or of many: rows of (day, setting_id, emergency_ready, beds). One writes beds by the setting's
 * LA, type, age range and readiness, the other by LA, type, need supported and readiness. A row
 * already there for a day and key is kept.
 */
export function supplySnapshotInserts(open: string): { byRange: string; byNeed: string } {
  const from = `FROM open o JOIN settings s ON s.id = o.setting_id`;
  return {
    byRange: `
      WITH open AS (${open})
      INSERT INTO supply_snapshots (day, local_authority_code, placement_type, age_min, age_max, emergency_ready, beds)
      SELECT o.day, s.local_authority_code, s.placement_type, s.age_min, s.age_max, o.emergency_ready, sum(o.beds)
        ${from} WHERE s.local_authority_code IS NOT NULL
       GROUP BY 1, 2, 3, 4, 5, 6
      ON CONFLICT DO NOTHING
      RETURNING day`,
    byNeed: `
      WITH open AS (${open})
      INSERT INTO supply_need_snapshots (day, local_authority_code, placement_type, need_code, emergency_ready, beds)
      SELECT o.day, s.local_authority_code, s.placement_type, n.need, o.emergency_ready, sum(o.beds)
        ${from} CROSS JOIN LATERAL ${NEED_CODES_OF('s.needs_supported')} n WHERE s.local_authority_code IS NOT NULL
       GROUP BY 1, 2, 3, 4, 5
      ON CONFLICT DO NOTHING
      RETURNING day`,
  };
}

/**
 * One row per referral drawn from `source` (which names the referral `r`), child aged 0-17 when it
 * was made: its LA, month, first placement type, age band and needs, and its first placement (a
 * referral is placed at most once while live; the first counts) with where and when it started.
 */
export function referralFacts(source: string, where = 'true'): string {
  const madeOn = ENGLAND_DAY('r.created_at');
  return `
    SELECT r.local_authority_code AS la, date_trunc('month', ${madeOn})::date AS month,
           r.placement_types[1] AS type,
           ${AGE_BAND_SQL(`date_part('year', age(${madeOn}, c.date_of_birth))`)} AS band,
           c.needs, p.start_date, date_trunc('month', p.start_date)::date AS placed_month,
           p.start_date - ${madeOn} AS days, p.weekly_cost,
           p.setting_la,
           p.id IS NOT NULL AND p.setting_la IS DISTINCT FROM c.local_authority_code AS out_of_area,
           coalesce(${GREAT_CIRCLE_MILES('d.latitude', 'd.longitude', 'p.latitude', 'p.longitude')} > 20, false) AS over_20
      FROM ${source}
      JOIN children c ON c.id = r.child_id
      JOIN postcode_districts d ON d.district = c.home_district
      LEFT JOIN LATERAL (
        SELECT pl.id, pl.start_date, pl.weekly_cost, s.local_authority_code AS setting_la, s.latitude, s.longitude
          FROM placements pl JOIN settings s ON s.id = pl.setting_id
         WHERE pl.referral_id = r.id ORDER BY pl.start_date, pl.id LIMIT 1
      ) p ON true
     WHERE ${AGE_BAND_SQL(`date_part('year', age(${madeOn}, c.date_of_birth))`)} IS NOT NULL AND ${where}`;
}

/** A way of cutting demand: its rollup table and the key columns it adds to LA and month. */
export interface Dimension {
  rollup: 'sufficiency_rollup' | 'sufficiency_need_rollup';
  /** Rollup column and the alias it is read as. */
  keys: { column: string; alias: string }[];
  /** Turns a facts row `f` into rows carrying the keys (a need dimension makes one row per need). */
  expand: string;
}

export const BY_TYPE_AND_BAND: Dimension = {
  rollup: 'sufficiency_rollup',
  keys: [
    { column: 'placement_type', alias: 'type' },
    { column: 'age_band', alias: 'band' },
  ],
  expand: `CROSS JOIN LATERAL (SELECT f.type, f.band) k`,
};

export const BY_NEED: Dimension = {
  rollup: 'sufficiency_need_rollup',
  keys: [{ column: 'need_code', alias: 'need' }],
  expand: `CROSS JOIN LATERAL ${NEED_CODES_OF('f.needs')} k`,
};

const keyAliases = (dimension: Dimension) => dimension.keys.map((key) => `k.${key.alias}`).join(', ');

/**
 * Rebuilds both rollups' rows for the LA-months in `$1` (LA codes) and `$2` (months), which the
 * caller has just deleted: one row per group of referrals sharing the dimension's key and the
 * placement's month, setting LA and distance flags.
 */
export function rebuildRollup(dimension: Dimension): string {
  const columns = dimension.keys.map((key) => key.column).join(', ');
  return `
    WITH batch AS (SELECT * FROM unnest($1::text[], $2::date[]) AS b(la, month)),
         f AS (${referralFacts(
           `batch b CROSS JOIN ${referralsMade('b.la', DAY_START('b.month'), DAY_START(`b.month + interval '1 month'`))}`,
         )})
    INSERT INTO ${dimension.rollup} (local_authority_code, month, ${columns}, placed_month, setting_local_authority_code,
                                     out_of_area, over20_miles, referrals, cost_sum, cost_count, days_to_place)
    SELECT f.la, f.month, ${keyAliases(dimension)}, f.placed_month, f.setting_la, f.out_of_area, f.over_20,
           count(*), sum(f.weekly_cost), count(f.weekly_cost),
           coalesce(array_agg(f.days ORDER BY f.days) FILTER (WHERE f.days IS NOT NULL), '{}')
      FROM f ${dimension.expand}
     GROUP BY f.la, f.month, ${keyAliases(dimension)}, f.placed_month, f.setting_la, f.out_of_area, f.over_20`;
}

/**
 * The LA-months of the alliance ($1) touching the period $2..$3: `whole` when the period covers
 * the month, `served` when whole and its rollup rows are current. The others are read raw, over the
 * part of the month inside the period (`raw_ranges`).
 */
const MONTHS = `
  las AS (${ALLIANCE_LAS}),
  months AS (
    SELECT l.local_authority_code AS la, m::date AS month,
           m::date >= $2::date AND ${MONTH_END('m::date')} <= $3::date
             AND NOT EXISTS (SELECT 1 FROM sufficiency_stale_marks st WHERE st.local_authority_code = l.local_authority_code AND st.month = m::date) AS served
      FROM las l, generate_series(0, ${MONTHS_SPANNED}) i, LATERAL (SELECT date_trunc('month', $2::date) + make_interval(months => i) AS m) s),
  raw_ranges AS (
    SELECT la, greatest(month, $2::date) AS lo, least(${MONTH_END('month')}, $3::date) AS hi FROM months WHERE NOT served)`;

/**
 * An LA's referrals made between two days, by index for each LA and range: a LATERAL subquery kept
 * whole by OFFSET 0, since the planner, misjudging how few ranges there are, would otherwise scan
 * every referral.
 */
const referralsMade = (la: string, from: string, until: string) => `LATERAL (
  SELECT * FROM referrals made WHERE made.local_authority_code = ${la} AND made.created_at >= ${from} AND made.created_at < ${until}
  OFFSET 0) r`;

const RAW_SOURCE = `raw_ranges q CROSS JOIN ${referralsMade('q.la', DAY_START('q.lo'), DAY_START('q.hi + 1'))}`;

/**
 * What rollup rows and raw referrals contribute, in one shape: a group of referrals (a raw one is a
 * group of one), placed or not by the period's end.
 */
function rollupGroups(dimension: Dimension, placedBy: string, where = 'true'): string {
  const keys = dimension.keys.map((key) => `g.${key.column} AS ${key.alias}`).join(', ');
  return `
    SELECT g.local_authority_code AS la, g.month, ${keys}, g.referrals, ${placedBy} AS placed,
           g.setting_local_authority_code AS setting_la, g.out_of_area, g.over20_miles AS over_20,
           g.cost_sum, g.cost_count, g.days_to_place AS days
      FROM months m JOIN ${dimension.rollup} g ON g.local_authority_code = m.la AND g.month = m.month
     WHERE m.served AND ${where}
       -- the same bounds again, on the rollup itself, so it is read by index range per LA
       AND g.local_authority_code IN (${ALLIANCE_LAS}) AND g.month BETWEEN date_trunc('month', $2::date)::date AND $3::date`;
}

function rawGroups(dimension: Dimension, facts: string, placedBy: string): string {
  return `
    SELECT f.la, f.month, ${keyAliases(dimension)}, 1 AS referrals, ${placedBy} AS placed,
           f.setting_la, f.out_of_area, f.over_20, f.weekly_cost::numeric AS cost_sum,
           (f.weekly_cost IS NOT NULL)::int AS cost_count,
           CASE WHEN f.days IS NULL THEN '{}'::int[] ELSE ARRAY[f.days] END AS days
      FROM (${facts}) f ${dimension.expand}`;
}

/** The figures of groups `g` (placed or not), grouped by `grouping`. */
function figures(grouping: string, select: string): string {
  return `
    SELECT ${select},
           sum(g.referrals)::int AS referrals,
           coalesce(sum(g.referrals) FILTER (WHERE g.placed), 0)::int AS placed,
           coalesce(sum(g.referrals) FILTER (WHERE g.placed AND g.setting_la IN (SELECT local_authority_code FROM las)), 0)::int AS within,
           coalesce(sum(g.referrals) FILTER (WHERE g.placed AND g.out_of_area), 0)::int AS out_of_area,
           coalesce(sum(g.referrals) FILTER (WHERE g.placed AND g.over_20), 0)::int AS over_20,
           round(sum(g.cost_sum) FILTER (WHERE g.placed) / nullif(sum(g.cost_count) FILTER (WHERE g.placed), 0))::int AS mean_cost
      FROM groups g
     GROUP BY ${grouping}`;
}

/**
 * Demand over the period $2..$3 for the alliance $1, by LA and the dimension's keys, with the
 * dimension's totals (`totalKeys`, grouping sets): rollups for the months they serve, the raw
 * tables for the rest. A referral is placed when its first placement started by $3. When $3 is not
 * a month's last day, the rollup cannot tell a placement started on or before it in that month from
 * one after, so those referrals of served months are read raw too.
 */
export function periodDemand(dimension: Dimension, totalKeys: string[]): string {
  const keys = dimension.keys.map((key) => key.alias);
  const toMonth = `date_trunc('month', $3::date)::date`;
  const toIsMonthEnd = `($3::date = ${MONTH_END(toMonth)})`;
  const splitMonth = referralFacts(
    `placements fp JOIN referrals r ON r.id = fp.referral_id
       JOIN months m ON m.served AND m.la = r.local_authority_code AND m.month = date_trunc('month', ${ENGLAND_DAY('r.created_at')})::date`,
    // A placement's LA is its referral's: the index on (LA, start date) finds the month's few.
    `NOT ${toIsMonthEnd} AND fp.local_authority_code IN (${ALLIANCE_LAS})
       AND fp.start_date BETWEEN ${toMonth} AND ${MONTH_END(toMonth)} AND p.id = fp.id`,
  );
  const sets = [`(g.la, ${keys.map((k) => `g.${k}`).join(', ')})`, `(${totalKeys.map((k) => `g.${k}`).join(', ')})`].join(', ');
  const select = ['g.la', ...keys.map((k) => `g.${k}`), `grouping(g.la) = 1 AS total`].join(', ');
  return `
    WITH ${MONTHS},
    groups AS (
      ${rollupGroups(dimension, `g.placed_month <= ${toMonth}`, `(${toIsMonthEnd} OR g.placed_month IS DISTINCT FROM ${toMonth})`)}
      UNION ALL ${rawGroups(dimension, referralFacts(RAW_SOURCE), 'f.start_date <= $3::date')}
      UNION ALL ${rawGroups(dimension, splitMonth, 'f.start_date <= $3::date')}
    ),
    medians AS (
      SELECT ${select}, percentile_cont(0.5) WITHIN GROUP (ORDER BY d) AS median
        FROM groups g CROSS JOIN LATERAL unnest(g.days) d WHERE g.placed
       GROUP BY GROUPING SETS (${sets})
    ),
    figures AS (${figures(`GROUPING SETS (${sets})`, select)})
    SELECT f.*, m.median FROM figures f
      LEFT JOIN medians m ON m.total = f.total AND m.la IS NOT DISTINCT FROM f.la
       AND ${keys.map((k) => `m.${k} IS NOT DISTINCT FROM f.${k}`).join(' AND ')}`;
}

/**
 * Demand for the alliance $1 by month made in ($2..$3) and placement type: each month's referrals
 * and those placed by the month's end (or $3, if sooner).
 */
export function monthlyDemand(): string {
  const monthEnd = MONTH_END('f.month');
  return `
    WITH ${MONTHS},
    groups AS (
      ${rollupGroups(BY_TYPE_AND_BAND, 'g.placed_month <= g.month')}
      UNION ALL ${rawGroups(BY_TYPE_AND_BAND, referralFacts(RAW_SOURCE), `f.start_date <= least(${monthEnd}, $3::date)`)}
    )
    ${figures('g.month, g.type', `to_char(g.month, 'YYYY-MM') AS month, g.type`)}
    ORDER BY 1, 2`;
}
