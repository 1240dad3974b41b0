import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PartialType, PickType } from '@nestjs/swagger';
import { LEGAL_STATUS_CODES } from '@app/domain';
import { VACANCY_STATUSES } from '@app/persistence';
import type { VacancyStatus } from '@app/persistence';
import { ProviderRecordsQuery } from '../../common/provider-records.query';
import { IsCalendarDate } from '../../common/date.validators';
import { IsOmittable } from '../../common/optional';
import { IsLocalAuthorityCode } from '../../common/local-authority-code';

export class ReservedForDto {
  /** e.g. ["J1"] for beds kept for remand placements. */
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(LEGAL_STATUS_CODES, { each: true, message: 'must each be an SSDA903 legal status' })
  legalStatuses?: string[];

  /** The LAs of a block contract. */
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsLocalAuthorityCode({ each: true })
  localAuthorityCodes?: string[];
}

export class CreateVacancyDto {
  @IsUUID('all', { message: 'must be a setting id' })
  settingId: string;

  @IsInt()
  @Min(1)
  @Max(50)
  beds: number;

  @IsCalendarDate()
  availableFrom: string;

  @IsOptional()
  @IsCalendarDate()
  availableUntil?: string;

  /** Whole pounds a week. */
  @IsInt()
  @Min(1)
  @Max(100_000)
  weeklyCost: number;

  @IsOmittable()
  @IsBoolean()
  emergencyReady?: boolean;

  @IsOptional()
  @ValidateNested()
  @Type(() => ReservedForDto)
  reservedFor?: ReservedForDto;
}

export class UpdateVacancyDto extends PartialType(
  PickType(CreateVacancyDto, ['availableFrom', 'weeklyCost', 'emergencyReady'] as const),
  { skipNullProperties: false },
) {
  /** Zero marks the vacancy filled; beds again reopen it. */
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(50)
  beds?: number;

  /** null: open-ended again. */
  @IsOptional()
  @IsCalendarDate()
  availableUntil?: string | null;

  /** null: no longer reserved. */
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ReservedForDto)
  reservedFor?: ReservedForDto | null;
}

export class ListVacanciesQuery extends ProviderRecordsQuery {
  @IsOptional()
  @IsIn(VACANCY_STATUSES, { message: `must be one of ${VACANCY_STATUSES.join(', ')}` })
  status?: VacancyStatus;
}
