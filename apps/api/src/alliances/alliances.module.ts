import { Module } from '@nestjs/common';
import { MatchingWeightsController } from './matching-weights.controller';
import { MatchingWeightsService } from './matching-weights.service';

@Module({ controllers: [MatchingWeightsController], providers: [MatchingWeightsService] })
export class AlliancesModule {}
