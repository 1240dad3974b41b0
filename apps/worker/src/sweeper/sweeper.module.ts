import { Module } from '@nestjs/common';
import { MatchingModule } from '../matching/matching.module';
import { SufficiencyModule } from '../sufficiency/sufficiency.module';
import { JobSchedules } from './job-schedules.service';
import { SweepLostJobsHandler } from './sweep-lost-jobs.handler';

@Module({ imports: [SufficiencyModule, MatchingModule], providers: [SweepLostJobsHandler, JobSchedules], exports: [JobSchedules] })
export class SweeperModule {}
