import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { type OutcomeStatus } from '@app/domain';
import { PlacementOutcomeEntity } from './placement-outcome.entity';
import { UserEntity } from './user.entity';

/** One step of the journey travelled towards an outcome: its status then, and a note. Never changed. */
@Entity('outcome_updates')
@Check('outcome_updates_status_known', "status IN ('not_started', 'in_progress', 'achieved', 'not_achieved')")
@Index('outcome_updates_in_order', ['outcomeId', 'recordedAt'])
export class OutcomeUpdateEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  outcomeId: string;

  @ManyToOne(() => PlacementOutcomeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'outcome_id' })
  outcome?: PlacementOutcomeEntity;

  @Column({ type: 'text' })
  status: OutcomeStatus;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid' })
  recordedByUserId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by_user_id' })
  recordedBy?: UserEntity;

  /** `placement_officer` or `provider_user`: whose account of progress this is. */
  @Column({ type: 'text' })
  recordedByRole: string;

  /** True for a provider's `achieved`: a proposal the placing LA has still to confirm, not the outcome's status. */
  @Column({ type: 'boolean', default: false })
  proposed: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}
