import { ApiProperty } from '@nestjs/swagger';
import { AGE_BANDS, NEED_CODES, SETTING_PLACEMENT_TYPES } from '@app/domain';
import { SupplySourceResponse } from '../../sufficiency/dto/sufficiency.response';

/** A count, or "<5" for 1 to 4: small numbers can identify a child. */
const COUNT = { oneOf: [{ type: 'integer', minimum: 0 }, { type: 'string', enum: ['<5'] }] };
const NULLABLE_COUNT = { oneOf: [{ type: 'integer', minimum: 0 }, { type: 'string', enum: ['<5'] }], nullable: true };

export class MarketDemandResponse {
  @ApiProperty({ enum: [...SETTING_PLACEMENT_TYPES], example: 'K2' })
  placementType: string;

  @ApiProperty({ enum: [...AGE_BANDS] })
  ageBand: string;

  @ApiProperty({ ...COUNT, description: 'Referrals made in the period' })
  referrals: number | string;

  @ApiProperty({ ...COUNT, description: 'Of those, placed by its end' })
  placed: number | string;

  @ApiProperty({ ...COUNT, description: 'Referrals not placed within the alliance' })
  gap: number | string;

  @ApiProperty({ ...NULLABLE_COUNT, description: 'Beds open today, when the position was published' })
  openBeds: number | string | null;
}

export class MarketNeedResponse {
  @ApiProperty({ enum: [...NEED_CODES] })
  needCode: string;

  @ApiProperty(COUNT)
  referrals: number | string;

  @ApiProperty(COUNT)
  gap: number | string;

  @ApiProperty(NULLABLE_COUNT)
  openBeds: number | string | null;
}

export class MarketForecastMonthResponse {
  @ApiProperty({ example: '2027-01' })
  month: string;

  @ApiProperty(COUNT)
  demand: number | string;

  @ApiProperty({ ...COUNT, description: 'Lower end of the 80% interval' })
  lower: number | string;

  @ApiProperty({ ...COUNT, description: 'Upper end of the 80% interval' })
  upper: number | string;
}

export class MarketForecastResponse {
  @ApiProperty({ enum: [...SETTING_PLACEMENT_TYPES] })
  placementType: string;

  @ApiProperty({ example: 'holt-winters' })
  method: string;

  @ApiProperty({ ...COUNT, description: 'Referrals forecast over the next 12 months' })
  total: number | string;

  @ApiProperty({ type: [MarketForecastMonthResponse] })
  months: MarketForecastMonthResponse[];
}

/** An alliance's market position as published for providers. */
export class MarketPositionResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  allianceId: string;

  @ApiProperty({ example: 'West London Alliance' })
  allianceName: string;

  @ApiProperty({ type: 'string', format: 'date-time' })
  publishedAt: Date;

  @ApiProperty({ format: 'date', description: 'The 12 complete months the current figures cover' })
  periodFrom: string;

  @ApiProperty({ format: 'date' })
  periodTo: string;

  @ApiProperty({ type: SupplySourceResponse, description: "Where the open beds come from: the day's vacancies when it was published" })
  supply: SupplySourceResponse;

  @ApiProperty({ type: [MarketDemandResponse], description: "The alliance's LAs together, by placement type and age band" })
  demand: MarketDemandResponse[];

  @ApiProperty({ type: [MarketNeedResponse], description: 'Needs with referrals or open beds in the period' })
  needs: MarketNeedResponse[];

  @ApiProperty({ type: [MarketForecastResponse] })
  forecast: MarketForecastResponse[];
}

export class PublishedMarketResponse {
  @ApiProperty({ format: 'uuid' })
  allianceId: string;

  @ApiProperty({ example: 'West London Alliance' })
  allianceName: string;

  @ApiProperty({ type: 'string', format: 'date-time', description: 'When its latest position was published' })
  publishedAt: Date;
}

export class PublishedMarketListResponse {
  @ApiProperty({ type: [PublishedMarketResponse] })
  items: PublishedMarketResponse[];
}
