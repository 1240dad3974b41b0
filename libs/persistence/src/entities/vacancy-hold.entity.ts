import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ReferralEntity } from './referral.entity';
import { UserEntity } from './user.entity';
import { VacancyEntity } from './vacancy.entity';

/**
 * One bed of a vacancy kept for one referral until `expiresAt`: meanwhile that bed can be accepted
 * only for this referral. A hold lapses by the clock alone (every check compares `expires_at` with
 * now), so no job has to run for it to end; it ends early when released or used by the acceptance.
 */
@Entity('vacancy_holds')
@Index('vacancy_holds_by_vacancy', ['vacancyId', 'expiresAt'])
export class VacancyHoldEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  vacancyId: string;

  @ManyToOne(() => VacancyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'vacancy_id' })
  vacancy?: VacancyEntity;

  @Index()
  @Column({ type: 'uuid' })
  referralId: string;

  @ManyToOne(() => ReferralEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'referral_id' })
  referral?: ReferralEntity;

  /** The placing LA that holds the bed. */
  @Column({ type: 'varchar', length: 9 })
  localAuthorityCode: string;

  @Column({ type: 'uuid' })
  createdByUserId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_user_id' })
  createdBy?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  /** Beds kept: one for each child of the referral's sibling group. */
  @Column({ type: 'smallint', default: 1 })
  beds: number;

  /** Given up by the LA before it lapsed. */
  @Column({ type: 'timestamptz', nullable: true })
  releasedAt: Date | null;

  /** Taken by the acceptance it was kept for. Released (`releasedAt`) instead if its referral was placed elsewhere or withdrawn. */
  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
