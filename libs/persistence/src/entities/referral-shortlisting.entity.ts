import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ReferralEntity } from './referral.entity';

/**
 * A provider reached by a referral: the first time one of its vacancies was on the referral's
 * shortlist. Written by matching beside the shortlist and never rewritten, so a provider that
 * dropped off on a re-match still counts as asked, and its answer is timed from when it was.
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
