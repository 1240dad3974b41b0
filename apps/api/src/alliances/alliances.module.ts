import { Module } from '@nestjs/common';
import { AlliancesController } from './alliances.controller';
import { AlliancesService } from './alliances.service';
import { MatchingWeightsController } from './matching-weights.controller';
import { MatchingWeightsService } from './matching-weights.service';
import { StepDownController } from './step-down.controller';
import { StepDownService } from './step-down.service';

@Module({
  controllers: [AlliancesController, MatchingWeightsController, StepDownController],
  providers: [AlliancesService, MatchingWeightsService, StepDownService],
})
export class AlliancesModule {}
