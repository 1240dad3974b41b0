import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CATEGORY_OF_NEED, GENDER, LEGAL_STATUS } from '../../common/api-enums';
import { DAY, UUID } from '../../common/api-formats';
import { SupportedNeedResponse } from '../../settings/dto/setting.response';

export class ChildNeedResponse extends SupportedNeedResponse {
  @ApiProperty({ description: 'An essential need rules out settings that cannot meet it' })
  essential: boolean;
}

/** The child's circumstances as the referral gives them: shared by the LA's record and the provider's summary. */
class ChildCircumstancesResponse {
  @ApiProperty({ ...GENDER })
  gender: string;

  @ApiProperty({ ...LEGAL_STATUS })
  legalStatus: string;

  @ApiProperty({ ...CATEGORY_OF_NEED })
  categoryOfNeed: string;

  @ApiProperty({ type: [ChildNeedResponse] })
  needs: ChildNeedResponse[];

  @ApiProperty({ type: 'integer', description: 'Children placed together' })
  siblingGroupSize: number;
}

/** What a provider may know of a child: never a name, reference, date of birth, full postcode or notes. */
export class ChildSummaryResponse extends ChildCircumstancesResponse {
  @ApiProperty({ type: 'integer', description: 'Whole years today' })
  ageYears: number;

  @ApiProperty({ example: 'UB1', description: "The home postcode's district only" })
  postcodeDistrict: string;
}

/** Enough for the placing LA to know which of its children a placement is. */
export class ChildIdentityResponse {
  @ApiProperty({ description: "The LA's own case reference" })
  localReference: string;

  @ApiProperty(DAY)
  dateOfBirth: string;

  @ApiProperty({ ...GENDER })
  gender: string;
}

export class ChildPreferencesResponse {
  @ApiPropertyOptional()
  religion?: string;

  @ApiPropertyOptional()
  language?: string;

  @ApiPropertyOptional()
  notes?: string;
}

/** A postcode district's centroid. */
export class DistrictCentroidResponse {
  @ApiProperty({ example: 51.5115 })
  latitude: number;

  @ApiProperty({ example: -0.3757 })
  longitude: number;
}

/** The child's identifiable record, as the owning LA submitted it: for that LA only. */
export class ChildRecordResponse extends ChildCircumstancesResponse {
  @ApiProperty(UUID)
  id: string;

  @ApiProperty()
  localReference: string;

  @ApiProperty(DAY)
  dateOfBirth: string;

  @ApiProperty({ example: 'UB1 1AA', description: 'As given, normalised: `UB1 1AA`, or `UB1` when only a district was given' })
  homePostcode: string;

  @ApiProperty({ example: 'UB1' })
  homeDistrict: string;

  @ApiProperty({
    type: DistrictCentroidResponse,
    nullable: true,
    description: "The home district's centroid, for a map (never the full postcode's point); null for a district the api does not know",
  })
  homeLocation: DistrictCentroidResponse | null;

  @ApiProperty({ description: 'Has an education, health and care plan' })
  ehcp: boolean;

  @ApiProperty({ type: ChildPreferencesResponse, nullable: true })
  preferences: ChildPreferencesResponse | null;
}
