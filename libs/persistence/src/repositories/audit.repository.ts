import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface AuditEvent {
  userId: string | null;
  role: string;
  /** An LA code, a provider id, an alliance id, or `platform`. */
  organisation: string;
  action: string;
  entityType: string;
  entityId: string;
  requestId: string | null;
}

/** The append-only record of who read or was shown what. */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One row per entity, in one statement. */
  async record(event: Omit<AuditEvent, 'entityId'>, entityIds: readonly string[]): Promise<void> {
    if (entityIds.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO audit_log (user_id, role, organisation, action, entity_type, entity_id, request_id)
       SELECT $1, $2, $3, $4, $5, unnest($6::text[]), $7`,
      [event.userId, event.role, event.organisation, event.action, event.entityType, entityIds, event.requestId],
    );
  }
}
