import { Module } from '@nestjs/common';
import { RebuildSufficiencyHandler, SnapshotSupplyHandler } from './sufficiency-jobs';

@Module({ providers: [SnapshotSupplyHandler, RebuildSufficiencyHandler] })
export class SufficiencyModule {}
