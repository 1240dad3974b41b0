import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UserEntity } from '../entities';
import type { Role } from '../entities';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from './pg-errors';
import { containing, Page } from './page';

export interface NewUser {
  email: string;
  passwordHash: string;
  role: Role;
  localAuthorityCode?: string | null;
  providerId?: string | null;
  allianceId?: string | null;
  displayName?: string | null;
  phone?: string | null;
}

export class DuplicateEmailError extends Error {}

export interface UserFilter {
  /** Part of the email or display name, any case. */
  search?: string;
  role?: Role;
}

@Injectable()
export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ email: email.toLowerCase() });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ id });
  }

  /** Creates a user; a taken email raises DuplicateEmailError. */
  async create(user: NewUser): Promise<UserEntity> {
    return this.dataSource.transaction(async (manager) => {
      try {
        const entity = manager.create(UserEntity, {
          ...user,
          email: user.email.toLowerCase(),
          localAuthorityCode: user.localAuthorityCode ?? null,
          providerId: user.providerId ?? null,
          allianceId: user.allianceId ?? null,
          displayName: user.displayName ?? null,
          phone: user.phone ?? null,
        });
        return await manager.save(entity);
      } catch (error) {
        if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw new DuplicateEmailError(user.email);
        throw error;
      }
    });
  }

  /** Creates the user unless the email exists; returns whether it was created. Safe under races. */
  async createIfAbsent(user: NewUser): Promise<boolean> {
    const rows = await this.dataSource.query(
      `INSERT INTO users (email, password_hash, role, local_authority_code, provider_id, alliance_id)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (email) DO NOTHING RETURNING id`,
      [
        user.email.toLowerCase(),
        user.passwordHash,
        user.role,
        user.localAuthorityCode ?? null,
        user.providerId ?? null,
        user.allianceId ?? null,
      ],
    );
    return rows.length > 0;
  }

  /** Users by email, filtered by role and by part of the email or display name. */
  async list(filter: UserFilter, page: { limit: number; offset: number }): Promise<Page<UserEntity>> {
    const query = this.dataSource.getRepository(UserEntity).createQueryBuilder('u');
    if (filter.role) query.andWhere('u.role = :role', { role: filter.role });
    if (filter.search) {
      query.andWhere('(u.email ILIKE :pattern OR u.display_name ILIKE :pattern)', { pattern: containing(filter.search) });
    }
    const [items, total] = await query.orderBy('u.email').take(page.limit).skip(page.offset).getManyAndCount();
    return { items, total };
  }

  /** Whether the user exists and is not disabled: read on every authenticated request, by primary key. */
  async isActive(id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM users WHERE id = $1 AND disabled_at IS NULL', [id]);
    return rows.length > 0;
  }

  /** Disables (now) or re-enables the user; null when there is no such user. */
  async setDisabled(id: string, disabled: boolean): Promise<UserEntity | null> {
    await this.dataSource.getRepository(UserEntity).update({ id }, { disabledAt: disabled ? () => 'now()' : null });
    return this.findById(id);
  }

  async setPassword(id: string, passwordHash: string, mustChangePassword: boolean): Promise<void> {
    await this.dataSource.getRepository(UserEntity).update({ id }, { passwordHash, mustChangePassword });
  }
}
