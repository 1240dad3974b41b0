import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { OmitType, PartialType } from '@nestjs/swagger';
import {
  GENDERS,
  NEED_CODES,
  NEED_LEVEL_MAX,
  NEED_LEVEL_MIN,
  OFSTED_GRADES,
  SETTING_PLACEMENT_TYPES,
} from '@app/domain';
import type { Gender, OfstedGrade } from '@app/domain';
import { IsOmittable } from '../../common/optional';
import { ProviderRecordsQuery } from '../../common/provider-records.query';

export class SupportedNeedDto {
  @IsIn(NEED_CODES, { message: 'must be a need from the taxonomy' })
  code: string;

  @IsInt()
  @Min(NEED_LEVEL_MIN)
  @Max(NEED_LEVEL_MAX)
  level: number;
}

export class CreateSettingDto {
  @IsUUID('all', { message: 'must be a provider id' })
  providerId: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @IsIn(SETTING_PLACEMENT_TYPES, { message: `must be one of ${SETTING_PLACEMENT_TYPES.join(', ')}` })
  placementType: string;

  @IsOptional()
  @Matches(/^[A-Z0-9]{6,16}$/i, { message: 'must be an Ofsted URN such as SC123456' })
  ofstedUrn?: string;

  @IsIn(OFSTED_GRADES, { message: `must be one of ${OFSTED_GRADES.join(', ')}` })
  ofstedGrade: OfstedGrade;

  /** A full postcode or a district; the district must be known. */
  @IsString()
  @MaxLength(16, { message: 'not a UK postcode' })
  postcode: string;

  @IsInt()
  @Min(1)
  @Max(200)
  registeredPlaces: number;

  @IsInt()
  @Min(0)
  @Max(17)
  ageMin: number;

  @IsInt()
  @Min(0)
  @Max(17)
  ageMax: number;

  @IsArray()
  @ArrayMinSize(1, { message: 'must accept at least one gender' })
  @ArrayUnique()
  @IsIn(GENDERS, { each: true, message: `must each be one of ${GENDERS.join(', ')}` })
  genders: Gender[];

  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(NEED_CODES.length)
  @ArrayUnique((need: SupportedNeedDto) => need?.code, { message: 'must not repeat a need' })
  @IsObject({ each: true, message: 'must each be an object with code and level' })
  @ValidateNested({ each: true })
  @Type(() => SupportedNeedDto)
  needsSupported?: SupportedNeedDto[];

  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(NEED_CODES, { each: true, message: 'must each be a need from the taxonomy' })
  needsExcluded?: string[];
}

export class UpdateSettingDto extends PartialType(OmitType(CreateSettingDto, ['providerId'] as const), {
  skipNullProperties: false,
}) {}

export class ListSettingsQuery extends ProviderRecordsQuery {
  /** Ignored for provider users, who always see their own provider's. */
  @IsOptional()
  @IsUUID('all', { message: 'must be a provider id' })
  providerId?: string;
}
