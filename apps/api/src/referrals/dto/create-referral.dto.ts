import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
import { CATEGORY_OF_NEED, GENDER, LEGAL_STATUS, PLACEMENT_TYPE, URGENCY } from '../../common/api-enums';
import { calendarDate, IsPastDate, IsTodayOrLater } from '../../common/date.validators';
import { SupportedNeedDto } from '../../settings/dto/setting.dto';

export class ChildNeedDto extends SupportedNeedDto {
  @ApiProperty({ description: 'An essential need rules out settings that cannot meet it; others only lower the score.' })
  @IsBoolean()
  essential: boolean;
}

export class ChildPreferencesDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  religion?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  language?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

export class ChildDto {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'LA-CASE-123', description: "The LA's own case reference; only the LA ever sees it." })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  localReference: string;

  @ApiProperty(calendarDate('In the past.'))
  @IsPastDate()
  dateOfBirth: string;

  @ApiProperty({ ...GENDER })
  @IsIn(GENDERS, { message: `must be one of ${GENDERS.join(', ')}` })
  gender: Gender;

  @ApiProperty({ maxLength: 16, example: 'UB1 1AA', description: 'A full postcode or a district; the district must be known.' })
  @IsString()
  @MaxLength(16, { message: 'not a UK postcode' })
  homePostcode: string;

  @ApiProperty({ ...LEGAL_STATUS })
  @IsIn(LEGAL_STATUS_CODES, { message: 'must be an SSDA903 legal status code such as C2' })
  legalStatus: string;

  @ApiProperty({ ...CATEGORY_OF_NEED })
  @IsIn(CATEGORY_OF_NEED_CODES, { message: 'must be an SSDA903 category of need, N1 to N8' })
  categoryOfNeed: string;

  @ApiProperty({ type: [ChildNeedDto], maxItems: NEED_CODES.length, uniqueItems: true, description: 'Each need at most once' })
  @IsArray()
  @ArrayMaxSize(NEED_CODES.length)
  @ArrayUnique((need: ChildNeedDto) => need?.code, { message: 'must not repeat a need' })
  @IsObject({ each: true, message: 'must each be an object with code, level and essential' })
  @ValidateNested({ each: true })
  @Type(() => ChildNeedDto)
  needs: ChildNeedDto[];

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 12, default: 1, description: 'Children to be placed together' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(12)
  siblingGroupSize?: number;

  @ApiPropertyOptional({ default: false, description: 'Has an education, health and care plan' })
  @IsOptional()
  @IsBoolean()
  ehcp?: boolean;

  @ApiPropertyOptional({ type: ChildPreferencesDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ChildPreferencesDto)
  preferences?: ChildPreferencesDto;
}

export class CreateReferralDto {
  @ApiProperty({ type: ChildDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ChildDto)
  child: ChildDto;

  @ApiProperty({ ...URGENCY })
  @IsIn(URGENCIES, { message: `must be one of ${URGENCIES.join(', ')}` })
  urgency: Urgency;

  @ApiProperty(calendarDate('Today or later.'))
  @IsTodayOrLater()
  requiredBy: string;

  @ApiProperty({ ...PLACEMENT_TYPE, isArray: true, minItems: 1, maxItems: SETTING_PLACEMENT_TYPES.length, uniqueItems: true, description: 'In order of preference' })
  @IsArray()
  @ArrayMinSize(1, { message: 'must list at least one placement type' })
  @ArrayMaxSize(SETTING_PLACEMENT_TYPES.length)
  @ArrayUnique()
  @IsIn(SETTING_PLACEMENT_TYPES, {
    each: true,
    message: `must each be a placement type a setting offers: ${SETTING_PLACEMENT_TYPES.join(', ')}`,
  })
  placementTypes: string[];

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, description: 'From the home postcode district' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  maxDistanceMiles?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100_000, description: 'Whole pounds a week.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  weeklyBudget?: number;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string;
}
