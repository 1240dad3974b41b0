import { Module } from '@nestjs/common';
import { MatchingWeightsController } from './matching-weights.controller';
import { MatchingWeightsService } from './matching-weights.service';
import { StepDownController } from './step-down.controller';

@Module({ controllers: [MatchingWeightsController, StepDownController], providers: [MatchingWeightsService] })
export class AlliancesModule {}
