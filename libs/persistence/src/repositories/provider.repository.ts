import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ProviderSector } from '@app/domain';
import { type AuditActor, recordAudit } from './audit.repository';
import { containing, type Page, readPage, startingWith } from './page';

/** A provider as admins list it: its own Ofsted URN, those its settings are registered under, and how many settings. */
export interface ProviderListItem {
  id: string;
  name: string;
  sector: ProviderSector;
  ofstedUrn: string | null;
  settingOfstedUrns: string[];
  settingCount: number;
  createdAt: Date;
}

export type ProviderUpdateResult =
  | { kind: 'updated'; provider: ProviderListItem }
  | { kind: 'not_found' }
  /** Another provider holds the URN, as its own or as one of its settings'. */
  | { kind: 'urn_held' };

const PROVIDER_COLUMNS = `p.id, p.name, p.sector, p.ofsted_urn AS "ofstedUrn", p.created_at AS "createdAt",
  (SELECT count(*)::int FROM settings s WHERE s.provider_id = p.id) AS "settingCount",
  ARRAY(SELECT DISTINCT s.ofsted_urn FROM settings s WHERE s.provider_id = p.id AND s.ofsted_urn IS NOT NULL ORDER BY 1) AS "settingOfstedUrns"`;

/** Providers for the platform's admins: a searchable list, and their name and Ofsted registration. */
@Injectable()
export class ProviderRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** By name; `search` finds part of the name, any case, or the start of an Ofsted URN the provider or one of its settings holds. */
  list(filter: { search?: string }, page: { limit: number; offset: number }): Promise<Page<ProviderListItem>> {
    const params = filter.search ? [containing(filter.search), startingWith(filter.search.toUpperCase())] : [];
    const where = filter.search
      ? `WHERE p.name ILIKE $1 OR p.ofsted_urn LIKE $2
            OR EXISTS (SELECT 1 FROM settings s WHERE s.provider_id = p.id AND s.ofsted_urn LIKE $2)`
      : '';
    return readPage<ProviderListItem>(
      this.dataSource,
      { select: PROVIDER_COLUMNS, from: `FROM providers p ${where}`, orderBy: 'p.name, p.id', params },
      page,
    );
  }

  find(id: string): Promise<ProviderListItem | null> {
    return findProvider(this.dataSource.manager, id);
  }

  /**
   * Renames the provider and/or sets its own Ofsted URN (null removes it), and records who did it in
   * the audit trail, in one transaction. A URN belongs to one provider: concurrent links of the same
   * URN are serialised, and one that another provider holds is refused.
   */
  async update(id: string, changes: { name?: string; ofstedUrn?: string | null }, actor: AuditActor): Promise<ProviderUpdateResult> {
    return this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query(`SELECT id FROM providers WHERE id = $1 FOR UPDATE`, [id]);
      if (!current) return { kind: 'not_found' };
      const urn = changes.ofstedUrn;
      if (urn) {
        await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('ofsted_urn:' || $1, 0))`, [urn]);
        const [holder] = await manager.query(
          `SELECT id FROM providers WHERE ofsted_urn = $1 AND id <> $2
           UNION ALL SELECT provider_id FROM settings WHERE ofsted_urn = $1 AND provider_id <> $2
           LIMIT 1`,
          [urn, id],
        );
        if (holder) return { kind: 'urn_held' };
      }
      await manager.query(
        `UPDATE providers SET name = coalesce($2, name), ofsted_urn = CASE WHEN $3 THEN $4 ELSE ofsted_urn END, updated_at = now()
          WHERE id = $1`,
        [id, changes.name ?? null, urn !== undefined, urn ?? null],
      );
      await recordAudit(manager, actor, 'update_provider', [{ entityType: 'provider', entityId: id, referralId: null }]);
      return { kind: 'updated', provider: (await findProvider(manager, id))! };
    });
  }
}

async function findProvider(manager: EntityManager, id: string): Promise<ProviderListItem | null> {
  const [row] = await manager.query(`SELECT ${PROVIDER_COLUMNS} FROM providers p WHERE p.id = $1`, [id]);
  return row ?? null;
}
