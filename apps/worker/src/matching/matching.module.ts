import { Module } from '@nestjs/common';
import { MatchingService } from './matching.service';
import { VacancyCache } from './vacancy-cache';
import { DayTurnService, TurnDayHandler } from './day-turn';
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
    DayTurnService,
    TurnDayHandler,
  ],
})
export class MatchingModule {}
