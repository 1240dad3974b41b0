import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OfferEntity } from './offer.entity';
import { ProviderEntity } from './provider.entity';
import { ReferralEntity } from './referral.entity';
import { UserEntity } from './user.entity';
import { VacancyEntity } from './vacancy.entity';

/** A child living somewhere: made once, by accepting one offer, and ended once. */
@Entity('placements')
// At most one live placement per referral, whatever the code above it does.
@Index('placements_one_live_per_referral', ['referralId'], { unique: true, where: 'ended_on IS NULL' })
/** A referral's first placement, and an LA's placements that started in a month (sufficiency). */
@Index('placements_referral_start', ['referralId', 'startDate'])
@Index('placements_la_start', ['localAuthorityCode', 'startDate'])
export class PlacementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  referralId: string;

  @ManyToOne(() => ReferralEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'referral_id' })
  referral?: ReferralEntity;

  @Column({ type: 'uuid', unique: true })
  offerId: string;

  @ManyToOne(() => OfferEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'offer_id' })
  offer?: OfferEntity;

  @Index()
  @Column({ type: 'uuid' })
  vacancyId: string;

  @ManyToOne(() => VacancyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'vacancy_id' })
  vacancy?: VacancyEntity;

  @Column({ type: 'uuid' })
  settingId: string;

  @Index()
  @Column({ type: 'uuid' })
  providerId: string;

  @ManyToOne(() => ProviderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id' })
  provider?: ProviderEntity;

  /** The placing LA, for organisation checks without a join. */
  @Index()
  @Column({ type: 'varchar', length: 9 })
  localAuthorityCode: string;

  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'integer' })
  weeklyCost: number;

  /**
   * The placement officer who accepted the offer: the provider's contact for receiving the child.
   * Null for placements made before it was kept; the referral's author stands in for them.
   */
  @Column({ type: 'uuid', nullable: true })
  placedByUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'placed_by_user_id' })
  placedBy?: UserEntity;

  /** Beds taken: the child's sibling group placed together. An unplanned ending gives them back. */
  @Column({ type: 'smallint', default: 1 })
  bedsTaken: number;

  @Column({ type: 'date', nullable: true })
  endedOn: string | null;

  /** An SSDA903 reason for placement change: up to six letters (CUSTOD). */
  @Column({ type: 'varchar', length: 8, nullable: true })
  endReason: string | null;

  /** False for an unplanned ending: a breakdown. */
  @Column({ type: 'boolean', nullable: true })
  plannedEnding: boolean | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
