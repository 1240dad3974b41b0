import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PROVIDER_SECTORS, SECTOR_GROUPS, SETTING_PLACEMENT_TYPES } from '@app/domain';
import { apiEnum, PLACEMENT_TYPE } from '../../common/api-enums';
import { calendarDate, IsCalendarDate } from '../../common/date.validators';
import { IsLocalAuthorityCode, LA_CODE } from '../../common/local-authority-code';

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

/** A provider sector, or a group of them: in-house (local authority) or independent (private or voluntary). */
export const BENCHMARK_SECTORS = [...PROVIDER_SECTORS, ...SECTOR_GROUPS] as const;
export type BenchmarkSector = (typeof BENCHMARK_SECTORS)[number];

/** Which providers to benchmark. A filter keeps or drops a whole provider; its figures stay its whole record with the alliance. */
export class BenchmarkQuery extends AllianceQuery {
  @ApiPropertyOptional({
    ...PLACEMENT_TYPE,
    description: "Only providers with a setting of this type among those that concern the alliance (in its LAs, or holding its children)",
  })
  @IsOptional()
  @IsIn(SETTING_PLACEMENT_TYPES, { message: `must be one of ${SETTING_PLACEMENT_TYPES.join(', ')}` })
  placementType?: string;

  @ApiPropertyOptional({
    ...apiEnum('BenchmarkSector', BENCHMARK_SECTORS),
    description: 'Only providers of this sector; in_house is local_authority, independent is private or voluntary',
  })
  @IsOptional()
  @IsIn(BENCHMARK_SECTORS, { message: `must be one of ${BENCHMARK_SECTORS.join(', ')}` })
  sector?: BenchmarkSector;

  @ApiPropertyOptional({ ...LA_CODE, description: 'Only providers with a setting in this LA among those that concern the alliance' })
  @IsOptional()
  @IsLocalAuthorityCode()
  localAuthorityCode?: string;
}
