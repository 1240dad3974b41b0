import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UserEntity } from '../entities';
import type { Role } from '../entities';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from './pg-errors';

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
}
