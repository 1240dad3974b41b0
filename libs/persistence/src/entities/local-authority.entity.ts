import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An English local authority with children's services duties, keyed by its ONS GSS code. */
@Entity('local_authorities')
export class LocalAuthorityEntity {
  @PrimaryColumn({ type: 'varchar', length: 9 })
  code: string;

  @Column({ type: 'integer', unique: true })
  dfeCode: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  laType: string;

  @Column({ type: 'text' })
  region: string;

  @Column({ type: 'double precision' })
  latitude: number;

  @Column({ type: 'double precision' })
  longitude: number;

  @Column({ type: 'integer', nullable: true })
  population: number | null;

  @Column({ type: 'integer', nullable: true })
  childrenLookedAfter: number | null;
}
