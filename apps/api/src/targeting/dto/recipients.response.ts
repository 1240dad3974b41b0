import { ApiProperty } from '@nestjs/swagger';
import { DEFAULT_MATCH_LIMIT } from '@app/domain';
import { TIMESTAMP, UUID } from '../../common/api-formats';

/** Who sent a referral to a provider. */
export class RecipientSenderResponse {
  @ApiProperty({ ...UUID, description: 'The placement officer who sent it' })
  userId: string;

  @ApiProperty({ description: 'Their display name, or else their email', example: 'Priya Shah' })
  name: string;
}

/** A provider a referral was sent to, what it was sent and when. */
export class RecipientResponse {
  @ApiProperty(UUID)
  providerId: string;

  @ApiProperty({ example: 'Oakfield Care' })
  providerName: string;

  @ApiProperty({ type: 'array', items: { type: 'string', format: 'uuid' }, description: "The provider's vacancies on the shortlist when it was sent, best first" })
  vacancyIds: string[];

  @ApiProperty({ type: 'integer', minimum: 1, maximum: DEFAULT_MATCH_LIMIT, description: 'The best of their ranks on that shortlist' })
  bestRank: number;

  @ApiProperty(TIMESTAMP)
  sentAt: Date;

  @ApiProperty({
    type: RecipientSenderResponse,
    nullable: true,
    description: "Who sent it; null when matching sent it by the alliance's rule (the top providers of each shortlist)",
  })
  sentBy: RecipientSenderResponse | null;
}

/** Every provider a referral was sent to, first sent first. Sends are never taken back. */
export class RecipientListResponse {
  @ApiProperty(UUID)
  referralId: string;

  @ApiProperty({ type: [RecipientResponse] })
  items: RecipientResponse[];
}
