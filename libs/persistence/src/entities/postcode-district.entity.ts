import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { LocalAuthorityEntity } from './local-authority.entity';

/** A postcode district (outward code) with its centroid and the English LA it lies in, if any. */
@Entity('postcode_districts')
export class PostcodeDistrictEntity {
  @PrimaryColumn({ type: 'varchar', length: 4 })
  district: string;

  @Column({ type: 'double precision' })
  latitude: number;

  @Column({ type: 'double precision' })
  longitude: number;

  @Index()
  @Column({ type: 'varchar', length: 9, nullable: true })
  localAuthorityCode: string | null;

  @ManyToOne(() => LocalAuthorityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'local_authority_code' })
  localAuthority?: LocalAuthorityEntity;

  @Column({ type: 'text' })
  region: string;

  @Column({ type: 'text' })
  districtName: string;

  @Column({ type: 'text', nullable: true })
  postTown: string | null;
}
