import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What every supply snapshot row is keyed by: the day, the setting's LA and its placement type. */
abstract class SupplySnapshotKey {
  @PrimaryColumn({ type: 'date' })
  day: string;

  @PrimaryColumn({ type: 'varchar', length: 9 })
  localAuthorityCode: string;

  @PrimaryColumn({ type: 'varchar', length: 2 })
  placementType: string;

  @Column({ type: 'integer' })
  beds: number;
}

/**
 * Open beds on one day, by the setting's LA, placement type, age range and emergency readiness:
 * written each night by the worker, so the supply of a past day survives the vacancies changing.
 */
@Entity('supply_snapshots')
export class SupplySnapshotEntity extends SupplySnapshotKey {
  @PrimaryColumn({ type: 'smallint' })
  ageMin: number;

  @PrimaryColumn({ type: 'smallint' })
  ageMax: number;

  @PrimaryColumn({ type: 'boolean' })
  emergencyReady: boolean;
}

/**
 * Open beds on one day in settings supporting a need (at any level), by LA, placement type and
 * emergency readiness.
 */
@Entity('supply_need_snapshots')
export class SupplyNeedSnapshotEntity extends SupplySnapshotKey {
  @PrimaryColumn({ type: 'text' })
  needCode: string;

  @PrimaryColumn({ type: 'boolean' })
  emergencyReady: boolean;
}
