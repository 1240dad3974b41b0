import type { PoolClient } from 'pg';
import { ageInYears, neededOn } from '@app/domain';
import type { LatLonBox, MatchReferral, MatchVacancy } from '@app/domain';
import { toMatchVacancy, VACANCY_COLUMNS, withProviderStability, type VacancyRow } from './match-rows';
import { vacancyStatus } from './status-sql';

/** Reads the open vacancies for one claimed referral, inside its matching transaction. */
export interface CandidateSource {
  /**
   * Open vacancies passing the hard constraints SQL can check on indexed columns (placement type,
   * age, availability, beds, emergency readiness, gender, rating), inside the box if one is given.
   * A superset of the eligible ones inside the box: the domain decides.
   */
  candidates(box: LatLonBox | null): Promise<MatchVacancy[]>;
  /**
   * The `limit` open vacancies nearest the child's home, any fit, ordered by the index's plane
   * distance (within 10% of great-circle miles across England; nothing else in the ORDER BY, or
   * the nearest-first GiST scan is lost); `reachMiles` is the last one's plane distance. Which of
   * several vacancies tied at exactly `reachMiles` come back is arbitrary; callers read past it.
   */
  nearest(limit: number): Promise<{ vacancies: MatchVacancy[]; reachMiles: number }>;
  /**
   * Every vacancy changed since `cursor` (a horizon from `loadOpenVacancies` or an earlier call),
   * inside this transaction; some seen before may come again.
   */
  changesSince(cursor: string): Promise<VacancyChangeBatch>;
}

/** Vacancies changed since a point in the change feed, any status, in change number order. */
export interface VacancyChangeBatch {
  /** `changeSeq` orders versions of one vacancy: the higher is the newer. */
  vacancies: { vacancy: MatchVacancy; changeSeq: string }[];
  /** Where the next read carries on: a transaction id, as text, that only ever grows. */
  cursor: string;
}

/**
 * Longitude is scaled by cos(52.4°), the middle of England, in the GiST index on open vacancies'
 * locations; the expression here must match the index's exactly for the planner to use it.
 */
const PLANE_POINT = 'point(longitude * 0.61, latitude)';
const MILES_PER_DEGREE_OF_LATITUDE = 69.05;

/**
 * The oldest transaction still running in this statement's snapshot, as a bigint in text: where a
 * reader of vacancy changes carries on (see `vacancies.change_xid` and `changesSince`).
 */
export const CHANGE_HORIZON = `pg_snapshot_xmin(pg_current_snapshot())::text`;

/**
 * The candidate reads of one claimed referral on its matching transaction's client: the hard
 * constraints SQL can check, from the referral's child, age, dates and urgency.
 */
export function candidateSource(client: PoolClient, referral: MatchReferral): CandidateSource {
  const emergency = referral.urgency === 'emergency';
  const age = ageInYears(referral.child.dateOfBirth, referral.requiredBy);
  const filter = [
    referral.placementTypes,
    age,
    neededOn(referral),
    referral.child.siblingGroupSize,
    emergency,
    referral.child.gender,
    referral.freshFrom ?? null,
  ];
  // An emergency takes only beds confirmed lately: a stale one is not emergency-ready (libs/domain staleness).
  const conditions = `status = ${vacancyStatus('open')} AND placement_type = ANY($1::text[]) AND age_min <= $2 AND age_max >= $2
    AND available_from <= $3::date AND (available_until IS NULL OR available_until >= $3::date)
    AND beds >= GREATEST($4::int, 1) AND $6::text = ANY(genders)
    AND (NOT $5::boolean OR (emergency_ready AND ($7::date IS NULL OR confirmed_at >= ($7::date::timestamp AT TIME ZONE 'Europe/London'))))
    AND ofsted_grade <> 'inadequate'`;
  const home = referral.child.home;
  return {
    candidates: async (box) => {
      const { rows } = box
        ? await client.query<VacancyRow>({
            name: 'matching-candidates-in-box',
            text: withProviderStability(`SELECT ${VACANCY_COLUMNS} FROM vacancies WHERE ${conditions}
                     AND latitude BETWEEN $8 AND $9 AND longitude BETWEEN $10 AND $11`),
            values: [...filter, box.minLatitude, box.maxLatitude, box.minLongitude, box.maxLongitude],
          })
        : await client.query<VacancyRow>({
            name: 'matching-candidates',
            text: withProviderStability(`SELECT ${VACANCY_COLUMNS} FROM vacancies WHERE ${conditions}`),
            values: filter,
          });
      return rows.map(toMatchVacancy);
    },
    changesSince: async (cursor) => {
      // Every transaction below the cursor had finished when it was taken, so none of them can
      // commit a change after it: a row this misses would have to come from a transaction at or
      // above it, which this reads. The new horizon comes from the same statement, so from the
      // same snapshot as the rows; the one row with no vacancy carries it when nothing changed.
      // Ordered by the number, not its text (by which '10' comes before '9').
      const { rows } = await client.query<(VacancyRow & { change_seq: string; horizon: string }) | { id: null; horizon: string }>({
        name: 'matching-changes-since',
        text: `SELECT changed.*, ${CHANGE_HORIZON} AS horizon
                 FROM (SELECT 1) AS one
                 LEFT JOIN (${withProviderStability(
                   `SELECT ${VACANCY_COLUMNS}, change_seq::text AS change_seq FROM vacancies WHERE change_xid >= $1::bigint`,
                 )}) AS changed ON true
                ORDER BY changed.change_seq::bigint`,
        values: [cursor],
      });
      const changed = rows.filter((row): row is VacancyRow & { change_seq: string; horizon: string } => row.id !== null);
      return {
        vacancies: changed.map((row) => ({ vacancy: toMatchVacancy(row), changeSeq: row.change_seq })),
        cursor: rows[0].horizon,
      };
    },
    nearest: async (limit) => {
      const { rows } = await client.query<VacancyRow & { plane: number }>({
        name: 'matching-nearest',
        // The nearest-first scan stays alone in the inner query; stability joins the few it returns.
        text: withProviderStability(
          `SELECT ${VACANCY_COLUMNS}, ${PLANE_POINT} <-> point($1 * 0.61, $2) AS plane
             FROM vacancies WHERE status = ${vacancyStatus('open')}
            ORDER BY ${PLANE_POINT} <-> point($1 * 0.61, $2) LIMIT $3`,
          'ORDER BY v.plane',
        ),
        values: [home.longitude, home.latitude, limit],
      });
      return {
        vacancies: rows.map(toMatchVacancy),
        reachMiles: rows.length > 0 ? rows[rows.length - 1].plane * MILES_PER_DEGREE_OF_LATITUDE : 0,
      };
    },
  };
}
