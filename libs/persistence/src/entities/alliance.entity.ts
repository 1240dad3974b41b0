import { Check, Column, CreateDateColumn, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import { DEFAULT_AUTO_SEND_TOP_PROVIDERS, MAX_AUTO_SEND_TOP_PROVIDERS, type MatchingWeights } from '@app/domain';
import { LocalAuthorityEntity } from './local-authority.entity';

/** LAs commissioning together: the unit of weights, block contracts and sufficiency. */
@Entity('alliances')
@Check('alliances_auto_send_top_providers_range', `auto_send_top_providers BETWEEN 0 AND ${MAX_AUTO_SEND_TOP_PROVIDERS}`)
export class AllianceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  name: string;

  @ManyToMany(() => LocalAuthorityEntity)
  @JoinTable({
    name: 'alliance_members',
    joinColumn: { name: 'alliance_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'local_authority_code', referencedColumnName: 'code' },
  })
  localAuthorities: LocalAuthorityEntity[];

  /** Set by the alliance's commissioners; null means the platform's defaults. */
  @Column({ type: 'jsonb', nullable: true })
  matchingWeights: MatchingWeights | null;

  /** Days after an emergency placement starts by which its planned follow-on placement is needed. */
  @Column({ type: 'smallint', default: 28 })
  stepDownDays: number;

  /**
   * How many providers, best-ranked first, matching sends each of the alliance's LAs' referrals to
   * as it writes the shortlist; 0 leaves every send to the placement team.
   */
  @Column({ type: 'smallint', default: DEFAULT_AUTO_SEND_TOP_PROVIDERS })
  autoSendTopProviders: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
