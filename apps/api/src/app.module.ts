import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfigModule, Environment } from '@app/config';
import { PersistenceModule } from '@app/persistence';
import { QueueModule } from '@app/queue';
import { AdminModule } from './admin/admin.module';
import { AlliancesModule } from './alliances/alliances.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { pinoOptions } from './common/logging';
import { HealthModule } from './health/health.module';
import { HoldsModule } from './holds/holds.module';
import { LocalAuthoritiesModule } from './local-authorities/local-authorities.module';
import { MarketModule } from './market/market.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OffersModule } from './offers/offers.module';
import { PlacementsModule } from './placements/placements.module';
import { ProvidersModule } from './providers/providers.module';
import { QueueDashboardModule } from './queue-dashboard/queue-dashboard.module';
import { ReferralsModule } from './referrals/referrals.module';
import { SettingsModule } from './settings/settings.module';
import { SufficiencyModule } from './sufficiency/sufficiency.module';
import { TargetingModule } from './targeting/targeting.module';
import { VacanciesModule } from './vacancies/vacancies.module';
import { WebAppModule } from './web/web-app.module';

@Module({
  imports: [
    AppConfigModule.forRoot(),
    LoggerModule.forRootAsync({ inject: [Environment], useFactory: (env: Environment) => pinoOptions(env.LOG_LEVEL) }),
    PersistenceModule.forRoot('api'),
    QueueModule.forRoot(),
    AuthModule,
    AdminModule,
    AlliancesModule,
    SettingsModule,
    VacanciesModule,
    ReferralsModule,
    OffersModule,
    TargetingModule,
    PlacementsModule,
    AuditModule,
    NotificationsModule,
    HoldsModule,
    LocalAuthoritiesModule,
    SufficiencyModule,
    MarketModule,
    // After SufficiencyModule: its GET /providers/benchmark must be routed before GET /providers/:id.
    ProvidersModule,
    HealthModule,
    QueueDashboardModule,
    WebAppModule.forRoot(),
  ],
})
export class AppModule {}
