import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProviderEntity } from './provider.entity';
import { ReferralEntity } from './referral.entity';
import { UserEntity } from './user.entity';

/**
 * A referral sent to a provider: from then on the provider sees its anonymised summary while one of
 * its vacancies is on the shortlist, and may offer or decline. Once per referral and provider;
 * never rewritten or deleted (a trigger refuses both), since what a provider was sent cannot be
 * unsent: a re-match that drops the provider leaves the record as it was.
 */
@Entity('referral_recipients')
export class ReferralRecipientEntity {
  @PrimaryColumn({ type: 'uuid' })
  referralId: string;

  @ManyToOne(() => ReferralEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'referral_id' })
  referral?: ReferralEntity;

  @PrimaryColumn({ type: 'uuid' })
  providerId: string;

  @ManyToOne(() => ProviderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id' })
  provider?: ProviderEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  sentAt: Date;

  /** The placement officer who sent it; null when matching sent it by the alliance's rule. */
  @Column({ type: 'uuid', nullable: true })
  sentByUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sent_by_user_id' })
  sentBy?: UserEntity;

  /** The provider's vacancies on the shortlist when it was sent, best first. */
  @Column({ type: 'uuid', array: true })
  vacancyIds: string[];

  /** The best of their ranks on that shortlist (1 for the top). */
  @Column({ type: 'smallint' })
  bestRank: number;
}
