import { Module } from '@nestjs/common';
import { SufficiencyModule } from '../sufficiency/sufficiency.module';
import { MarketController } from './market.controller';
import { MarketService } from './market.service';

@Module({ imports: [SufficiencyModule], controllers: [MarketController], providers: [MarketService] })
export class MarketModule {}
