import { Module } from '@nestjs/common';
import { OpenStepDownHandler } from './step-down.handler';

@Module({ providers: [OpenStepDownHandler] })
export class PlacementsModule {}
