import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ScoreBreakdown } from '@app/domain';
import { ReferralEntity } from './referral.entity';

/** One place on a referral's shortlist: every eligible vacancy, best first, up to 50. */
@Entity('referral_matches')
export class ReferralMatchEntity {
  @PrimaryColumn({ type: 'uuid' })
  referralId: string;

  @ManyToOne(() => ReferralEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'referral_id' })
  referral?: ReferralEntity;

  /** 1 for the best. */
  @PrimaryColumn({ type: 'smallint' })
  rank: number;

  /** No foreign key: a shortlist is a record of what was computed, kept if a vacancy goes. */
  @Index()
  @Column({ type: 'uuid' })
  vacancyId: string;

  @Column({ type: 'uuid' })
  settingId: string;

  @Column({ type: 'uuid' })
  providerId: string;

  @Column({ type: 'double precision' })
  score: number;

  @Column({ type: 'double precision' })
  distanceMiles: number;

  @Column({ type: 'integer' })
  weeklyCost: number;

  @Column({ type: 'jsonb' })
  breakdown: ScoreBreakdown;
}
