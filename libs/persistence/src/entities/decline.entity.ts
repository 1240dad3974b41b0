import { Check, Column, Entity } from 'typeorm';
import { ProviderAnswer } from './provider-answer';

export const DECLINE_REASONS = ['no_capacity', 'needs_cannot_be_met', 'risk_to_other_children', 'location', 'cost', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** A provider's "no" to a shortlisted referral for one of its vacancies, kept with its reason. */
@Entity('declines')
@Check('declines_reason_known', "reason IN ('no_capacity', 'needs_cannot_be_met', 'risk_to_other_children', 'location', 'cost', 'other')")
export class DeclineEntity extends ProviderAnswer {
  @Column({ type: 'text' })
  reason: DeclineReason;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}
