import { Module } from '@nestjs/common';
import { SufficiencyController } from './sufficiency.controller';

@Module({ controllers: [SufficiencyController] })
export class SufficiencyModule {}
