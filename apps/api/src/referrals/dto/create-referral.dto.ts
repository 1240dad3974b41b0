import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  CATEGORY_OF_NEED_CODES,
  GENDERS,
  LEGAL_STATUS_CODES,
  NEED_CODES,
  SETTING_PLACEMENT_TYPES,
  URGENCIES,
} from '@app/domain';
import type { Gender, Urgency } from '@app/domain';
import { IsPastDate, IsTodayOrLater } from '../../common/date.validators';
import { SupportedNeedDto } from '../../settings/dto/setting.dto';

export class ChildNeedDto extends SupportedNeedDto {
  /** An essential need rules out settings that cannot meet it; others only lower the score. */
  @IsBoolean()
  essential: boolean;
}

export class ChildPreferencesDto {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  religion?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  language?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

export class ChildDto {
  /** The LA's own case reference; only the LA ever sees it. */
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  localReference: string;

  @IsPastDate()
  dateOfBirth: string;

  @IsIn(GENDERS, { message: `must be one of ${GENDERS.join(', ')}` })
  gender: Gender;

  @IsString()
  @MaxLength(16, { message: 'not a UK postcode' })
  homePostcode: string;

  @IsIn(LEGAL_STATUS_CODES, { message: 'must be an SSDA903 legal status code such as C2' })
  legalStatus: string;

  @IsIn(CATEGORY_OF_NEED_CODES, { message: 'must be an SSDA903 category of need, N1 to N8' })
  categoryOfNeed: string;

  @IsArray()
  @ArrayMaxSize(NEED_CODES.length)
  @ArrayUnique((need: ChildNeedDto) => need?.code, { message: 'must not repeat a need' })
  @IsObject({ each: true, message: 'must each be an object with code, level and essential' })
  @ValidateNested({ each: true })
  @Type(() => ChildNeedDto)
  needs: ChildNeedDto[];

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(12)
  siblingGroupSize?: number;

  @IsOptional()
  @IsBoolean()
  ehcp?: boolean;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ChildPreferencesDto)
  preferences?: ChildPreferencesDto;
}

export class CreateReferralDto {
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ChildDto)
  child: ChildDto;

  @IsIn(URGENCIES, { message: `must be one of ${URGENCIES.join(', ')}` })
  urgency: Urgency;

  @IsTodayOrLater()
  requiredBy: string;

  @IsArray()
  @ArrayMinSize(1, { message: 'must list at least one placement type' })
  @ArrayMaxSize(SETTING_PLACEMENT_TYPES.length)
  @ArrayUnique()
  @IsIn(SETTING_PLACEMENT_TYPES, {
    each: true,
    message: `must each be a placement type a setting offers: ${SETTING_PLACEMENT_TYPES.join(', ')}`,
  })
  placementTypes: string[];

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  maxDistanceMiles?: number;

  /** Whole pounds a week. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  weeklyBudget?: number;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string;
}
