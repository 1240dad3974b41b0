import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ExclusionReason } from '@app/domain';
import { ReferralEntity } from './referral.entity';

/** An open vacancy ruled out for a referral, with every reason: the nearest 200 are kept. */
@Entity('referral_exclusions')
export class ReferralExclusionEntity {
  @PrimaryColumn({ type: 'uuid' })
  referralId: string;

  @ManyToOne(() => ReferralEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'referral_id' })
  referral?: ReferralEntity;

  /** Nearest first, 1-based. */
  @PrimaryColumn({ type: 'smallint' })
  position: number;

  @Column({ type: 'uuid' })
  vacancyId: string;

  @Column({ type: 'double precision' })
  distanceMiles: number;

  @Column({ type: 'text', array: true })
  reasons: ExclusionReason[];
}
