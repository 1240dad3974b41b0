import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { LocalAuthorityEntity } from './local-authority.entity';
import { ProviderEntity } from './provider.entity';
import { AllianceEntity } from './alliance.entity';

export const ROLES = ['placement_officer', 'provider_user', 'commissioner', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A person who signs in; bound to exactly the organisation its role needs, enforced by the database. */
@Entity('users')
@Check(
  'users_role_bound_to_organisation',
  `(role = 'placement_officer' AND local_authority_code IS NOT NULL AND provider_id IS NULL AND alliance_id IS NULL)
    OR (role = 'provider_user' AND provider_id IS NOT NULL AND local_authority_code IS NULL AND alliance_id IS NULL)
    OR (role = 'commissioner' AND alliance_id IS NOT NULL AND local_authority_code IS NULL AND provider_id IS NULL)
    OR (role = 'admin' AND local_authority_code IS NULL AND provider_id IS NULL AND alliance_id IS NULL)`,
)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-case, so uniqueness ignores case. */
  @Column({ type: 'text', unique: true })
  email: string;

  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'text' })
  role: Role;

  @Index()
  @Column({ type: 'varchar', length: 9, nullable: true })
  localAuthorityCode: string | null;

  @ManyToOne(() => LocalAuthorityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'local_authority_code' })
  localAuthority?: LocalAuthorityEntity;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  providerId: string | null;

  @ManyToOne(() => ProviderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id' })
  provider?: ProviderEntity;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  allianceId: string | null;

  @ManyToOne(() => AllianceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'alliance_id' })
  alliance?: AllianceEntity;

  /** How others are shown this person: a provider receiving a child sees the placing officer's name. */
  @Column({ type: 'text', nullable: true })
  displayName: string | null;

  /** A work phone number, as the person writes it (020 7946 0000). */
  @Column({ type: 'text', nullable: true })
  phone: string | null;

  /** When an admin disabled the account; while set, every request bearing its tokens gets 401. */
  @Column({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  /** Set when an admin resets the password: the user must choose a new one. */
  @Column({ type: 'boolean', default: false })
  mustChangePassword: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
