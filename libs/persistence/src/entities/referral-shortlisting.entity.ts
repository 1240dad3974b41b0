import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ReferralEntity } from './referral.entity';

/**
 * A provider on a referral's shortlist: the first time one of its vacancies was on it. Written by
 * matching beside the shortlist and never rewritten, so a provider that dropped off on a re-match
 * stays on record. Being shortlisted is not being asked: a provider is asked when the referral is
 * sent to it (`referral_recipients`), which the provider benchmarks count; only a referral placed
 * before sends were recorded counts its shortlistings as its sends.
 */
@Entity('referral_shortlistings')
export class ReferralShortlistingEntity {
  @PrimaryColumn({ type: 'uuid' })
  referralId: string;

  @ManyToOne(() => ReferralEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'referral_id' })
  referral?: ReferralEntity;

  @PrimaryColumn({ type: 'uuid' })
  providerId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  firstShortlistedAt: Date;
}
