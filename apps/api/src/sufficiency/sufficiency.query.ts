import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsCalendarDate } from '../common/date.validators';

export class AllianceQuery {
  @IsUUID('all', { message: 'must be an alliance id (a UUID)' })
  allianceId: string;
}

export class SufficiencyQuery extends AllianceQuery {
  /** The period's first day. */
  @IsCalendarDate()
  from: string;

  /** The period's last day; open beds are counted on it. */
  @IsCalendarDate()
  to: string;
}

/** The most months a forecast looks ahead. */
export const MAX_FORECAST_MONTHS = 24;

export class ForecastQuery extends AllianceQuery {
  /** How many months ahead, starting with the current month; 12 by default. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of months' })
  @Min(1)
  @Max(MAX_FORECAST_MONTHS)
  months?: number;
}
