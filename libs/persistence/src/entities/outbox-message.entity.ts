import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { JobName, JobPayloads } from '@app/jobs';

/**
 * A job to publish, written in the same transaction as the change that calls for it. The relay
 * publishes unsent rows to BullMQ with a job id derived from the row id, then marks them sent, so
 * a crash between the two publishes the same job id again and BullMQ keeps one.
 */
@Entity('outbox')
@Index('outbox_unsent', ['id'], { where: 'sent_at IS NULL' })
// The relay reads the fast lane's rows before any other.
@Index('outbox_unsent_by_queue', ['queueName', 'id'], { where: 'sent_at IS NULL' })
// The sweeper's reads: a referral's latest match row (an expression index, in the migration), and
// the rows published lately.
@Index('outbox_by_referral', { synchronize: false })
@Index('outbox_sent_by_created', ['createdAt'], { where: 'sent_at IS NOT NULL' })
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'text' })
  queueName: string;

  @Column({ type: 'text' })
  jobName: string;

  @Column({ type: 'jsonb' })
  payload: JobPayloads[JobName];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;
}
