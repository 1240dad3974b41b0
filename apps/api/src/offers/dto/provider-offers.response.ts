import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OFFER_STATUSES, REFERRAL_STATUSES } from '@app/persistence';
import type { OfferStatus, ReferralStatus } from '@app/persistence';

/** One of the provider's offers and what became of it; nothing of the child. */
export class ProviderOfferItemResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  referralId: string;

  @ApiProperty({ format: 'uuid' })
  vacancyId: string;

  @ApiProperty({ format: 'uuid' })
  settingId: string;

  @ApiProperty()
  settingName: string;

  @ApiProperty({ description: 'Whole pounds a week' })
  weeklyCost: number;

  @ApiProperty({ type: String, nullable: true })
  message: string | null;

  @ApiProperty({
    enum: [...OFFER_STATUSES],
    description: 'open; accepted (the child was placed with it); closed (another offer was accepted, or the referral withdrawn); withdrawn (you declined)',
  })
  status: OfferStatus;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ enum: [...REFERRAL_STATUSES], description: "What became of the referral: e.g. placed, withdrawn, closed" })
  referralStatus: ReferralStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'The placement the offer became, once accepted' })
  placementId?: string;
}

export class ProviderOffersResponse {
  @ApiProperty({ type: [ProviderOfferItemResponse], description: 'Newest first' })
  items: ProviderOfferItemResponse[];

  @ApiProperty({ description: 'How many offers match, over every page' })
  total: number;
}
