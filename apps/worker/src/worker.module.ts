import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AppConfigModule, Environment } from '@app/config';
import { PersistenceModule } from '@app/persistence';
import { QueueModule } from '@app/queue';
import { JobSchedules } from './jobs/job-schedules.service';
import { JobWorkers } from './jobs/job-workers.service';
import { MatchingModule } from './matching/matching.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PlacementsModule } from './placements/placements.module';
import { SufficiencyModule } from './sufficiency/sufficiency.module';
import { SweeperModule } from './sweeper/sweeper.module';
import { OutboxRelayService } from './outbox/outbox-relay.service';
import { RedisSafetyCheck } from './redis-safety.check';

@Module({
  imports: [
    AppConfigModule.forRoot(),
    LoggerModule.forRootAsync({
      inject: [Environment],
      useFactory: (env: Environment) => ({ pinoHttp: { level: env.LOG_LEVEL } }),
    }),
    PersistenceModule.forRoot('worker'),
    QueueModule.forRoot(),
    DiscoveryModule,
    MatchingModule,
    PlacementsModule,
    NotificationsModule,
    SufficiencyModule,
    SweeperModule,
  ],
  providers: [RedisSafetyCheck, OutboxRelayService, JobWorkers, JobSchedules],
})
export class WorkerModule {}
