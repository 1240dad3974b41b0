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
import { type OfstedGrade, VACANCY_STATUSES, type VacancyStatus } from '@app/domain';
import { SettingEntity, type SupportedNeed } from './setting.entity';
import { ProviderEntity } from './provider.entity';
import { oneOf } from './sql-check';

export interface ReservedFor {
  legalStatuses?: string[];
  localAuthorityCodes?: string[];
}

/** Beds free in a setting from a date, at a weekly cost. */
@Entity('vacancies')
@Check('vacancies_beds_not_negative', 'beds >= 0')
@Check('vacancies_status_known', oneOf('status', VACANCY_STATUSES))
@Index('vacancies_status_available_from', ['status', 'availableFrom'])
// Matching's pre-filter: open vacancies of the referral's types, within a band of latitude.
@Index('vacancies_open_type_latitude', ['placementType', 'latitude'], { where: "status = 'open'" })
// Nearest-first scans for exclusions: a GiST index on an expression TypeORM cannot describe, so it
// is declared here only to keep the schema builder from dropping it (see the Matching migration).
@Index('vacancies_open_location', { synchronize: false })
export class VacancyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  settingId: string;

  @ManyToOne(() => SettingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'setting_id' })
  setting?: SettingEntity;

  /** Copied from the setting so that organisation checks need no join. */
  @Index()
  @Column({ type: 'uuid' })
  providerId: string;

  @ManyToOne(() => ProviderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id' })
  provider?: ProviderEntity;

  @Column({ type: 'integer' })
  beds: number;

  @Column({ type: 'date' })
  availableFrom: string;

  @Column({ type: 'date', nullable: true })
  availableUntil: string | null;

  @Column({ type: 'integer' })
  weeklyCost: number;

  @Column({ type: 'boolean', default: false })
  emergencyReady: boolean;

  @Column({ type: 'jsonb', nullable: true })
  reservedFor: ReservedFor | null;

  @Column({ type: 'text', default: 'open' })
  status: VacancyStatus;

  /** Optimistic-concurrency token; only ever changed by a conditional UPDATE ... WHERE version = $n. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  /*
   * The setting's matching fields, copied by database triggers (on insert, and whenever the setting
   * changes) so that matching reads one table through one index. The application never writes them.
   */
  @Column({ type: 'varchar', length: 2, insert: false, update: false })
  placementType: string;

  @Column({ type: 'smallint', insert: false, update: false })
  ageMin: number;

  @Column({ type: 'smallint', insert: false, update: false })
  ageMax: number;

  @Column({ type: 'text', array: true, insert: false, update: false })
  genders: string[];

  @Column({ type: 'jsonb', insert: false, update: false })
  needsSupported: SupportedNeed[];

  @Column({ type: 'text', array: true, insert: false, update: false })
  needsExcluded: string[];

  @Column({ type: 'text', insert: false, update: false })
  ofstedGrade: OfstedGrade;

  @Column({ type: 'varchar', length: 9, nullable: true, insert: false, update: false })
  settingLocalAuthorityCode: string | null;

  @Column({ type: 'double precision', insert: false, update: false })
  latitude: number;

  @Column({ type: 'double precision', insert: false, update: false })
  longitude: number;

  /**
   * Set by a trigger on every insert and update, from a sequence. The row is locked when it is
   * taken, so two versions of one vacancy number in the order they committed: it tells which of two
   * reads of the same vacancy is newer. Numbers of different vacancies may commit out of order.
   */
  @Index('vacancies_change_seq')
  @Column({ type: 'bigint', insert: false, update: false })
  changeSeq: string;

  /**
   * The id of the transaction that last wrote the vacancy, set by the same trigger. Workers keep
   * their in-memory vacancy index current by reading every row at or above the oldest transaction
   * still running when they last looked (see `changesSince` in the matching repository).
   */
  @Index('vacancies_change_xid')
  @Column({ type: 'bigint', insert: false, update: false })
  changeXid: string;

  /**
   * When the provider last vouched for the vacancy: set on create, on every change it makes, and by
   * "still available". A vacancy unconfirmed for VACANCY_STALE_DAYS is stale (libs/domain staleness).
   * Not touched by the triggers, nor by beds taken through placements.
   */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  confirmedAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
