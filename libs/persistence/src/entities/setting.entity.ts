import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Gender, OfstedGrade } from '@app/domain';
import { ProviderEntity } from './provider.entity';
import { PostcodeDistrictEntity } from './postcode-district.entity';
import { LocalAuthorityEntity } from './local-authority.entity';

export interface SupportedNeed {
  code: string;
  level: number;
}

export const OFSTED_GRADE_SOURCES = ['register', 'self-declared'] as const;
/** Where a setting's Ofsted grade comes from: Ofsted's register (by its URN) or the provider's word. */
export type OfstedGradeSource = (typeof OFSTED_GRADE_SOURCES)[number];

/** A registered place of care run by a provider: a children's home, a foster household, a school. */
@Entity('settings')
@Check('settings_ofsted_grade_source_known', "ofsted_grade_source IN ('register', 'self-declared')")
export class SettingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  providerId: string;

  @ManyToOne(() => ProviderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id' })
  provider?: ProviderEntity;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'varchar', length: 2 })
  placementType: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  ofstedUrn: string | null;

  /** The register's grade when the URN is on the register (the provider's typed grade is then ignored). */
  @Column({ type: 'text' })
  ofstedGrade: OfstedGrade;

  @Column({ type: 'text', default: 'self-declared' })
  ofstedGradeSource: OfstedGradeSource;

  /** The register's latest full inspection; null for a self-declared grade. */
  @Column({ type: 'date', nullable: true })
  ofstedInspectedOn: string | null;

  /** As the provider gave it; only the district leaves the provider and the platform. */
  @Column({ type: 'varchar', length: 8 })
  postcode: string;

  @Column({ type: 'varchar', length: 4 })
  postcodeDistrict: string;

  @ManyToOne(() => PostcodeDistrictEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'postcode_district' })
  district?: PostcodeDistrictEntity;

  @Index()
  @Column({ type: 'varchar', length: 9, nullable: true })
  localAuthorityCode: string | null;

  @ManyToOne(() => LocalAuthorityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'local_authority_code' })
  localAuthority?: LocalAuthorityEntity;

  @Column({ type: 'double precision' })
  latitude: number;

  @Column({ type: 'double precision' })
  longitude: number;

  @Column({ type: 'integer' })
  registeredPlaces: number;

  @Column({ type: 'smallint' })
  ageMin: number;

  @Column({ type: 'smallint' })
  ageMax: number;

  @Column({ type: 'text', array: true })
  genders: Gender[];

  @Column({ type: 'jsonb' })
  needsSupported: SupportedNeed[];

  @Column({ type: 'text', array: true })
  needsExcluded: string[];

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
