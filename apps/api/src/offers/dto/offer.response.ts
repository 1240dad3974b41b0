import { ApiProperty } from '@nestjs/swagger';
import type { Urgency } from '@app/domain';
import type { DeclineReason, OfferStatus } from '@app/persistence';
import { DECLINE_REASON, OFFER_STATUS, PLACEMENT_TYPE, URGENCY } from '../../common/api-enums';
import { DAY, TIMESTAMP, UUID, WEEKLY_COST } from '../../common/api-formats';
import { ChildSummaryResponse } from '../../referrals/dto/child.response';

/** A shortlisted referral as the provider of one of its vacancies sees it: anonymised. */
export class ProviderReferralResponse extends ChildSummaryResponse {
  @ApiProperty(UUID)
  referralId: string;

  @ApiProperty({ ...UUID, description: "The provider's vacancy on the shortlist" })
  vacancyId: string;

  @ApiProperty({ ...URGENCY })
  urgency: Urgency;

  @ApiProperty(DAY)
  requiredBy: string;

  @ApiProperty({ ...PLACEMENT_TYPE, isArray: true, description: 'In order of preference' })
  placementTypes: string[];

  @ApiProperty({ description: "The vacancy's match score, 0-100" })
  score: number;
}

export class OfferResponse {
  @ApiProperty(UUID)
  id: string;

  @ApiProperty(UUID)
  referralId: string;

  @ApiProperty(UUID)
  vacancyId: string;

  @ApiProperty(UUID)
  providerId: string;

  @ApiProperty(WEEKLY_COST)
  weeklyCost: number;

  @ApiProperty({ type: String, nullable: true })
  message: string | null;

  @ApiProperty({ ...OFFER_STATUS })
  status: OfferStatus;

  @ApiProperty(TIMESTAMP)
  createdAt: string;
}

export class OfferListResponse {
  @ApiProperty(UUID)
  referralId: string;

  @ApiProperty({ type: [OfferResponse], description: 'Newest first' })
  items: OfferResponse[];
}

export class DeclineResponse {
  @ApiProperty(UUID)
  id: string;

  @ApiProperty(UUID)
  referralId: string;

  @ApiProperty(UUID)
  vacancyId: string;

  @ApiProperty({ ...DECLINE_REASON })
  reason: DeclineReason;

  @ApiProperty({ type: 'integer', description: "The provider's live offers of the vacancy withdrawn with it (0 or 1)" })
  withdrawnOffers: number;
}
