import { Module } from '@nestjs/common';
import { OfstedRegister } from './ofsted-register';
import { ProvidersController } from './providers.controller';
import { ProvidersService } from './providers.service';

@Module({ controllers: [ProvidersController], providers: [ProvidersService, OfstedRegister] })
export class ProvidersModule {}
