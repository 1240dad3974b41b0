import { ApiProperty } from '@nestjs/swagger';
import { DEFAULT_MATCH_LIMIT } from '@app/domain';

/** Who sent a referral to a provider. */
export class RecipientSenderResponse {
  @ApiProperty({ format: 'uuid', description: 'The placement officer who sent it' })
  userId: string;

  @ApiProperty({ description: 'Their display name, or else their email', example: 'Priya Shah' })
  name: string;
}

/** A provider a referral was sent to, what it was sent and when. */
export class RecipientResponse {
  @ApiProperty({ format: 'uuid' })
  providerId: string;

  @ApiProperty({ example: 'Oakfield Care' })
  providerName: string;

  @ApiProperty({ type: 'string', format: 'uuid', isArray: true, description: "The provider's vacancies on the shortlist when it was sent, best first" })
  vacancyIds: string[];

  @ApiProperty({ minimum: 1, maximum: DEFAULT_MATCH_LIMIT, description: 'The best of their ranks on that shortlist' })
  bestRank: number;

  @ApiProperty({ type: 'string', format: 'date-time' })
  sentAt: Date;

  @ApiProperty({
    type: RecipientSenderResponse,
    nullable: true,
    description: "Who sent it; null when matching sent it by the alliance's rule (the top providers of each shortlist)",
  })
  sentBy: RecipientSenderResponse | null;
}

/** Every provider a referral was sent to, first sent first. Sends are never taken back. */
export class RecipientsResponse {
  @ApiProperty({ format: 'uuid' })
  referralId: string;

  @ApiProperty({ type: RecipientResponse, isArray: true })
  items: RecipientResponse[];
}
