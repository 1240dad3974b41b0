import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BY_NEED, BY_TYPE_AND_BAND, rebuildRollup } from './sufficiency-sql';

/** How many LA-months one rebuild transaction takes. */
const REBUILD_BATCH = 200;

/** Held while rollups are rebuilt, so two rebuilds never interleave their deletes and inserts. */
const REBUILD_LOCK = `hashtext('sufficiency-rollup-rebuild')`;

/**
 * The sufficiency rollups: demand by LA-month, rebuilt from the raw tables for the months that
 * writes to referrals and placements have marked stale.
 */
@Injectable()
export class SufficiencyRollupRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Rebuilds the rollup rows of stale LA-months from the raw tables, `REBUILD_BATCH` at a time,
   * each batch in one transaction: remove the marks of its months, then delete their rows and
   * insert them again. Safe to run twice or at once (the second waits its turn, then finds nothing
   * or rebuilds the same rows).
   */
  async rebuildStaleMonths(): Promise<{ months: number; remaining: number }> {
    // As many batches as the months marked now take: a month written again and again meanwhile
    // stays marked for the next run instead of keeping this one going.
    const marked = await this.staleMonthCount();
    const batches = Math.ceil(marked / REBUILD_BATCH);
    let months = 0;
    for (let batch = 0; batch < batches; batch += 1) {
      const rebuilt = await this.dataSource.transaction(async (manager) => {
        await manager.query(`SELECT pg_advisory_xact_lock(${REBUILD_LOCK})`);
        // The marks go first, in one statement: each write whose mark this removes had committed
        // before it, so the rebuild below (later statements, later snapshots) reads that write. A
        // mark committed after it is not removed, and keeps its month stale for the next run.
        const stale: { la: string; month: string }[] = await manager.query(
          `WITH batch AS (
             SELECT DISTINCT local_authority_code AS la, month FROM sufficiency_stale_marks
              ORDER BY month, la LIMIT ${REBUILD_BATCH}),
           cleared AS (
             DELETE FROM sufficiency_stale_marks st USING batch b WHERE st.local_authority_code = b.la AND st.month = b.month)
           SELECT la, to_char(month, 'YYYY-MM-DD') AS month FROM batch`,
        );
        if (stale.length === 0) return 0;
        const params = [stale.map((row) => row.la), stale.map((row) => row.month)];
        for (const dimension of [BY_TYPE_AND_BAND, BY_NEED]) {
          await manager.query(
            `DELETE FROM ${dimension.rollup} g USING unnest($1::text[], $2::date[]) AS b(la, month)
              WHERE g.local_authority_code = b.la AND g.month = b.month`,
            params,
          );
          await manager.query(rebuildRollup(dimension), params);
        }
        return stale.length;
      });
      if (rebuilt === 0) break;
      months += rebuilt;
    }
    return { months, remaining: await this.staleMonthCount() };
  }

  /** How many LA-months are marked stale (each may have many marks). */
  private async staleMonthCount(): Promise<number> {
    const [{ months }] = await this.dataSource.query(
      `SELECT count(*)::int AS months FROM (SELECT DISTINCT local_authority_code, month FROM sufficiency_stale_marks) m`,
    );
    return months;
  }

  /** Marks every LA-month with referrals stale, so the next rebuild redoes all history. */
  async markAllStale(): Promise<number> {
    const rows = await this.dataSource.query(
      `INSERT INTO sufficiency_stale_marks (local_authority_code, month)
       SELECT DISTINCT local_authority_code, sufficiency_referral_month(created_at) FROM referrals
       RETURNING 1`,
    );
    return rows.length;
  }
}
