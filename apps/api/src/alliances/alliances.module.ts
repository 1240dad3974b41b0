import { Module } from '@nestjs/common';
import { AlliancesController } from './alliances.controller';
import { AlliancesService } from './alliances.service';
import { MatchingWeightsController } from './matching-weights.controller';
import { MatchingWeightsService } from './matching-weights.service';
import { StepDownController } from './step-down.controller';

@Module({
  controllers: [AlliancesController, MatchingWeightsController, StepDownController],
  providers: [AlliancesService, MatchingWeightsService],
})
export class AlliancesModule {}
