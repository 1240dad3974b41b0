import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_VACANCY_STALE_DAYS } from '@app/domain';
import { returningRows } from './rows';
import { OPEN_ON, supplySnapshotInserts } from './sufficiency-sql';

/** The nightly supply snapshots: the beds open on a day, kept for the reports of periods that have ended. */
@Injectable()
export class SupplySnapshotRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Replaces the snapshot of `day` with the beds open on it, in one transaction: by LA, type, age
   * range and emergency readiness, and by LA, type, need supported and emergency readiness. A bed
   * its provider has not confirmed in `staleDays` counts as open but not emergency-ready, as
   * matching treats it. Running it twice gives the same rows.
   */
  async snapshotSupply(day: string, staleDays = DEFAULT_VACANCY_STALE_DAYS): Promise<{ rows: number; needRows: number }> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM supply_snapshots WHERE day = $1`, [day]);
      await manager.query(`DELETE FROM supply_need_snapshots WHERE day = $1`, [day]);
      const { byRange, byNeed } = supplySnapshotInserts(
        `SELECT $1::date AS day, v.setting_id, v.beds,
                v.emergency_ready AND v.confirmed_at >= (($1::date - $2::int)::timestamp AT TIME ZONE 'Europe/London') AS emergency_ready
           FROM vacancies v WHERE ${OPEN_ON('$1')}`,
      );
      const rows = await returningRows(manager, byRange, [day, staleDays]);
      const needRows = await returningRows(manager, byNeed, [day, staleDays]);
      return { rows: rows.length, needRows: needRows.length };
    });
  }
}
