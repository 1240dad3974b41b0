import { ApiProperty } from '@nestjs/swagger';
import type { ExclusionReason, ReferralStatus } from '@app/domain';
import { EXCLUSION_REASON, REFERRAL_STATUS } from '../../common/api-enums';
import { TIMESTAMP, UUID, WEEKLY_COST } from '../../common/api-formats';
import { SettingPlaceResponse, SupportedNeedResponse } from '../../settings/dto/setting.response';

/** Points of the score from each part; they add up to the score (each rounded down to 2 dp). */
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

export class MatchProviderResponse {
  @ApiProperty(UUID)
  id: string;

  @ApiProperty({ example: 'Oakfield Care Ltd' })
  name: string;
}

/**
 * The setting a vacancy is in, as anyone outside its provider may see it: where to the postcode
 * district (its centroid, never the setting's own point or full postcode), and what it supports.
 */
export class MatchSettingResponse extends SettingPlaceResponse {
  @ApiProperty(UUID)
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({
    description: "True when `ofstedGrade` is Ofsted's, from the register by the setting's URN; false when it is only the provider's word (show it as not verified)",
  })
  gradeVerified: boolean;

  @ApiProperty({ description: "The postcode district's centroid", example: 51.5115 })
  latitude: number;

  @ApiProperty({ description: "The postcode district's centroid", example: -0.3757 })
  longitude: number;

  @ApiProperty({ type: [SupportedNeedResponse], description: 'The needs the home supports, each up to a level' })
  needsSupported: SupportedNeedResponse[];
}

/** A vacancy with its provider and setting: what both lists name each vacancy by. */
class VacancyAtSettingResponse {
  @ApiProperty(UUID)
  vacancyId: string;

  @ApiProperty({ description: "Miles from the child's home postcode district" })
  distanceMiles: number;

  @ApiProperty({ type: MatchProviderResponse })
  provider: MatchProviderResponse;

  @ApiProperty({ type: MatchSettingResponse })
  setting: MatchSettingResponse;
}

export class MatchItemResponse extends VacancyAtSettingResponse {
  @ApiProperty({ type: 'integer', description: '1 for the best' })
  rank: number;

  @ApiProperty(UUID)
  settingId: string;

  @ApiProperty(UUID)
  providerId: string;

  @ApiProperty({ minimum: 0, maximum: 100, description: 'The sum of the breakdown, to within 0.01' })
  score: number;

  @ApiProperty(WEEKLY_COST)
  weeklyCost: number;

  @ApiProperty({ type: ScoreBreakdownResponse })
  breakdown: ScoreBreakdownResponse;
}

export class ExclusionItemResponse extends VacancyAtSettingResponse {
  @ApiProperty({ ...EXCLUSION_REASON, isArray: true, description: 'Every hard constraint the vacancy fails; never empty' })
  reasons: ExclusionReason[];
}

/** Where a referral's matching stands: shared by its shortlist and its exclusions. */
class MatchingRunResponse {
  @ApiProperty(UUID)
  referralId: string;

  @ApiProperty({ ...REFERRAL_STATUS })
  status: ReferralStatus;

  @ApiProperty({ ...TIMESTAMP, nullable: true, description: 'When it was last matched; null until it has been' })
  computedAt: Date | null;

  @ApiProperty({
    description:
      'True when the last re-match failed: these are the results of computedAt, kept so the child stays listed and its offers acceptable while matching recovers',
  })
  stale: boolean;
}

export class MatchListResponse extends MatchingRunResponse {
  @ApiProperty({
    type: [MatchItemResponse],
    description: 'Best first (ties by distance, then vacancy id), up to 50; empty until matched',
  })
  items: MatchItemResponse[];
}

export class ExclusionListResponse extends MatchingRunResponse {
  @ApiProperty({ type: [ExclusionItemResponse], description: 'The open vacancies ruled out, nearest first, up to 200' })
  items: ExclusionItemResponse[];
}
