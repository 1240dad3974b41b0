import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Redis } from 'ioredis';
import { Environment } from '@app/config';
import { REDIS } from '@app/queue';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { AuthController } from './auth.controller';
import { AuthGuard, TokenVerifier } from './auth.guard';
import { AuthService } from './auth.service';
import { loginThrottlerOptions } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { RedisThrottlerStorage } from './redis-throttler.storage';

@Module({
  imports: [
    // Login attempts per client address and per account, counted in Redis so that every api
    // instance sees the same counts; the only throttled route.
    ThrottlerModule.forRootAsync({
      inject: [Environment, REDIS],
      useFactory: (env: Environment, redis: Redis) =>
        loginThrottlerOptions({
          perAddressPerMinute: env.LOGIN_RATE_LIMIT,
          perAccountPer15Minutes: env.LOGIN_ACCOUNT_RATE_LIMIT,
          storage: new RedisThrottlerStorage(redis, env.QUEUE_PREFIX),
        }),
    }),
    JwtModule.registerAsync({
      inject: [Environment],
      // A key object: given a string, jsonwebtoken first tries it as a PEM key on every verify.
      useFactory: (env: Environment) => ({ secret: createSecretKey(Buffer.from(env.JWT_SECRET)) }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    PasswordHasher,
    AdminBootstrapService,
    TokenVerifier,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [PasswordHasher, TokenVerifier, JwtModule],
})
export class AuthModule {}
