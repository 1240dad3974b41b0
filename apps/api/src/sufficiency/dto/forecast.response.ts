import { ApiProperty } from '@nestjs/swagger';
import type { ForecastMethod } from '@app/domain';
import { apiEnum, PLACEMENT_TYPE, unionMembers } from '../../common/api-enums';
import { MONTH, UUID } from '../../common/api-formats';

const FORECAST_METHOD = apiEnum(
  'ForecastMethod',
  unionMembers<ForecastMethod>({ 'holt-winters-additive': true, 'holt-linear': true, 'seasonal-naive': true, mean: true }),
);

export class ForecastPointResponse {
  @ApiProperty(MONTH)
  month: string;

  @ApiProperty({ description: 'Referrals expected, to one decimal place' })
  demand: number;

  @ApiProperty({ description: "The interval's lower end" })
  lower: number;

  @ApiProperty({ description: "The interval's upper end" })
  upper: number;
}

export class ForecastSeriesResponse {
  @ApiProperty({ ...PLACEMENT_TYPE, description: 'Referrals are counted under the first placement type they list' })
  placementType: string;

  @ApiProperty({ ...FORECAST_METHOD })
  method: ForecastMethod;

  @ApiProperty({ type: [ForecastPointResponse], description: 'One per month ahead, from the current month' })
  points: ForecastPointResponse[];
}

export class ForecastHistoryResponse {
  @ApiProperty({ ...MONTH, nullable: true, description: 'The first complete month fitted; null without history' })
  from: string | null;

  @ApiProperty({ ...MONTH, nullable: true })
  to: string | null;

  @ApiProperty({ type: 'integer', description: 'Complete months fitted (up to 60); 0 without any referral' })
  months: number;
}

export class DemandForecastResponse {
  @ApiProperty(UUID)
  allianceId: string;

  @ApiProperty({ description: "The intervals' coverage", example: 0.8 })
  level: number;

  @ApiProperty({ ...MONTH, description: 'The current month: the first forecast' })
  firstMonth: string;

  @ApiProperty({ type: ForecastHistoryResponse })
  history: ForecastHistoryResponse;

  @ApiProperty({ type: [ForecastSeriesResponse], description: 'One per placement type the history has, sorted by code; empty without history' })
  series: ForecastSeriesResponse[];
}
