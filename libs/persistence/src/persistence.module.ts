import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Environment } from '@app/config';
import { dataSourceOptions } from './data-source';
import { AllianceRepository } from './repositories/alliance.repository';
import { AuditRepository } from './repositories/audit.repository';
import { HoldRepository } from './repositories/hold.repository';
import { NotificationRepository } from './repositories/notification.repository';
import { OfferRepository } from './repositories/offer.repository';
import { OutcomeRepository } from './repositories/outcome.repository';
import { PlacementRepository } from './repositories/placement.repository';
import { ProviderBenchmarkRepository } from './repositories/provider-benchmark.repository';
import { MarketPositionRepository } from './repositories/market-position.repository';
import { MatchingRepository } from './repositories/matching.repository';
import { StoredMatchesRepository } from './repositories/stored-matches.repository';
import { VacancyFeedRepository } from './repositories/vacancy-feed.repository';
import { DayTurnRepository } from './repositories/day-turn.repository';
import { OrganisationRepository } from './repositories/organisation.repository';
import { OutboxRepository } from './repositories/outbox.repository';
import { OutboxSignal } from './repositories/outbox-signal';
import { ProviderRepository } from './repositories/provider.repository';
import { PostcodeDirectory } from './repositories/postcode-directory';
import { RecipientRepository } from './repositories/recipient.repository';
import { ReferenceDataRepository } from './repositories/reference-data.repository';
import { ReferralRepository } from './repositories/referral.repository';
import { SettingRepository } from './repositories/setting.repository';
import { StepDownRepository } from './repositories/step-down.repository';
import { ReservedBedRepository } from './repositories/reserved-bed.repository';
import { SufficiencyRepository } from './repositories/sufficiency.repository';
import { SufficiencyRollupRepository } from './repositories/sufficiency-rollup.repository';
import { SupplySnapshotRepository } from './repositories/supply-snapshot.repository';
import { UserRepository } from './repositories/user.repository';
import { VacancyRepository } from './repositories/vacancy.repository';

const REPOSITORIES = [
  AllianceRepository,
  AuditRepository,
  HoldRepository,
  NotificationRepository,
  OfferRepository,
  OutcomeRepository,
  PlacementRepository,
  ProviderBenchmarkRepository,
  MarketPositionRepository,
  MatchingRepository,
  DayTurnRepository,
  OrganisationRepository,
  OutboxRepository,
  OutboxSignal,
  PostcodeDirectory,
  ProviderRepository,
  RecipientRepository,
  ReferenceDataRepository,
  ReferralRepository,
  ReservedBedRepository,
  SettingRepository,
  StepDownRepository,
  StoredMatchesRepository,
  SufficiencyRepository,
  SufficiencyRollupRepository,
  SupplySnapshotRepository,
  UserRepository,
  VacancyFeedRepository,
  VacancyRepository,
];

/** The Postgres connection and every repository, for the api and the worker alike. */
@Module({})
export class PersistenceModule {
  static forRoot(applicationName: string): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [Environment],
          useFactory: (env: Environment) => ({
            ...dataSourceOptions({
              url: env.DATABASE_URL,
              poolSize: env.DATABASE_POOL_SIZE,
              applicationName,
              statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
              connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
            }),
            retryAttempts: 3,
            retryDelay: 1_000,
          }),
        }),
      ],
      providers: REPOSITORIES,
      exports: REPOSITORIES,
    };
  }
}
