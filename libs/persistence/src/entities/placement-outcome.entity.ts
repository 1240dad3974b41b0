import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OUTCOME_STATUSES, type OutcomeStatus } from '@app/domain';
import { PlacementEntity } from './placement.entity';
import { oneOf } from './sql-check';
import { UserEntity } from './user.entity';

export const OUTCOME_KINDS = ['hard', 'soft'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/**
 * A SMART outcome agreed for a placement: hard (school attendance, exams) or soft (confidence,
 * relationships), with a target date. Its status moves over time; each move is an update.
 */
@Entity('placement_outcomes')
@Check('placement_outcomes_kind_known', oneOf('kind', OUTCOME_KINDS))
@Check('placement_outcomes_status_known', oneOf('status', OUTCOME_STATUSES))
export class PlacementOutcomeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  placementId: string;

  @ManyToOne(() => PlacementEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'placement_id' })
  placement?: PlacementEntity;

  @Column({ type: 'text' })
  kind: OutcomeKind;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'date' })
  targetDate: string;

  @Column({ type: 'text' })
  status: OutcomeStatus;

  @Column({ type: 'uuid' })
  createdByUserId: string;

  /** When the provider last said it was achieved, awaiting the placing LA's confirmation; null otherwise. */
  @Column({ type: 'timestamptz', nullable: true })
  achievementProposedAt: Date | null;

  /** When the placing LA confirmed (or itself recorded) that it was achieved; null while it is not. */
  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  confirmedByUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'confirmed_by_user_id' })
  confirmedBy?: UserEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_user_id' })
  createdBy?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
