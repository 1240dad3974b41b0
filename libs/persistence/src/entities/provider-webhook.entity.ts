import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ProviderEntity } from './provider.entity';

/** Where a provider wants its emergency alerts POSTed, and the secret their signature is made with. */
@Entity('provider_webhooks')
export class ProviderWebhookEntity {
  @PrimaryColumn({ type: 'uuid' })
  providerId: string;

  @OneToOne(() => ProviderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'provider_id' })
  provider?: ProviderEntity;

  @Column({ type: 'text' })
  url: string;

  /** Never returned by the api; the HMAC key of `X-Signature`. */
  @Column({ type: 'text' })
  secret: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
