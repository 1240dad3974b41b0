import { Module } from '@nestjs/common';
import { HoldsController } from './holds.controller';

@Module({ controllers: [HoldsController] })
export class HoldsModule {}
