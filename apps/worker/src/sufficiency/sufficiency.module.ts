import { Module } from '@nestjs/common';
import { RebuildSufficiencyHandler, SnapshotSupplyHandler, SufficiencySchedules } from './sufficiency-jobs';

@Module({ providers: [SnapshotSupplyHandler, RebuildSufficiencyHandler, SufficiencySchedules] })
export class SufficiencyModule {}
