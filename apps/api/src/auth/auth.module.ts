import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { Environment } from '@app/config';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { AuthController } from './auth.controller';
import { AuthGuard, TokenVerifier } from './auth.guard';
import { AuthService } from './auth.service';
import { PasswordHasher } from './password-hasher';

@Module({
  imports: [
    // Login attempts per client address per minute; the only throttled route.
    ThrottlerModule.forRootAsync({
      inject: [Environment],
      useFactory: (env: Environment) => ({
        throttlers: [{ name: 'login', ttl: 60_000, limit: env.LOGIN_RATE_LIMIT }],
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
