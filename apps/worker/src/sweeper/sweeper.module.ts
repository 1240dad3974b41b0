import { Module } from '@nestjs/common';
import { SweepLostJobsHandler } from './sweep-lost-jobs.handler';

@Module({ providers: [SweepLostJobsHandler] })
export class SweeperModule {}
