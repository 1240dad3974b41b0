import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

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
 * A mark that an LA-month's rollup rows may no longer match the raw tables. Triggers on referrals,
 * placements, children and settings add one in the writer's transaction: a new row each time, so
 * writers in one LA and month never wait for each other. The worker rebuilds the month and removes
 * the marks it saw; a mark added meanwhile keeps the month stale.
 */
@Entity('sufficiency_stale_marks')
@Index('sufficiency_stale_marks_la_month', ['localAuthorityCode', 'month'])
export class SufficiencyStaleMarkEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'PK_sufficiency_stale_marks' })
  id: string;

  @Column({ type: 'varchar', length: 9 })
  localAuthorityCode: string;

  @Column({ type: 'date' })
  month: string;
}
