import { Module } from '@nestjs/common';
import { MatchingService } from './matching.service';
import { VacancyCache } from './vacancy-cache';
import {
  MatchEmergencyHandler,
  MatchReferralHandler,
  RematchEmergencyHandler,
  RematchReferralHandler,
  VacanciesChangedHandler,
} from './matching.handlers';

@Module({
  providers: [
    VacancyCache,
    MatchingService,
    MatchReferralHandler,
    RematchReferralHandler,
    MatchEmergencyHandler,
    RematchEmergencyHandler,
    VacanciesChangedHandler,
  ],
})
export class MatchingModule {}
