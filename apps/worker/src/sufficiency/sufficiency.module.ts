import { Module } from '@nestjs/common';
import { RebuildSufficiencyHandler, SnapshotSupplyHandler, SufficiencySchedules } from './sufficiency-jobs';

@Module({ providers: [SnapshotSupplyHandler, RebuildSufficiencyHandler, SufficiencySchedules], exports: [SufficiencySchedules] })
export class SufficiencyModule {}
