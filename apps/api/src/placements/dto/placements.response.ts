import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath, PickType } from '@nestjs/swagger';
import { GENDER, REASON_FOR_PLACEMENT_CHANGE } from '../../common/api-enums';
import { DAY } from '../../common/api-formats';
import { LA_CODE } from '../../common/local-authority-code';
import { ChildIdentityResponse } from '../../referrals/dto/child.response';
import { PlacementResponse, PlacingOfficerResponse } from './placement.response';

/**
 * GET /placements: a placement in a list, as GET /placements/:id gives it, with its setting and
 * provider named and its ending only once ended. The placing LA's items carry the child's identity;
 * the provider's, what it needs to receive the child.
 */
export class PlacementItemResponse extends PickType(PlacementResponse, [
  'id',
  'referralId',
  'vacancyId',
  'settingId',
  'providerId',
  'startDate',
  'weeklyCost',
] as const) {
  @ApiProperty()
  settingName: string;

  @ApiProperty()
  providerName: string;

  @ApiPropertyOptional({ ...DAY, description: 'The last day; absent until ended' })
  endDate?: string;

  @ApiPropertyOptional({ ...REASON_FOR_PLACEMENT_CHANGE, description: 'Absent until ended' })
  endReason?: string;

  @ApiPropertyOptional({ description: 'False for a breakdown; absent until ended' })
  planned?: boolean;
}

export class LaPlacementItemResponse extends PlacementItemResponse {
  @ApiProperty({ type: ChildIdentityResponse })
  child: ChildIdentityResponse;
}

export class ProviderPlacementItemResponse extends PlacementItemResponse {
  @ApiProperty({ type: 'integer', description: 'Whole years today' })
  ageYears: number;

  @ApiProperty({ ...GENDER })
  gender: string;

  @ApiProperty({ ...LA_CODE, description: 'The placing LA' })
  localAuthorityCode: string;

  @ApiProperty({ example: 'Ealing' })
  localAuthorityName: string;

  @ApiProperty({ ...DAY, description: "The child's, told to the provider once its offer was accepted" })
  dateOfBirth: string;

  @ApiProperty({ type: PlacingOfficerResponse })
  placingOfficer: PlacingOfficerResponse;
}

@ApiExtraModels(LaPlacementItemResponse, ProviderPlacementItemResponse)
export class PlacementListResponse {
  @ApiProperty({
    type: 'array',
    items: { oneOf: [{ $ref: getSchemaPath(LaPlacementItemResponse) }, { $ref: getSchemaPath(ProviderPlacementItemResponse) }] },
    description: "Newest first: the LA's items for a placement officer, the provider's for a provider user",
  })
  items: (LaPlacementItemResponse | ProviderPlacementItemResponse)[];

  @ApiProperty({ type: 'integer', description: 'How many placements match, over every page' })
  total: number;
}
