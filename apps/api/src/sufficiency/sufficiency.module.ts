import { Module } from '@nestjs/common';
import { DemandForecaster } from './demand-forecaster';
import { SufficiencyController } from './sufficiency.controller';

@Module({ controllers: [SufficiencyController], providers: [DemandForecaster], exports: [DemandForecaster] })
export class SufficiencyModule {}
