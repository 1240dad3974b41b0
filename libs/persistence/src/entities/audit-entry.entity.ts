import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who read or disclosed what, and when. Append-only: a trigger refuses every UPDATE, DELETE and
 * TRUNCATE, whatever the role.
 */
@Entity('audit_log')
@Index('audit_log_entity', ['entityType', 'entityId'])
@Index('audit_log_by_referral', ['referralId', 'occurredAt'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'text' })
  role: string;

  /** The caller's organisation: an LA code, a provider id, an alliance id, or `platform`. */
  @Column({ type: 'text' })
  organisation: string;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  entityType: string;

  @Column({ type: 'text' })
  entityId: string;

  /** The referral whose child the entity concerns, so one query finds every access to a child's data. */
  @Column({ type: 'uuid', nullable: true })
  referralId: string | null;

  @Column({ type: 'text', nullable: true })
  requestId: string | null;
}
