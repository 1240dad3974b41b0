import { Module } from '@nestjs/common';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import type { NextFunction, Request, Response } from 'express';
import { DomainError, DomainErrorCode } from '@app/domain';
import { QueueName } from '@app/jobs';
import { AuthModule } from '../auth/auth.module';
import { TokenVerifier } from '../auth/auth.guard';
import { QUEUE_DASHBOARD_ROUTE, queueSessionCookie } from './queue-session';
import { QueueSessionController } from './queue-session.controller';

export { QUEUE_DASHBOARD_ROUTE };

/**
 * The dashboard is Express middleware, outside Nest's guards, so it checks the token itself: an
 * admin's bearer token, or the short-lived cookie `POST /admin/queue-session` gives an admin's
 * browser. Job data holds ids only, never personal data.
 */
export function adminsOnly(tokens: TokenVerifier) {
  return (request: Request, _response: Response, next: NextFunction) => {
    const cookie = request.headers.authorization ? undefined : queueSessionCookie(request.headers.cookie);
    tokens
      .authenticate(cookie ? `Bearer ${cookie}` : request.headers.authorization)
      .then((principal) => {
        if (principal.role !== 'admin') throw new DomainError(DomainErrorCode.Forbidden, 'Only admins see the queues');
        next();
      })
      .catch(next);
  };
}

/** Bull Board at /admin/queues: every queue's jobs, retries and failures, for admins. */
@Module({
  imports: [
    BullBoardModule.forRootAsync({
      imports: [AuthModule],
      inject: [TokenVerifier],
      useFactory: (tokens: TokenVerifier) => ({
        route: QUEUE_DASHBOARD_ROUTE,
        adapter: ExpressAdapter,
        middleware: adminsOnly(tokens),
        boardOptions: { uiConfig: { boardTitle: 'Placement queues' } },
      }),
    }),
    ...Object.values(QueueName).map((name) => BullBoardModule.forFeature({ name, adapter: BullMQAdapter })),
    AuthModule,
  ],
  controllers: [QueueSessionController],
})
export class QueueDashboardModule {}
