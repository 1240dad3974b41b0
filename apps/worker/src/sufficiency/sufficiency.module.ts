import { Module } from '@nestjs/common';
import { SnapshotSupplyHandler, SupplySnapshotSchedule } from './supply-snapshot';

@Module({ providers: [SnapshotSupplyHandler, SupplySnapshotSchedule] })
export class SufficiencyModule {}
