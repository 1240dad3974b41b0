import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AllianceEntity } from './alliance.entity';
import { UserEntity } from './user.entity';

/**
 * An alliance's market position as its commissioner published it for providers: forecast demand
 * and current gaps, small counts already suppressed. Each publication is a new row, never
 * rewritten; providers read the latest.
 */
@Entity('market_positions')
@Index('market_positions_latest', ['allianceId', 'publishedAt'])
export class MarketPositionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  allianceId: string;

  @ManyToOne(() => AllianceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'alliance_id' })
  alliance?: AllianceEntity;

  @Column({ type: 'uuid' })
  publishedByUserId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'published_by_user_id' })
  publishedBy?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  publishedAt: Date;

  @Column({ type: 'date' })
  periodFrom: string;

  @Column({ type: 'date' })
  periodTo: string;

  /** What providers read: demand, needs and forecast, every count under 5 written as "<5". */
  @Column({ type: 'jsonb' })
  content: Record<string, unknown>;
}
