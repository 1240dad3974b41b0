import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** Who did it: the caller as its token says, and the request that carried it. */
export interface AuditActor {
  userId: string | null;
  role: string;
  /** An LA code, a provider id, an alliance id, or `platform`. */
  organisation: string;
  requestId: string | null;
}

/** What was read, disclosed or changed, and the referral whose child it concerns (none for an organisation). */
export interface AuditedEntity {
  entityType: 'referral' | 'placement' | 'alliance' | 'provider';
  entityId: string;
  referralId: string | null;
}

/**
 * Reading a child's identifiable record, or showing a provider an anonymised part of it; or an
 * admin changing an organisation (an alliance's name or members, a provider's name or Ofsted URN).
 */
export type AuditAction = 'read_child' | 'disclose_summary' | 'disclose_placement' | 'update_alliance' | 'update_provider';

const ENTRY_COLUMNS = `id, occurred_at AS "occurredAt", user_id AS "userId", role, organisation, action,
  entity_type AS "entityType", entity_id AS "entityId", referral_id AS "referralId", request_id AS "requestId"`;

export interface AuditEntryView {
  id: string;
  occurredAt: Date;
  userId: string | null;
  role: string;
  organisation: string;
  action: string;
  entityType: string;
  entityId: string;
  referralId: string | null;
  requestId: string | null;
}

/**
 * The append-only record of who read or was shown what. A trigger in the database refuses every
 * UPDATE, DELETE and TRUNCATE of `audit_log`, whatever role asks.
 */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One row per entity, in one statement. */
  record(actor: AuditActor, action: AuditAction, entities: readonly AuditedEntity[]): Promise<void> {
    return recordAudit(this.dataSource.manager, actor, action, entities);
  }

  /** Every access to a referral's child, oldest first. */
  /**
   * The trail by any of: the referral it concerns, the user who read or was shown it, and England's
   * calendar days from and to (inclusive); oldest first, with how many entries match in all.
   */
  async search(
    filter: { referralId?: string; userId?: string; from?: string; to?: string },
    page: { limit: number; offset: number },
  ): Promise<{ items: AuditEntryView[]; total: number }> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.referralId) add('referral_id = ?', filter.referralId);
    if (filter.userId) add('user_id = ?', filter.userId);
    if (filter.from) add(`occurred_at >= (?::date)::timestamp AT TIME ZONE 'Europe/London'`, filter.from);
    if (filter.to) add(`occurred_at < (?::date + 1)::timestamp AT TIME ZONE 'Europe/London'`, filter.to);
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${ENTRY_COLUMNS} FROM audit_log ${where} ORDER BY occurred_at, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, page.limit, page.offset],
      ),
      this.dataSource.query(`SELECT count(*)::int AS total FROM audit_log ${where}`, params),
    ]);
    return { items, total };
  }

  forReferral(referralId: string, page: { limit: number; offset: number }): Promise<AuditEntryView[]> {
    return this.dataSource.query(
      `SELECT ${ENTRY_COLUMNS}
         FROM audit_log WHERE referral_id = $1
        ORDER BY occurred_at, id LIMIT $2 OFFSET $3`,
      [referralId, page.limit, page.offset],
    );
  }
}

/**
 * Appends entries through `manager`: inside a repository's transaction, the change and its entry are
 * stored together or not at all.
 */
export async function recordAudit(
  manager: EntityManager,
  actor: AuditActor,
  action: AuditAction,
  entities: readonly AuditedEntity[],
): Promise<void> {
  if (entities.length === 0) return;
  await manager.query(
    `INSERT INTO audit_log (user_id, role, organisation, action, entity_type, entity_id, referral_id, request_id)
     SELECT $1, $2, $3, $4, e.entity_type, e.entity_id, e.referral_id, $5
       FROM unnest($6::text[], $7::text[], $8::uuid[]) AS e (entity_type, entity_id, referral_id)`,
    [
      actor.userId,
      actor.role,
      actor.organisation,
      action,
      actor.requestId,
      entities.map((entity) => entity.entityType),
      entities.map((entity) => entity.entityId),
      entities.map((entity) => entity.referralId),
    ],
  );
}
