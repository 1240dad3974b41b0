import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath, PickType } from '@nestjs/swagger';
import { GENDERS } from '@app/domain';
import { ChildIdentityResponse, PlacementResponse, PlacingOfficerResponse } from './placement.response';

/** GET /placements: the placing LA's items carry the child's identity; the provider's, what it needs to receive the child. */

/** A placement in a list: as GET /placements/:id gives it, with its setting and provider named and its ending only once ended. */
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

  @ApiPropertyOptional({ format: 'date', description: 'The last day, once ended' })
  endDate?: string;

  @ApiPropertyOptional({ description: 'SSDA903 reason for placement change, once ended', example: 'CREQB' })
  endReason?: string;

  @ApiPropertyOptional({ description: 'Once ended: false for a breakdown' })
  planned?: boolean;
}

export class LaPlacementItemResponse extends PlacementItemResponse {
  @ApiProperty({ type: ChildIdentityResponse })
  child: ChildIdentityResponse;
}

export class ProviderPlacementItemResponse extends PlacementItemResponse {
  @ApiProperty()
  ageYears: number;

  @ApiProperty({ enum: [...GENDERS] })
  gender: string;

  @ApiProperty({ description: 'The placing LA (GSS)', example: 'E09000009' })
  localAuthorityCode: string;

  @ApiProperty({ example: 'Ealing' })
  localAuthorityName: string;

  @ApiProperty({ format: 'date', description: "The child's, told to the provider once its offer was accepted" })
  dateOfBirth: string;

  @ApiProperty({ type: PlacingOfficerResponse })
  placingOfficer: PlacingOfficerResponse;
}

@ApiExtraModels(LaPlacementItemResponse, ProviderPlacementItemResponse)
export class PlacementsResponse {
  @ApiProperty({
    type: 'array',
    items: { oneOf: [{ $ref: getSchemaPath(LaPlacementItemResponse) }, { $ref: getSchemaPath(ProviderPlacementItemResponse) }] },
    description: "Newest first: the LA's items for a placement officer, the provider's for a provider user",
  })
  items: (LaPlacementItemResponse | ProviderPlacementItemResponse)[];

  @ApiProperty({ description: 'How many placements match, over every page' })
  total: number;
}
