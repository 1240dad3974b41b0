import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Open beds on one day, by the setting's LA, placement type, age range and emergency readiness:
 * written each night by the worker, so the supply of a past day survives the vacancies changing.
 */
@Entity('supply_snapshots')
export class SupplySnapshotEntity {
  @PrimaryColumn({ type: 'date' })
  day: string;

  @PrimaryColumn({ type: 'varchar', length: 9 })
  localAuthorityCode: string;

  @PrimaryColumn({ type: 'varchar', length: 2 })
  placementType: string;

  @PrimaryColumn({ type: 'smallint' })
  ageMin: number;

  @PrimaryColumn({ type: 'smallint' })
  ageMax: number;

  @PrimaryColumn({ type: 'boolean' })
  emergencyReady: boolean;

  @Column({ type: 'integer' })
  beds: number;
}

/** Open beds on one day in settings supporting a need (at any level), by LA and placement type. */
@Entity('supply_need_snapshots')
export class SupplyNeedSnapshotEntity {
  @PrimaryColumn({ type: 'date' })
  day: string;

  @PrimaryColumn({ type: 'varchar', length: 9 })
  localAuthorityCode: string;

  @PrimaryColumn({ type: 'varchar', length: 2 })
  placementType: string;

  @PrimaryColumn({ type: 'text' })
  needCode: string;

  @Column({ type: 'integer' })
  beds: number;
}
