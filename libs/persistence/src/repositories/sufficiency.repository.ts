import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isNeedCode, NEED_CODES, type AgeBand, AWAITING_PLACEMENT } from '@app/domain';
import { BY_BAND_SUPPLY, BY_NEED_SUPPLY, liveSupply, periodQuery, totalBeds, type SupplySource } from './supply-sql';
import { ALLIANCE_LAS, AGE_BAND_ORDER, BY_NEED, BY_TYPE_AND_BAND, monthlyDemand, periodDemand } from './sufficiency-sql';

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
  /**
   * Beds open in settings of the LA, of the type, taking the age band, on the day the period's
   * supply source names: for a period that has ended, its last nightly snapshot; for one that has
   * not, today's vacancies. Null when the period has ended and no snapshot was taken within it.
   */
  openBeds: number | null;
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

/** Demand against supply for one LA and need over a period: the same figures, by need. */
export interface NeedSufficiencyRow extends SufficiencyTotals {
  localAuthorityCode: string;
  needCode: string;
}

export type NeedSufficiencyTotals = Omit<NeedSufficiencyRow, 'localAuthorityCode'>;

/** One month of demand, supply and gap across the alliance. */
export interface SufficiencyMonth {
  /** YYYY-MM. */
  month: string;
  /** Referrals made in the month. */
  referrals: number;
  /** Of those, placed by the month's end (or the period's, if sooner). */
  placed: number;
  placedWithinAlliance: number;
  /** referrals - placedWithinAlliance. */
  gap: number;
  /** Beds open on the month's last day (or the period's); null when no snapshot was taken that month. */
  openBeds: number | null;
  /** The day those beds were counted on, and whether from the vacancies now or a snapshot. */
  supply: SupplySource | null;
}

/** Referrals made in one month under one placement type (the forecast's history). */
export interface MonthlyDemand {
  month: string;
  placementType: string;
  referrals: number;
  /** Placed by the month's end (or the period's, if sooner). */
  placed: number;
  /** Of those, in a setting of the alliance's LAs. */
  within: number;
}

const NO_DEMAND: DemandFigures = {
  la: null,
  total: true,
  referrals: 0,
  placed: 0,
  within: 0,
  out_of_area: 0,
  over_20: 0,
  median: null,
  mean_cost: null,
  beds: 0,
};

interface DemandFigures {
  la: string | null;
  total: boolean;
  referrals: number | null;
  placed: number | null;
  within: number | null;
  out_of_area: number | null;
  over_20: number | null;
  median: number | null;
  mean_cost: number | null;
  beds: number | null;
}

/** The contract's figures from a demand row and its open beds (null when the supply is not known). */
function toFigures(row: DemandFigures, supply: SupplySource | null): SufficiencyTotals {
  const referrals = row.referrals ?? 0;
  const placed = row.placed ?? 0;
  return {
    referrals,
    placed,
    unplaced: referrals - placed,
    openBeds: supply === null ? null : (row.beds ?? 0),
    gap: referrals - (row.within ?? 0),
    placedOutOfArea: row.out_of_area ?? 0,
    placedOver20Miles: row.over_20 ?? 0,
    medianDaysToPlace: row.median,
    meanWeeklyCost: row.mean_cost,
  };
}

/**
 * Sufficiency for an alliance: demand from the rollups (for whole months they serve) and the raw
 * tables (for the rest), supply from the vacancies or the nightly snapshots.
 */
@Injectable()
export class SufficiencyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Step-down referrals of the alliance's LAs still open after their required-by day (`today` and
   * later are not overdue), most overdue first, each with the emergency placement it should end.
   */
  async overdueStepDowns(allianceId: string, today: string): Promise<OverdueStepDown[]> {
    return this.dataSource.query(
      `SELECT s.id AS "stepDownReferralId", s.follows_referral_id AS "emergencyReferralId",
              s.local_authority_code AS "localAuthorityCode", s.status,
              to_char(s.required_by, 'YYYY-MM-DD') AS "requiredBy", ($2::date - s.required_by) AS "daysOverdue",
              CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object(
                'id', p.id, 'startDate', to_char(p.start_date, 'YYYY-MM-DD'), 'settingName', st.name,
                'providerName', pr.name, 'weeklyCost', p.weekly_cost) END AS "emergencyPlacement"
         FROM referrals s
         JOIN referrals e ON e.id = s.follows_referral_id
         LEFT JOIN placements p ON p.id = e.placement_id
         LEFT JOIN settings st ON st.id = p.setting_id
         LEFT JOIN providers pr ON pr.id = p.provider_id
        WHERE s.local_authority_code IN (${ALLIANCE_LAS})
          AND s.status = ANY($3::text[])
          AND s.required_by < $2::date
        ORDER BY s.required_by, s.id`,
      [allianceId, today, AWAITING_PLACEMENT],
    );
  }

  async exists(allianceId: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM alliances WHERE id = $1`, [allianceId]);
    return rows.length > 0;
  }

  /**
   * Where the open beds of the period `from`..`to` come from. One not over yet (ending today or
   * later) has today's: the vacancies as they are now. One that has ended has the last snapshot
   * taken within it; none when no snapshot was (the vacancies now say nothing of a past day).
   */
  async supplySource(from: string, to: string, today: string): Promise<SupplySource | null> {
    if (to >= today) return { source: 'live', asOf: today };
    const [row] = await this.dataSource.query(
      `SELECT to_char(max(day), 'YYYY-MM-DD') AS day FROM supply_snapshots WHERE day BETWEEN $1 AND $2`,
      [from, to],
    );
    return row?.day ? { source: 'snapshot', asOf: row.day } : null;
  }

  /**
   * Sufficiency by LA, placement type and age band over the period, and totals: demand from the
   * rollups where they serve, else the raw tables; equal, figure for figure, to the raw-table
   * oracle its tests compare with (`sufficiencyFromRawTables`, libs/testing).
   */
  async compute(
    allianceId: string,
    from: string,
    to: string,
    supply: SupplySource | null,
  ): Promise<{ rows: SufficiencyRow[]; totals: SufficiencyTotals }> {
    const { params, supplySql } = periodQuery(allianceId, from, to, supply, BY_BAND_SUPPLY);
    const rows: (DemandFigures & { type: string; band: AgeBand })[] = await this.dataSource.query(
      `WITH demand AS (${periodDemand(BY_TYPE_AND_BAND, [])}),
            supply AS (SELECT la, type, band, sum(beds)::int AS beds FROM (${supplySql}) s GROUP BY la, type, band)
       SELECT * FROM (
         SELECT coalesce(d.la, s.la) AS la, coalesce(d.type, s.type) AS type, coalesce(d.band, s.band) AS band, false AS total,
                d.referrals, d.placed, d.within, d.out_of_area, d.over_20, d.median, d.mean_cost, s.beds
           FROM (SELECT * FROM demand WHERE NOT total) d
           FULL JOIN supply s ON s.la = d.la AND s.type = d.type AND s.band = d.band
         UNION ALL
         SELECT NULL, NULL, NULL, true, d.referrals, d.placed, d.within, d.out_of_area, d.over_20, d.median, d.mean_cost,
                ${totalBeds(supplySql)}
           FROM demand d WHERE d.total) x
       ORDER BY total, la, type, array_position(${AGE_BAND_ORDER}, band)`,
      params,
    );
    const total = rows.find((row) => row.total);
    return {
      rows: rows
        .filter((row) => !row.total)
        .map((row) => ({ localAuthorityCode: row.la as string, placementType: row.type, ageBand: row.band, ...toFigures(row, supply) })),
      totals: toFigures(total as DemandFigures, supply),
    };
  }

  /**
   * The same figures by LA and need, for the needs of the children referred and of the beds open,
   * with totals for every need of the taxonomy (zeros where neither had it), in its order.
   */
  async computeByNeed(
    allianceId: string,
    from: string,
    to: string,
    supply: SupplySource | null,
  ): Promise<{ rows: NeedSufficiencyRow[]; totals: NeedSufficiencyTotals[] }> {
    const { params, supplySql } = periodQuery(allianceId, from, to, supply, BY_NEED_SUPPLY);
    const rows: (DemandFigures & { need: string })[] = await this.dataSource.query(
      `WITH demand AS (${periodDemand(BY_NEED, ['need'])}),
            supply AS (${supplySql})
       SELECT coalesce(d.la, s.la) AS la, coalesce(d.need, s.need) AS need, false AS total,
              d.referrals, d.placed, d.within, d.out_of_area, d.over_20, d.median, d.mean_cost, s.beds
         FROM (SELECT * FROM demand WHERE NOT total AND need IS NOT NULL) d
         FULL JOIN supply s ON s.la = d.la AND s.need = d.need
       UNION ALL
       SELECT NULL, coalesce(d.need, s.need), true, d.referrals, d.placed, d.within, d.out_of_area, d.over_20, d.median, d.mean_cost, s.beds
         FROM (SELECT * FROM demand WHERE total AND need IS NOT NULL) d
         FULL JOIN (SELECT need, sum(beds)::int AS beds FROM supply GROUP BY need) s ON s.need = d.need`,
      params,
    );
    const totals = new Map(rows.filter((row) => row.total).map((row) => [row.need, row]));
    // Codes outside today's taxonomy (a need since renamed) keep their figures, after the taxonomy's.
    const needCodes = [...NEED_CODES, ...[...totals.keys()].filter((code) => !isNeedCode(code)).sort()];
    const order = new Map(needCodes.map((code, index) => [code, index]));
    const byLa = rows
      .filter((row) => !row.total)
      .sort((a, b) => (a.la as string).localeCompare(b.la as string) || order.get(a.need)! - order.get(b.need)!);
    return {
      rows: byLa.map((row) => ({ localAuthorityCode: row.la as string, needCode: row.need, ...toFigures(row, supply) })),
      totals: needCodes.map((needCode) => ({ needCode, ...toFigures(totals.get(needCode) ?? NO_DEMAND, supply) })),
    };
  }

  /** Referrals by month made and first placement type over $from..$to, from the rollups where they serve. */
  async monthlyDemand(allianceId: string, from: string, to: string): Promise<MonthlyDemand[]> {
    const rows: { month: string; type: string; referrals: number; placed: number; within: number }[] = await this.dataSource.query(
      monthlyDemand(),
      [allianceId, from, to],
    );
    return rows.map((row) => ({ month: row.month, placementType: row.type, referrals: row.referrals, placed: row.placed, within: row.within }));
  }

  /**
   * Month by month over $from..$to: referrals, placed by the month's end, gap, and the beds open on
   * its last day (the vacancies now for a month not yet over, else that month's last snapshot); of
   * one placement type (referrals by their first) when one is given.
   */
  async trend(allianceId: string, from: string, to: string, today: string, placementType: string | null = null): Promise<SufficiencyMonth[]> {
    const [allDemand, supply] = await Promise.all([
      this.monthlyDemand(allianceId, from, to),
      this.dataSource.query(
        `WITH ends AS (
           SELECT m::date AS month, least((m + interval '1 month - 1 day')::date, $3::date) AS last
             FROM generate_series(date_trunc('month', $2::date), $3::date, interval '1 month') m),
         days AS (
           SELECT e.month, e.last, e.last >= $4::date AS live,
                  (SELECT max(day) FROM supply_snapshots ss WHERE ss.day BETWEEN greatest(e.month, $2::date) AND e.last) AS day
             FROM ends e),
         live AS (SELECT ${totalBeds(`SELECT * FROM (${liveSupply('$4')}) u WHERE $5::text IS NULL OR u.type = $5`)} AS beds)
         SELECT to_char(d.month, 'YYYY-MM') AS month, d.live,
                to_char(CASE WHEN d.live THEN $4::date ELSE d.day END, 'YYYY-MM-DD') AS "asOf",
                CASE WHEN d.live THEN (SELECT beds FROM live)
                     WHEN d.day IS NOT NULL THEN (SELECT coalesce(sum(beds), 0)::int FROM supply_snapshots ss
                                                   WHERE ss.day = d.day AND ss.local_authority_code IN (${ALLIANCE_LAS})
                                                     AND ($5::text IS NULL OR ss.placement_type = $5))
                END AS beds
           FROM days d ORDER BY d.month`,
        [allianceId, from, to, today, placementType],
      ) as Promise<{ month: string; live: boolean; asOf: string | null; beds: number | null }[]>,
    ]);
    const demand = placementType ? allDemand.filter((row) => row.placementType === placementType) : allDemand;
    return supply.map(({ month, live, asOf, beds }) => {
      const rows = demand.filter((row) => row.month === month);
      const referrals = rows.reduce((sum, row) => sum + row.referrals, 0);
      const placedWithinAlliance = rows.reduce((sum, row) => sum + row.within, 0);
      return {
        month,
        referrals,
        placed: rows.reduce((sum, row) => sum + row.placed, 0),
        placedWithinAlliance,
        gap: referrals - placedWithinAlliance,
        openBeds: beds,
        supply: asOf ? { source: live ? 'live' : 'snapshot', asOf } : null,
      };
    });
  }

  /**
   * The first whole month of the alliance's history: the month of its earliest referral if that was
   * made on the 1st, else the month after (the month it started in is partial). Null with none.
   */
  async firstWholeMonth(allianceId: string): Promise<string | null> {
    const [row] = await this.dataSource.query(
      `SELECT to_char(CASE WHEN extract(day FROM first) = 1 THEN first ELSE date_trunc('month', first) + interval '1 month' END, 'YYYY-MM-DD') AS month
         FROM (SELECT min(created_at AT TIME ZONE 'Europe/London')::date AS first
                 FROM referrals WHERE local_authority_code IN (${ALLIANCE_LAS})) f`,
      [allianceId],
    );
    return row?.month ?? null;
  }
}

/** An emergency placement whose planned step-down is still waiting after the day it was needed by. */
export interface OverdueStepDown {
  stepDownReferralId: string;
  emergencyReferralId: string;
  localAuthorityCode: string;
  status: string;
  requiredBy: string;
  daysOverdue: number;
  emergencyPlacement: { id: string; startDate: string; settingName: string; providerName: string; weeklyCost: number } | null;
}
