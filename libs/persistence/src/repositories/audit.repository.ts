import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Who did it: the caller as its token says, and the request that carried it. */
export interface AuditActor {
  userId: string | null;
  role: string;
  /** An LA code, a provider id, an alliance id, or `platform`. */
  organisation: string;
  requestId: string | null;
}

/** What was read or disclosed, and the referral whose child it concerns. */
export interface AuditedEntity {
  entityType: 'referral' | 'placement';
  entityId: string;
  referralId: string;
}

/** Reading a child's identifiable record, or showing a provider an anonymised part of it. */
export type AuditAction = 'read_child' | 'disclose_summary' | 'disclose_placement';

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
  async record(actor: AuditActor, action: AuditAction, entities: readonly AuditedEntity[]): Promise<void> {
    if (entities.length === 0) return;
    await this.dataSource.query(
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

  /** Every access to a referral's child, oldest first. */
  forReferral(referralId: string, page: { limit: number; offset: number }): Promise<AuditEntryView[]> {
    return this.dataSource.query(
      `SELECT id, occurred_at AS "occurredAt", user_id AS "userId", role, organisation, action,
              entity_type AS "entityType", entity_id AS "entityId", referral_id AS "referralId", request_id AS "requestId"
         FROM audit_log WHERE referral_id = $1
        ORDER BY occurred_at, id LIMIT $2 OFFSET $3`,
      [referralId, page.limit, page.offset],
    );
  }
}
