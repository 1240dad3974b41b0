import { Module } from '@nestjs/common';
import { DemandForecaster } from './demand-forecaster';
import { SufficiencyController } from './sufficiency.controller';
import { SufficiencyService } from './sufficiency.service';

@Module({ controllers: [SufficiencyController], providers: [DemandForecaster, SufficiencyService], exports: [DemandForecaster] })
export class SufficiencyModule {}
