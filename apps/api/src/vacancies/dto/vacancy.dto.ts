import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  ValidateBy,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { LEGAL_STATUS_CODES, VACANCY_STATUSES, type VacancyStatus } from '@app/domain';
import { ProviderRecordsQuery } from '../../common/provider-records.query';
import { LEGAL_STATUS, VACANCY_STATUS } from '../../common/api-enums';
import { calendarDate, IsCalendarDate } from '../../common/date.validators';
import { IsOmittable } from '../../common/optional';
import { IsLocalAuthorityCode, LA_CODE, LOCAL_AUTHORITY_COUNT } from '../../common/local-authority-code';

/** An object naming at least one list (a null list is left for its own validation to name). */
const NamesAReservation = () =>
  ValidateBy({
    name: 'namesAReservation',
    validator: {
      validate: (value: unknown) =>
        value !== null &&
        typeof value === 'object' &&
        !Array.isArray(value) &&
        Object.values(value).some((list) => list !== undefined),
      defaultMessage: () => 'must be an object naming legalStatuses, localAuthorityCodes or both',
    },
  });

export class ReservedForDto {
  @ApiPropertyOptional({
    ...LEGAL_STATUS,
    isArray: true,
    minItems: 1,
    maxItems: LEGAL_STATUS_CODES.length,
    uniqueItems: true,
    description: 'e.g. ["J1"] for beds kept for remand placements.',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LEGAL_STATUS_CODES.length)
  @ArrayUnique()
  @IsIn(LEGAL_STATUS_CODES, { each: true, message: 'must each be an SSDA903 legal status' })
  legalStatuses?: string[];

  @ApiPropertyOptional({
    type: 'array',
    items: LA_CODE,
    minItems: 1,
    maxItems: LOCAL_AUTHORITY_COUNT,
    uniqueItems: true,
    description: 'The LAs of a block contract.',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LOCAL_AUTHORITY_COUNT)
  @ArrayUnique()
  @IsLocalAuthorityCode({ each: true })
  localAuthorityCodes?: string[];
}

export class CreateVacancyDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a setting id' })
  settingId: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 50 })
  @IsInt()
  @Min(1)
  @Max(50)
  beds: number;

  @ApiProperty(calendarDate())
  @IsCalendarDate()
  availableFrom: string;

  @ApiPropertyOptional(calendarDate('The last day; open-ended without it.'))
  @IsOptional()
  @IsCalendarDate()
  availableUntil?: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 100_000, description: 'Whole pounds a week.' })
  @IsInt()
  @Min(1)
  @Max(100_000)
  weeklyCost: number;

  @ApiPropertyOptional({ default: false, description: 'Can take a child tonight: only such vacancies are matched to emergencies.' })
  @IsOmittable()
  @IsBoolean()
  emergencyReady?: boolean;

  @ApiPropertyOptional({ type: ReservedForDto, description: 'Kept for some children only: names legalStatuses, localAuthorityCodes or both.' })
  @IsOptional()
  @NamesAReservation()
  @ValidateNested()
  @Type(() => ReservedForDto)
  reservedFor?: ReservedForDto;
}

export class UpdateVacancyDto extends PartialType(
  PickType(CreateVacancyDto, ['availableFrom', 'weeklyCost', 'emergencyReady'] as const),
  { skipNullProperties: false },
) {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 50, description: 'Zero marks the vacancy filled; beds again reopen it.' })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(50)
  beds?: number;

  @ApiPropertyOptional({ ...calendarDate('null: open-ended again.'), nullable: true })
  @IsOptional()
  @IsCalendarDate()
  availableUntil?: string | null;

  @ApiPropertyOptional({ type: ReservedForDto, nullable: true, description: 'null: no longer reserved.' })
  @IsOptional()
  @NamesAReservation()
  @ValidateNested()
  @Type(() => ReservedForDto)
  reservedFor?: ReservedForDto | null;
}

export class ListVacanciesQuery extends ProviderRecordsQuery {
  @ApiPropertyOptional({ ...VACANCY_STATUS })
  @IsOptional()
  @IsIn(VACANCY_STATUSES, { message: `must be one of ${VACANCY_STATUSES.join(', ')}` })
  status?: VacancyStatus;
}
