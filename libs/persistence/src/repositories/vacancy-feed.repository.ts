import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type MatchVacancy, REMATCHABLE } from '@app/domain';
import { CHANGE_HORIZON } from './candidate-source';
import { GREAT_CIRCLE_MILES } from './distance-sql';
import { providerStability, toMatchVacancy, VACANCY_COLUMNS, type VacancyRow } from './match-rows';
import { poolOf, withClientTransaction } from './pool-client';
import { vacancyStatus } from './status-sql';

/**
 * The open vacancies as the worker's vacancy index loads them, and the referrals a change to some
 * of them could re-rank. (A run reads the changes since its index's cursor through its
 * CandidateSource, in the run's own transaction.)
 */
@Injectable()
export class VacancyFeedRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Every open vacancy, in batches, read in one snapshot; returns that snapshot's horizon (the
   * oldest transaction still running), from which `changesSince` carries on.
   */
  async loadOpenVacancies(batchSize: number, onBatch: (vacancies: MatchVacancy[]) => void): Promise<string> {
    return withClientTransaction(
      poolOf(this.dataSource),
      async (client) => {
        const { rows } = await client.query(`SELECT ${CHANGE_HORIZON} AS cursor`);
        // Every provider's stability once, in the same snapshot, rather than again for each batch.
        const stability = await client.query<{ provider_id: string; provider_stability: number | null }>(providerStability(null));
        const stabilityOf = new Map(stability.rows.map((row) => [row.provider_id, row.provider_stability]));
        let after = '00000000-0000-0000-0000-000000000000';
        for (;;) {
          const batch = await client.query<Omit<VacancyRow, 'provider_stability'>>({
            name: 'matching-load-open',
            text: `SELECT ${VACANCY_COLUMNS} FROM vacancies WHERE status = ${vacancyStatus('open')} AND id > $1 ORDER BY id LIMIT $2`,
            values: [after, batchSize],
          });
          if (batch.rows.length > 0) {
            onBatch(batch.rows.map((row) => toMatchVacancy({ ...row, provider_stability: stabilityOf.get(row.provider_id) ?? null })));
          }
          if (batch.rows.length < batchSize) break;
          after = batch.rows[batch.rows.length - 1].id;
        }
        return rows[0].cursor;
      },
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    );
  }

  /**
   * Referrals awaiting placement (or their first match) whose shortlist a change to these vacancies could alter: those the
   * vacancy is on now, and those it could now be eligible for by type, age on the required date and
   * maximum distance (a loose great-circle check; the re-match itself is exact).
   */
  async referralsAffectedBy(vacancyIds: readonly string[]): Promise<{ id: string; urgency: string }[]> {
    const { rows } = await poolOf(this.dataSource).query<{ id: string; urgency: string }>({
      name: 'matching-affected-referrals',
      text: `SELECT DISTINCT r.id, r.urgency
               FROM referrals r
               JOIN children c ON c.id = r.child_id
               JOIN postcode_districts d ON d.district = c.home_district
               JOIN vacancies v ON v.id = ANY($1::uuid[])
              -- submitted too: its first match may be running on data from before this change. The
              -- re-match's claim then waits for that run's row lock and matches again after it.
              WHERE r.status = ANY($2::text[])
                AND (
                  EXISTS (SELECT 1 FROM referral_matches m WHERE m.referral_id = r.id AND m.vacancy_id = v.id)
                  OR (v.status = ${vacancyStatus('open')}
                      AND v.placement_type = ANY(r.placement_types)
                      AND date_part('year', age(r.required_by, c.date_of_birth)) BETWEEN v.age_min AND v.age_max
                      AND (r.max_distance_miles IS NULL OR
                           ${GREAT_CIRCLE_MILES('d.latitude', 'd.longitude', 'v.latitude', 'v.longitude')} <= r.max_distance_miles + 1)))
              ORDER BY r.id`,
      values: [vacancyIds, REMATCHABLE],
    });
    return rows;
  }
}
