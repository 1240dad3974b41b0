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
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  GENDERS,
  NEED_CODES,
  NEED_LEVEL_MAX,
  NEED_LEVEL_MIN,
  OFSTED_GRADES,
  SETTING_PLACEMENT_TYPES,
} from '@app/domain';
import type { Gender, OfstedGrade } from '@app/domain';
import { GENDER, NEED_CODE, OFSTED_GRADE, PLACEMENT_TYPE } from '../../common/api-enums';
import { IsOfstedUrn, OFSTED_URN } from '../../common/ofsted-urn';
import { IsOmittable } from '../../common/optional';
import { ProviderRecordsQuery } from '../../common/provider-records.query';

export class SupportedNeedDto {
  @ApiProperty({ ...NEED_CODE })
  @IsIn(NEED_CODES, { message: 'must be a need from the taxonomy' })
  code: string;

  @ApiProperty({ type: 'integer', minimum: NEED_LEVEL_MIN, maximum: NEED_LEVEL_MAX, description: '1 (some support) to 3 (intensive)' })
  @IsInt()
  @Min(NEED_LEVEL_MIN)
  @Max(NEED_LEVEL_MAX)
  level: number;
}

export class CreateSettingDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a provider id' })
  providerId: string;

  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ ...PLACEMENT_TYPE })
  @IsIn(SETTING_PLACEMENT_TYPES, { message: `must be one of ${SETTING_PLACEMENT_TYPES.join(', ')}` })
  placementType: string;

  @ApiPropertyOptional({
    ...OFSTED_URN,
    description: "The setting's registration on Ofsted's register of children's social care providers; it must be on the register. Its grade and inspection date then come from the register.",
  })
  @IsOptional()
  @IsOfstedUrn()
  ofstedUrn?: string;

  @ApiProperty({
    ...OFSTED_GRADE,
    description:
      "The grade as the provider declares it, used only when the setting has no `ofstedUrn`: officers see it as not verified. With a URN on the register the register's grade is stored and this value is ignored.",
  })
  @IsIn(OFSTED_GRADES, { message: `must be one of ${OFSTED_GRADES.join(', ')}` })
  ofstedGrade: OfstedGrade;

  @ApiProperty({ maxLength: 16, example: 'UB1 1AA', description: 'A full postcode or a district; the district must be known.' })
  @IsString()
  @MaxLength(16, { message: 'not a UK postcode' })
  postcode: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 200 })
  @IsInt()
  @Min(1)
  @Max(200)
  registeredPlaces: number;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 17 })
  @IsInt()
  @Min(0)
  @Max(17)
  ageMin: number;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 17 })
  @IsInt()
  @Min(0)
  @Max(17)
  ageMax: number;

  @ApiProperty({ ...GENDER, isArray: true, minItems: 1, maxItems: GENDERS.length, uniqueItems: true })
  @IsArray()
  @ArrayMinSize(1, { message: 'must accept at least one gender' })
  @ArrayMaxSize(GENDERS.length)
  @ArrayUnique()
  @IsIn(GENDERS, { each: true, message: `must each be one of ${GENDERS.join(', ')}` })
  genders: Gender[];

  @ApiPropertyOptional({ type: [SupportedNeedDto], maxItems: NEED_CODES.length, uniqueItems: true, description: 'Each need at most once' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(NEED_CODES.length)
  @ArrayUnique((need: SupportedNeedDto) => need?.code, { message: 'must not repeat a need' })
  @IsObject({ each: true, message: 'must each be an object with code and level' })
  @ValidateNested({ each: true })
  @Type(() => SupportedNeedDto)
  needsSupported?: SupportedNeedDto[];

  @ApiPropertyOptional({
    ...NEED_CODE,
    isArray: true,
    maxItems: NEED_CODES.length,
    uniqueItems: true,
    description: 'Needs the setting cannot take; none of them also supported',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(NEED_CODES.length)
  @ArrayUnique()
  @IsIn(NEED_CODES, { each: true, message: 'must each be a need from the taxonomy' })
  needsExcluded?: string[];
}

export class UpdateSettingDto extends PartialType(OmitType(CreateSettingDto, ['providerId'] as const), {
  skipNullProperties: false,
}) {}

export class ListSettingsQuery extends ProviderRecordsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "Ignored for provider users, who always see their own provider's." })
  @IsOptional()
  @IsUUID('all', { message: 'must be a provider id' })
  providerId?: string;
}
