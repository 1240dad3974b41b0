import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { SETTING_PLACEMENT_TYPES } from '@app/domain';
import { PLACEMENT_TYPE } from '../common/api-enums';
import { calendarDate, IsCalendarDate } from '../common/date.validators';

export class AllianceQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be an alliance id (a UUID)' })
  allianceId: string;
}

export class SufficiencyQuery extends AllianceQuery {
  @ApiProperty(calendarDate("The period's first day."))
  @IsCalendarDate()
  from: string;

  @ApiProperty(calendarDate("The period's last day, at most three years after the first; open beds are counted on it."))
  @IsCalendarDate()
  to: string;
}

export class TrendQuery extends SufficiencyQuery {
  @ApiPropertyOptional({
    ...PLACEMENT_TYPE,
    description: "Only referrals whose first placement type this is, and only beds of this type; every type without it.",
  })
  @IsOptional()
  @IsIn(SETTING_PLACEMENT_TYPES, { message: `must be one of ${SETTING_PLACEMENT_TYPES.join(', ')}` })
  placementType?: string;
}

/** The most months a forecast looks ahead. */
export const MAX_FORECAST_MONTHS = 24;
const FORECAST_MONTHS = Array.from({ length: MAX_FORECAST_MONTHS }, (_, i) => i + 1);

export class ForecastQuery extends AllianceQuery {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_FORECAST_MONTHS,
    default: 12,
    description: 'How many months ahead, starting with the current month.',
  })
  @IsOptional()
  @Type(() => Number)
  // One check, so 'twelve' gets one problem rather than three.
  @IsIn(FORECAST_MONTHS, { message: `must be a whole number of months from 1 to ${MAX_FORECAST_MONTHS}` })
  months?: number;
}
