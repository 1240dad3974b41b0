import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import type { Urgency, OfferStatus, ReferralStatus } from '@app/domain';
import type { DeclineReason } from '@app/persistence';
import { DECLINE_REASON, EXCLUSION_REASON, OFFER_STATUS, PLACEMENT_TYPE, REFERRAL_STATUS, URGENCY } from '../../common/api-enums';
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

  @ApiProperty({
    ...OFFER_STATUS,
    description:
      'open; accepted (the child was placed with it); closed (another offer was accepted, the referral withdrawn, or the vacancy no longer fits the referral: see closedReasons); withdrawn (the provider declined)',
  })
  status: OfferStatus;

  @ApiPropertyOptional({
    ...EXCLUSION_REASON,
    isArray: true,
    description:
      "Present when a re-match closed the offer because its vacancy no longer meets the referral's hard constraints (the setting or vacancy changed after offering): the reasons, as in the referral's exclusions",
  })
  closedReasons?: string[];

  @ApiProperty(TIMESTAMP)
  createdAt: Date;
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

/** A provider's decline as the placing LA reads it: who said no, for which vacancy, and why. */
export class DeclineItemResponse {
  @ApiProperty(UUID)
  id: string;

  @ApiProperty(UUID)
  vacancyId: string;

  @ApiProperty(UUID)
  providerId: string;

  @ApiProperty({ example: 'Oakfield Care Ltd' })
  providerName: string;

  @ApiProperty({ ...DECLINE_REASON })
  reason: DeclineReason;

  @ApiProperty(TIMESTAMP)
  createdAt: Date;
}

export class DeclineListResponse {
  @ApiProperty(UUID)
  referralId: string;

  @ApiProperty({ type: [DeclineItemResponse], description: 'Newest first' })
  items: DeclineItemResponse[];
}

/** One of the provider's offers and what became of it and its referral; nothing of the child. */
export class ProviderOfferItemResponse extends OmitType(OfferResponse, ['providerId'] as const) {
  @ApiProperty(UUID)
  settingId: string;

  @ApiProperty()
  settingName: string;

  @ApiProperty({ ...REFERRAL_STATUS, description: 'What became of the referral: e.g. placed, withdrawn, closed' })
  referralStatus: ReferralStatus;

  @ApiPropertyOptional({ ...UUID, description: 'The placement the offer became; absent until accepted' })
  placementId?: string;
}

export class ProviderOfferListResponse {
  @ApiProperty({ type: [ProviderOfferItemResponse], description: 'Newest first' })
  items: ProviderOfferItemResponse[];

  @ApiProperty({ type: 'integer', description: 'How many offers match, over every page' })
  total: number;
}
