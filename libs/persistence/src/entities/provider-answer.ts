import { Column, CreateDateColumn, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProviderEntity } from './provider.entity';
import { ReferralEntity } from './referral.entity';
import { UserEntity } from './user.entity';
import { VacancyEntity } from './vacancy.entity';

/** What offers and declines share: a provider's user answering a referral for one of its vacancies. */
export abstract class ProviderAnswer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  referralId: string;

  @ManyToOne(() => ReferralEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'referral_id' })
  referral?: ReferralEntity;

  @Column({ type: 'uuid' })
  vacancyId: string;

  @ManyToOne(() => VacancyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'vacancy_id' })
  vacancy?: VacancyEntity;

  @Index()
  @Column({ type: 'uuid' })
  providerId: string;

  @ManyToOne(() => ProviderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id' })
  provider?: ProviderEntity;

  @Column({ type: 'uuid' })
  createdByUserId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_user_id' })
  createdBy?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
