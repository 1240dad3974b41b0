import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { REFERRAL_STATUSES, type ReferralStatus, URGENCIES, type Urgency } from '@app/domain';
import { ChildEntity } from './child.entity';
import { oneOf } from './sql-check';
import { LocalAuthorityEntity } from './local-authority.entity';
import { UserEntity } from './user.entity';

/** An LA's request to find a placement for one child (or a sibling group placed together). */
@Entity('referrals')
@Unique('referrals_idempotency_key_per_la', ['localAuthorityCode', 'idempotencyKey'])
@Check('referrals_status_known', oneOf('status', REFERRAL_STATUSES))
@Check('referrals_urgency_known', oneOf('urgency', URGENCIES))
@Index('referrals_la_status_created', ['localAuthorityCode', 'status', 'createdAt'])
/** Sufficiency reads an LA's referrals made in a period. */
@Index('referrals_la_created', ['localAuthorityCode', 'createdAt'])
// The referrals a vacancy change may re-rank.
// One follow-on (step-down) referral per emergency referral, however often it is asked for.
@Index('referrals_one_step_down', ['followsReferralId'], { unique: true, where: 'follows_referral_id IS NOT NULL' })
// The referrals the sweeper checks for a lost match job.
@Index('referrals_unmatched', ['updatedAt'], { where: "status IN ('submitted', 'matching', 'match_failed')" })
@Index('referrals_awaiting_placement', ['status'], { where: "status IN ('shortlisted', 'no_match', 'match_failed')" })
export class ReferralEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  childId: string;

  @ManyToOne(() => ChildEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'child_id' })
  child?: ChildEntity;

  @Column({ type: 'varchar', length: 9 })
  localAuthorityCode: string;

  @ManyToOne(() => LocalAuthorityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'local_authority_code' })
  localAuthority?: LocalAuthorityEntity;

  @Column({ type: 'uuid' })
  createdByUserId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_user_id' })
  createdBy?: UserEntity;

  /** The client's key: the same key and body return the same referral; another body is a 409. */
  @Column({ type: 'varchar', length: 200 })
  idempotencyKey: string;

  /** sha256 of the canonical request body, to tell a retry from a different request under one key. */
  @Column({ type: 'char', length: 64 })
  requestHash: string;

  @Column({ type: 'text' })
  urgency: Urgency;

  @Column({ type: 'date' })
  requiredBy: string;

  @Column({ type: 'text', array: true })
  placementTypes: string[];

  @Column({ type: 'integer', nullable: true })
  maxDistanceMiles: number | null;

  @Column({ type: 'integer', nullable: true })
  weeklyBudget: number | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'text', default: 'submitted' })
  status: ReferralStatus;

  @Column({ type: 'uuid', nullable: true })
  followsReferralId: string | null;

  @ManyToOne(() => ReferralEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'follows_referral_id' })
  followsReferral?: ReferralEntity;

  @Column({ type: 'timestamptz', nullable: true })
  shortlistedAt: Date | null;

  /** When the current shortlist (or no-match result) was computed. */
  @Column({ type: 'timestamptz', nullable: true })
  matchedAt: Date | null;

  /** Why matching gave up, when status is match_failed: an error class, never personal data. */
  @Column({ type: 'text', nullable: true })
  matchError: string | null;

  @Column({ type: 'uuid', nullable: true })
  placementId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
