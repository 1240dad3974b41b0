import { createHash } from 'node:crypto';
import { ExecutionContext, Injectable } from '@nestjs/common';
import {
  normalizeIp,
  ThrottlerException,
  ThrottlerGuard,
  ThrottlerLimitDetail,
  ThrottlerModuleOptions,
  ThrottlerStorage,
} from '@nestjs/throttler';
import type { Response } from 'express';

/** The throttlers on POST /auth/login: one per client address, one per account. */
export const LOGIN_THROTTLERS = { address: 'login-address', account: 'login-account' } as const;

const ACCOUNT_WINDOW_MS = 15 * 60_000;

export interface LoginThrottleSettings {
  perAddressPerMinute: number;
  perAccountPer15Minutes: number;
  storage: ThrottlerStorage;
}

export function loginThrottlerOptions(settings: LoginThrottleSettings): ThrottlerModuleOptions {
  return {
    storage: settings.storage,
    // Retry-After is set by LoginThrottlerGuard; the per-account remaining count would tell anyone
    // who types an email how many attempts others have made on it.
    setHeaders: false,
    throttlers: [
      { name: LOGIN_THROTTLERS.address, ttl: 60_000, limit: settings.perAddressPerMinute },
      {
        name: LOGIN_THROTTLERS.account,
        ttl: ACCOUNT_WINDOW_MS,
        limit: settings.perAccountPer15Minutes,
        getTracker: accountTracker,
      },
    ],
  };
}

/**
 * The account a login names: a sha256 of its email, trimmed and lower-cased (the user table
 * matches emails lower-cased), so that `Ann@x` and `ann@x` count together and no email is held
 * in clear. A body without an email is counted by its address instead.
 */
export function accountTracker(req: { body?: unknown; ip?: string }): string {
  const email = (req.body as { email?: unknown } | undefined)?.email;
  if (typeof email !== 'string' || email.trim() === '') return `address:${normalizeIp(req.ip ?? '')}`;
  return `account:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;
}

/**
 * ThrottlerGuard with the answer the contract describes: the error body (built by the exception
 * filter) with a message that says how long to wait but never whose account, and a plain
 * Retry-After header in seconds whichever throttler refused.
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, detail.timeToBlockExpire);
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
    const minutes = Math.ceil(seconds / 60);
    throw new ThrottlerException(`Too many sign-in attempts; wait ${minutes} minute${minutes === 1 ? '' : 's'}`);
  }
}
