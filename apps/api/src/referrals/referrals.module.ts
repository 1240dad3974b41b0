import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { IntakeRateMiddleware } from './intake-rate.middleware';
import { ReferralsController } from './referrals.controller';
import { ReferralsService } from './referrals.service';

@Module({ imports: [AuthModule], controllers: [ReferralsController], providers: [ReferralsService, IntakeRateMiddleware] })
export class ReferralsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(IntakeRateMiddleware).forRoutes({ path: 'referrals', method: RequestMethod.POST });
  }
}
