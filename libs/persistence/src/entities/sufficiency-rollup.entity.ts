import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What both rollups hold for one group of referrals of one LA made in one month (England's
 * calendar): how many, and for those placed, where and at what cost. A group is the referrals that
 * share the dimension's key, the month their first placement started (none: not placed), the LA of
 * that placement's setting, and whether it was out of the child's LA or more than 20 miles from home.
 * Rebuilt from the raw tables, a whole LA-month at a time, by the worker; a month marked stale is
 * read from the raw tables until it is rebuilt.
 */
abstract class SufficiencyRollupGroup {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 9 })
  localAuthorityCode: string;

  /** The first day of the month the referrals were made in. */
  @Column({ type: 'date' })
  month: string;

  /** The first day of the month their first placement started in; null when not placed. */
  @Column({ type: 'date', nullable: true })
  placedMonth: string | null;

  @Column({ type: 'varchar', length: 9, nullable: true })
  settingLocalAuthorityCode: string | null;

  @Column({ type: 'boolean' })
  outOfArea: boolean;

  @Column({ type: 'boolean' })
  over20Miles: boolean;

  @Column({ type: 'integer' })
  referrals: number;

  /** Sum and count of the placements' weekly costs. */
  @Column({ type: 'numeric', nullable: true })
  costSum: string | null;

  @Column({ type: 'integer' })
  costCount: number;

  /** Days from referral to placement, one per placement, so medians stay exact. */
  @Column({ type: 'integer', array: true })
  daysToPlace: number[];
}

/** Referrals by the first placement type they list and the child's age band. */
@Entity('sufficiency_rollup')
@Index('sufficiency_rollup_la_month', ['localAuthorityCode', 'month'])
export class SufficiencyRollupEntity extends SufficiencyRollupGroup {
  @Column({ type: 'varchar', length: 2 })
  placementType: string;

  @Column({ type: 'text' })
  ageBand: string;
}

/** Referrals by each need of the child (a child with two needs counts under both). */
@Entity('sufficiency_need_rollup')
@Index('sufficiency_need_rollup_la_month', ['localAuthorityCode', 'month'])
export class SufficiencyNeedRollupEntity extends SufficiencyRollupGroup {
  @Column({ type: 'text' })
  needCode: string;
}

/**
 * An LA-month whose rollup rows no longer match the raw tables. Triggers on referrals, placements
 * and settings mark it (bumping `version`) in the writer's transaction; the worker rebuilds it and
 * removes the mark only if the version is still the one it rebuilt from.
 */
@Entity('sufficiency_stale_months')
export class SufficiencyStaleMonthEntity {
  @PrimaryColumn({ type: 'varchar', length: 9 })
  localAuthorityCode: string;

  @PrimaryColumn({ type: 'date' })
  month: string;

  @Column({ type: 'bigint', default: 1 })
  version: string;
}
