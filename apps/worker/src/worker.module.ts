import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfigModule, Environment } from '@app/config';
import { PersistenceModule } from '@app/persistence';
import { QueueModule } from '@app/queue';
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
  ],
  providers: [RedisSafetyCheck, OutboxRelayService],
})
export class WorkerModule {}
