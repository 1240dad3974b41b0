import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type AuditActor, recordAudit } from './audit.repository';
import { DuplicateNameError } from './organisation.repository';
import { type Page, readPage } from './page';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from './pg-errors';
import { queueRematches } from './rematch-outbox';
import { returningRows } from './rows';

/** An alliance as admins and its commissioners see it: its name and its member LAs, by name. */
export interface AllianceView {
  id: string;
  name: string;
  localAuthorities: { code: string; name: string; region: string }[];
}

const ALLIANCE_COLUMNS = `a.id, a.name,
  (SELECT coalesce(json_agg(json_build_object('code', la.code, 'name', la.name, 'region', la.region) ORDER BY la.name), '[]'::json)
     FROM alliance_members m JOIN local_authorities la ON la.code = m.local_authority_code
    WHERE m.alliance_id = a.id) AS "localAuthorities"`;

/** Alliances with their members, for listing and changing them. */
@Injectable()
export class AllianceRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** By name; only `onlyId` when given (a commissioner's own alliance). */
  list(filter: { onlyId?: string }, page: { limit: number; offset: number }): Promise<Page<AllianceView>> {
    const params = filter.onlyId ? [filter.onlyId] : [];
    return readPage<AllianceView>(
      this.dataSource,
      { select: ALLIANCE_COLUMNS, from: `FROM alliances a${filter.onlyId ? ' WHERE a.id = $1' : ''}`, orderBy: 'a.name, a.id', params },
      page,
    );
  }

  find(id: string): Promise<AllianceView | null> {
    return findAlliance(this.dataSource.manager, id);
  }

  /**
   * Renames the alliance and/or makes `localAuthorityCodes` its members, records who did it in the
   * audit trail and, since an LA's alliance decides the weights its referrals are matched with, asks
   * for the awaiting referrals of each LA that joined or left to be re-matched: all in one
   * transaction. Null if there is no such alliance; DuplicateNameError if another alliance has the name.
   */
  async update(
    id: string,
    changes: { name?: string; localAuthorityCodes?: string[] },
    actor: AuditActor,
  ): Promise<{ alliance: AllianceView; rematched: number } | null> {
    return this.dataSource.transaction(async (manager) => {
      let updated: unknown[];
      try {
        updated = await returningRows(manager, `UPDATE alliances SET name = coalesce($2, name) WHERE id = $1 RETURNING id`, [
          id,
          changes.name ?? null,
        ]);
      } catch (error) {
        if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw new DuplicateNameError(changes.name);
        throw error;
      }
      if (updated.length === 0) return null;
      let rematched = 0;
      if (changes.localAuthorityCodes) {
        const left = await returningRows<{ code: string }>(
          manager,
          `DELETE FROM alliance_members WHERE alliance_id = $1 AND local_authority_code <> ALL($2::varchar[])
           RETURNING local_authority_code AS code`,
          [id, changes.localAuthorityCodes],
        );
        const joined = await returningRows<{ code: string }>(
          manager,
          `INSERT INTO alliance_members (alliance_id, local_authority_code) SELECT $1, unnest($2::varchar[])
           ON CONFLICT DO NOTHING RETURNING local_authority_code AS code`,
          [id, changes.localAuthorityCodes],
        );
        rematched = await queueRematches(manager, [...left, ...joined].map((row) => row.code));
      }
      await recordAudit(manager, actor, 'update_alliance', [{ entityType: 'alliance', entityId: id, referralId: null }]);
      return { alliance: (await findAlliance(manager, id))!, rematched };
    });
  }
}

async function findAlliance(manager: EntityManager, id: string): Promise<AllianceView | null> {
  const [row] = await manager.query(`SELECT ${ALLIANCE_COLUMNS} FROM alliances a WHERE a.id = $1`, [id]);
  return row ?? null;
}
