import { Module } from '@nestjs/common';
import { LocalAuthoritiesController } from './local-authorities.controller';
import { LocalAuthoritiesService } from './local-authorities.service';

@Module({ controllers: [LocalAuthoritiesController], providers: [LocalAuthoritiesService] })
export class LocalAuthoritiesModule {}
