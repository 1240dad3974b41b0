import { Module } from '@nestjs/common';
import { MatchingService } from './matching.service';
import { MatchReferralHandler, RematchReferralHandler, VacanciesChangedHandler } from './matching.handlers';

@Module({
  providers: [MatchingService, MatchReferralHandler, RematchReferralHandler, VacanciesChangedHandler],
})
export class MatchingModule {}
