import { Module } from '@nestjs/common';
import { OfstedRegister } from '../providers/ofsted-register';
import { SettingsController } from './settings.controller';
import { SettingsService } from './settings.service';

@Module({ controllers: [SettingsController], providers: [SettingsService, OfstedRegister] })
export class SettingsModule {}
