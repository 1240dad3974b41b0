import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { LocalAuthorityEntity } from './local-authority.entity';
import { PostcodeDistrictEntity } from './postcode-district.entity';

export interface ChildNeed {
  code: string;
  level: number;
  essential: boolean;
}

export interface ChildPreferences {
  religion?: string;
  language?: string;
  notes?: string;
}

/**
 * A looked-after child, known on the platform by a pseudonymous id. The LA's own case reference,
 * date of birth and full postcode are personal data: only the owning LA ever reads them.
 */
@Entity('children')
export class ChildEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'varchar', length: 9 })
  localAuthorityCode: string;

  @ManyToOne(() => LocalAuthorityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'local_authority_code' })
  localAuthority?: LocalAuthorityEntity;

  @Column({ type: 'text' })
  localReference: string;

  @Column({ type: 'date' })
  dateOfBirth: string;

  @Column({ type: 'text' })
  gender: string;

  @Column({ type: 'varchar', length: 8 })
  homePostcode: string;

  @Column({ type: 'varchar', length: 4 })
  homeDistrict: string;

  @ManyToOne(() => PostcodeDistrictEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'home_district' })
  district?: PostcodeDistrictEntity;

  @Column({ type: 'varchar', length: 2 })
  legalStatus: string;

  @Column({ type: 'varchar', length: 2 })
  categoryOfNeed: string;

  @Column({ type: 'jsonb' })
  needs: ChildNeed[];

  @Column({ type: 'smallint', default: 1 })
  siblingGroupSize: number;

  @Column({ type: 'boolean', default: false })
  ehcp: boolean;

  @Column({ type: 'jsonb', nullable: true })
  preferences: ChildPreferences | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
