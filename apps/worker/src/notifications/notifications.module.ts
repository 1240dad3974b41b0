import { Module } from '@nestjs/common';
import { NotifyProviderHandler } from './notify-provider.handler';

@Module({ providers: [NotifyProviderHandler] })
export class NotificationsModule {}
