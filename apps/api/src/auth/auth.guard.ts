import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DomainError, DomainErrorCode } from '@app/domain';
import { UserRepository } from '@app/persistence';
import type { Role } from '@app/persistence';
import { IS_PUBLIC, ROLES } from './auth.decorators';
import type { Principal } from './principal';

interface TokenClaims {
  sub: string;
  email: string;
  role: Role;
  la?: string;
  pid?: string;
  aid?: string;
}

/** Reads the principal from an `Authorization: Bearer <token>` header; for the guard and middleware. */
@Injectable()
export class TokenVerifier {
  constructor(
    private readonly jwt: JwtService,
    private readonly users: UserRepository,
  ) {}

  /**
   * A valid token of a user that is not disabled. The user is read from the database on every
   * request (one primary-key lookup), so disabling takes effect at once on every api instance.
   */
  async authenticate(header: string | undefined): Promise<Principal> {
    const principal = await this.verify(header);
    if (!(await this.users.isActive(principal.userId))) {
      throw new DomainError(DomainErrorCode.Unauthenticated, 'This account is disabled or no longer exists');
    }
    return principal;
  }

  /** The principal a token names, checking only its signature and expiry: no database read. */
  async verify(header: string | undefined): Promise<Principal> {
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header ?? '');
    if (!match) throw new DomainError(DomainErrorCode.Unauthenticated, 'A bearer token is required');
    try {
      const claims = await this.jwt.verifyAsync<TokenClaims>(match[1], { algorithms: ['HS256'] });
      return {
        userId: claims.sub,
        email: claims.email,
        role: claims.role,
        localAuthorityCode: claims.la,
        providerId: claims.pid,
        allianceId: claims.aid,
      };
    } catch {
      throw new DomainError(DomainErrorCode.Unauthenticated, 'The bearer token is invalid or has expired');
    }
  }
}

/**
 * Global: every route needs a valid bearer token unless marked @Public, and a route marked @Roles
 * admits only those roles. Organisation checks happen in the services, which answer 404 for
 * another organisation's records.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly tokens: TokenVerifier,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest();
    const principal = await this.tokens.authenticate(request.headers.authorization);
    request.user = principal;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(principal.role)) {
      throw new DomainError(DomainErrorCode.Forbidden, 'Your role may not do this');
    }
    return true;
  }
}

export function claimsFor(principal: Principal): TokenClaims {
  return {
    sub: principal.userId,
    email: principal.email,
    role: principal.role,
    ...(principal.localAuthorityCode ? { la: principal.localAuthorityCode } : {}),
    ...(principal.providerId ? { pid: principal.providerId } : {}),
    ...(principal.allianceId ? { aid: principal.allianceId } : {}),
  };
}
