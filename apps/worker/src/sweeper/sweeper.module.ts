import { Module } from '@nestjs/common';
import { SufficiencyModule } from '../sufficiency/sufficiency.module';
import { JobSchedules } from './job-schedules.service';
import { SweepLostJobsHandler } from './sweep-lost-jobs.handler';

@Module({ imports: [SufficiencyModule], providers: [SweepLostJobsHandler, JobSchedules], exports: [JobSchedules] })
export class SweeperModule {}
