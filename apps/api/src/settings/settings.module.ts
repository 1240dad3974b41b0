import { Module } from '@nestjs/common';
import { ProvidersModule } from '../providers/providers.module';
import { SettingsController } from './settings.controller';
import { SettingsService } from './settings.service';

/** Settings take their grade from the one Ofsted register the providers module reads. */
@Module({ imports: [ProvidersModule], controllers: [SettingsController], providers: [SettingsService] })
export class SettingsModule {}
