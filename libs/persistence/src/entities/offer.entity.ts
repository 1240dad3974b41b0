import { Check, Column, Entity, Index, UpdateDateColumn } from 'typeorm';
import { OFFER_STATUSES, type OfferStatus } from '@app/domain';
import { ProviderAnswer } from './provider-answer';
import { oneOf } from './sql-check';

/** A provider's offer of one of its vacancies for a shortlisted referral, at a weekly cost. */
@Entity('offers')
@Check('offers_status_known', oneOf('status', OFFER_STATUSES))
@Check('offers_weekly_cost_positive', 'weekly_cost > 0')
// One live offer per referral and vacancy: offering twice is a conflict, not a second offer.
@Index('offers_one_open_per_vacancy', ['referralId', 'vacancyId'], { unique: true, where: "status = 'open'" })
export class OfferEntity extends ProviderAnswer {
  @Column({ type: 'integer' })
  weeklyCost: number;

  @Column({ type: 'text', nullable: true })
  message: string | null;

  @Column({ type: 'text', default: 'open' })
  status: OfferStatus;

  /**
   * Why a re-match closed the offer: the exclusion reasons its vacancy came to fail for the
   * referral (the setting or vacancy changed after the offer). Null for every other closing.
   */
  @Column({ type: 'text', array: true, nullable: true })
  closedReasons: string[] | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
