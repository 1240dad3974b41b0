import { ApiProperty } from '@nestjs/swagger';
import { EXCLUSION_REASONS, NEED_CODES, OFSTED_GRADES, SETTING_PLACEMENT_TYPES } from '@app/domain';
import type { ExclusionReason, OfstedGrade } from '@app/domain';
import { REFERRAL_STATUSES } from '@app/persistence';
import type { ReferralStatus } from '@app/persistence';

export class ListedProviderResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Oakfield Care Ltd' })
  name: string;
}

/** Where a setting is, to the postcode district: its centroid, never the full postcode. */
export class ListedSettingResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: [...SETTING_PLACEMENT_TYPES], example: 'K2' })
  placementType: string;

  @ApiProperty({ enum: [...OFSTED_GRADES] })
  ofstedGrade: OfstedGrade;

  @ApiProperty({ example: 'UB1' })
  postcodeDistrict: string;

  @ApiProperty({ type: String, nullable: true, description: 'The LA the district lies in (GSS); null outside England', example: 'E09000009' })
  localAuthorityCode: string | null;

  @ApiProperty({ description: "The postcode district's centroid", example: 51.5115 })
  latitude: number;

  @ApiProperty({ description: "The postcode district's centroid", example: -0.3757 })
  longitude: number;

  @ApiProperty({ type: () => [ListedNeedResponse], description: 'The needs the home supports, each up to a level' })
  needsSupported: ListedNeedResponse[];
}

export class ListedNeedResponse {
  @ApiProperty({ enum: [...NEED_CODES], example: 'self-harm' })
  code: string;

  @ApiProperty({ minimum: 1, maximum: 3 })
  level: number;
}

export class ScoreBreakdownResponse {
  @ApiProperty()
  needs: number;

  @ApiProperty()
  proximity: number;

  @ApiProperty()
  quality: number;

  @ApiProperty()
  continuity: number;

  @ApiProperty()
  cost: number;
}

/** The referral and the matching run a stored list comes from. */
export class MatchRunResponse {
  @ApiProperty({ format: 'uuid' })
  referralId: string;

  @ApiProperty({ enum: [...REFERRAL_STATUSES] })
  status: ReferralStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Null until the referral has been matched' })
  computedAt: Date | null;
}

export class MatchItemResponse {
  @ApiProperty({ description: '1 for the best' })
  rank: number;

  @ApiProperty({ format: 'uuid' })
  vacancyId: string;

  @ApiProperty({ format: 'uuid' })
  settingId: string;

  @ApiProperty({ format: 'uuid' })
  providerId: string;

  @ApiProperty({ description: '0-100, the sum of the breakdown to within 0.01' })
  score: number;

  @ApiProperty()
  distanceMiles: number;

  @ApiProperty({ description: 'Whole pounds a week' })
  weeklyCost: number;

  @ApiProperty({ type: ScoreBreakdownResponse })
  breakdown: ScoreBreakdownResponse;

  @ApiProperty({ type: ListedProviderResponse })
  provider: ListedProviderResponse;

  @ApiProperty({ type: ListedSettingResponse })
  setting: ListedSettingResponse;
}

export class MatchesResponse extends MatchRunResponse {
  @ApiProperty({ type: [MatchItemResponse], description: 'Best first, up to 50' })
  items: MatchItemResponse[];
}

export class ExclusionItemResponse {
  @ApiProperty({ format: 'uuid' })
  vacancyId: string;

  @ApiProperty()
  distanceMiles: number;

  @ApiProperty({ enum: [...EXCLUSION_REASONS], isArray: true })
  reasons: ExclusionReason[];

  @ApiProperty({ type: ListedProviderResponse })
  provider: ListedProviderResponse;

  @ApiProperty({ type: ListedSettingResponse })
  setting: ListedSettingResponse;
}

export class ExclusionsResponse extends MatchRunResponse {
  @ApiProperty({ type: [ExclusionItemResponse], description: 'Nearest first, up to 200' })
  items: ExclusionItemResponse[];
}
