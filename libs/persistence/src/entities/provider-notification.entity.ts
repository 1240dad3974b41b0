import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { ProviderEntity } from './provider.entity';
import { ReferralEntity } from './referral.entity';
import { VacancyEntity } from './vacancy.entity';

/**
 * An alert for a provider: one of its vacancies was shortlisted for an emergency referral. Written
 * in the matching transaction, once per referral and vacancy however often the referral is
 * re-matched; delivered to the provider's webhook by the notify-provider queue.
 */
@Entity('provider_notifications')
@Unique('provider_notifications_once', ['referralId', 'vacancyId', 'event'])
@Index('provider_notifications_by_provider', ['providerId', 'createdAt'])
export class ProviderNotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  providerId: string;

  @ManyToOne(() => ProviderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id' })
  provider?: ProviderEntity;

  @Column({ type: 'uuid' })
  referralId: string;

  @ManyToOne(() => ReferralEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'referral_id' })
  referral?: ReferralEntity;

  @Column({ type: 'uuid' })
  vacancyId: string;

  @ManyToOne(() => VacancyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'vacancy_id' })
  vacancy?: VacancyEntity;

  /** `referral.shortlisted`. */
  @Column({ type: 'text' })
  event: string;

  @Column({ type: 'text' })
  urgency: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** When a delivery was queued: at the match if the provider had a webhook, or when it registered one. */
  @Column({ type: 'timestamptz', nullable: true })
  queuedAt: Date | null;

  /** When the last retry failed: the provider never answered 2xx. */
  @Column({ type: 'timestamptz', nullable: true })
  failedAt: Date | null;

  /** When the provider's webhook answered 2xx. */
  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  /** Not sent: the referral stopped being one the provider may see (withdrawn, placed, re-ranked away). */
  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** The last failure: an HTTP status or an error class, never a response body. */
  @Column({ type: 'text', nullable: true })
  lastError: string | null;
}
