import { Module } from '@nestjs/common';
import { MatchingService } from './matching.service';
import { VacancyCache } from './vacancy-cache';
import { MatchReferralHandler, RematchReferralHandler, VacanciesChangedHandler } from './matching.handlers';

@Module({
  providers: [VacancyCache, MatchingService, MatchReferralHandler, RematchReferralHandler, VacanciesChangedHandler],
})
export class MatchingModule {}
