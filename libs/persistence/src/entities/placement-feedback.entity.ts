import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { PlacementEntity } from './placement.entity';
import { UserEntity } from './user.entity';

/**
 * The placing LA's feedback when a placement ends, including the young person's own view as the
 * social worker recorded it. Shared with the provider, positive or negative. One per placement.
 */
@Entity('placement_feedback')
@Check('placement_feedback_rating_range', 'rating BETWEEN 1 AND 5')
export class PlacementFeedbackEntity {
  @PrimaryColumn({ type: 'uuid' })
  placementId: string;

  @OneToOne(() => PlacementEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'placement_id' })
  placement?: PlacementEntity;

  /** 1 (poor) to 5 (excellent). */
  @Column({ type: 'smallint' })
  rating: number;

  @Column({ type: 'text' })
  comments: string;

  /** In the young person's words, as recorded by their social worker; null if they chose not to give one. */
  @Column({ type: 'text', nullable: true })
  youngPersonView: string | null;

  @Column({ type: 'uuid' })
  recordedByUserId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by_user_id' })
  recordedBy?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
