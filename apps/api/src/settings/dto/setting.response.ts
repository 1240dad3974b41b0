import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Gender, OfstedGrade } from '@app/domain';
import type { OfstedGradeSource } from '@app/persistence';
import { GENDER, NEED_CODE, OFSTED_GRADE, OFSTED_GRADE_SOURCE, PLACEMENT_TYPE } from '../../common/api-enums';
import { DAY, TIMESTAMP, UUID } from '../../common/api-formats';
import { LA_CODE } from '../../common/local-authority-code';
import { OFSTED_URN } from '../../common/ofsted-urn';

export class SupportedNeedResponse {
  @ApiProperty({ ...NEED_CODE })
  code: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 3 })
  level: number;
}

/** What kind of home a setting is, and where, as anyone may know it: its district, not its postcode. */
export class SettingPlaceResponse {
  @ApiProperty({ ...PLACEMENT_TYPE })
  placementType: string;

  @ApiProperty({ ...OFSTED_GRADE })
  ofstedGrade: OfstedGrade;

  @ApiProperty({ example: 'UB1' })
  postcodeDistrict: string;

  @ApiProperty({ ...LA_CODE, nullable: true, description: "The setting's LA; null for a district no LA covers" })
  localAuthorityCode: string | null;
}

export class SettingResponse extends SettingPlaceResponse {
  @ApiProperty(UUID)
  id: string;

  @ApiProperty(UUID)
  providerId: string;

  @ApiProperty()
  name: string;

  @ApiPropertyOptional({ ...OFSTED_URN, description: 'Absent when the setting has none' })
  ofstedUrn?: string;

  @ApiProperty({
    ...OFSTED_GRADE_SOURCE,
    description: "`register`: `ofstedGrade` is Ofsted's, by the setting's URN; `self-declared`: the provider's word, not verified with Ofsted",
  })
  ofstedGradeSource: OfstedGradeSource;

  @ApiProperty({ ...DAY, nullable: true, description: "The register's latest full inspection; null for a self-declared grade" })
  inspectedOn: string | null;

  @ApiProperty({
    example: 'UB1 1AA',
    description: "The full postcode for its own provider and admins; for everyone else only the district (Ofsted withholds children's homes' addresses)",
  })
  postcode: string;

  @ApiProperty({ type: 'integer' })
  registeredPlaces: number;

  @ApiProperty({ type: 'integer' })
  ageMin: number;

  @ApiProperty({ type: 'integer' })
  ageMax: number;

  @ApiProperty({ ...GENDER, isArray: true })
  genders: Gender[];

  @ApiProperty({ type: [SupportedNeedResponse] })
  needsSupported: SupportedNeedResponse[];

  @ApiProperty({ ...NEED_CODE, isArray: true })
  needsExcluded: string[];

  @ApiProperty({ type: 'integer', description: 'Goes up by one with every change' })
  version: number;

  @ApiProperty(TIMESTAMP)
  createdAt: string;

  @ApiProperty(TIMESTAMP)
  updatedAt: string;
}
