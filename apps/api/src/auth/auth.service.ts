import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Environment } from '@app/config';
import { DomainError, DomainErrorCode } from '@app/domain';
import { UserEntity, UserRepository } from '@app/persistence';
import { claimsFor } from './auth.guard';
import type { AuthUserResponse, LoginResponse } from './dto/auth-user.response';
import { PasswordHasher } from './password-hasher';
import type { Principal } from './principal';
import { userView } from './user-view';

@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so both failures take the same time. */
  private decoyHash: Promise<string> | undefined;

  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly env: Environment,
  ) {}

  async login(email: string, password: string): Promise<LoginResponse> {
    const user = await this.users.findByEmail(email);
    if (!user) {
      this.decoyHash ??= this.hasher.hash('decoy password for timing');
      await this.hasher.verify(await this.decoyHash, password);
      throw this.wrongCredentials();
    }
    if (!(await this.hasher.verify(user.passwordHash, password))) throw this.wrongCredentials();
    if (user.disabledAt) throw new DomainError(DomainErrorCode.Unauthenticated, 'This account is disabled');
    const principal = principalOf(user);
    const accessToken = await this.jwt.signAsync(claimsFor(principal), {
      algorithm: 'HS256',
      expiresIn: this.env.JWT_EXPIRES_IN,
    });
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.env.JWT_EXPIRES_IN,
      user: userView(user),
    };
  }

  /** The signed-in user as login answered it, read afresh: contact details may have changed since. */
  async me(principal: Principal): Promise<AuthUserResponse> {
    const user = await this.users.findById(principal.userId);
    if (!user) throw new DomainError(DomainErrorCode.Unauthenticated, 'The bearer token names no user');
    return userView(user);
  }

  /** Replaces the caller's password after checking the current one; clears mustChangePassword. */
  async changePassword(principal: Principal, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.users.findById(principal.userId);
    if (!user) throw new DomainError(DomainErrorCode.Unauthenticated, 'The bearer token names no user');
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      throw DomainError.invalid('currentPassword', 'is not your current password');
    }
    if (newPassword === currentPassword) throw DomainError.invalid('newPassword', 'must differ from the current password');
    await this.users.setPassword(user.id, await this.hasher.hash(newPassword), false);
  }

  private wrongCredentials(): DomainError {
    return new DomainError(DomainErrorCode.Unauthenticated, 'Email or password is wrong');
  }
}

export function principalOf(user: UserEntity): Principal {
  return {
    userId: user.id,
    email: user.email,
    role: user.role,
    localAuthorityCode: user.localAuthorityCode ?? undefined,
    providerId: user.providerId ?? undefined,
    allianceId: user.allianceId ?? undefined,
  };
}
