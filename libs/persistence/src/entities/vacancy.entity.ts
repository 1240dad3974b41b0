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
import { SettingEntity } from './setting.entity';
import { ProviderEntity } from './provider.entity';

export const VACANCY_STATUSES = ['open', 'filled', 'withdrawn'] as const;
export type VacancyStatus = (typeof VACANCY_STATUSES)[number];

export interface ReservedFor {
  legalStatuses?: string[];
  localAuthorityCodes?: string[];
}

/** Beds free in a setting from a date, at a weekly cost. */
@Entity('vacancies')
@Check('vacancies_beds_not_negative', 'beds >= 0')
@Check('vacancies_status_known', "status IN ('open', 'filled', 'withdrawn')")
@Index('vacancies_status_available_from', ['status', 'availableFrom'])
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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
