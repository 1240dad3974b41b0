import { ApiProperty } from '@nestjs/swagger';
import type { Urgency } from '@app/domain';
import type { NotificationView } from '@app/persistence';
import { apiEnum, unionMembers, URGENCY } from '../../common/api-enums';
import { TIMESTAMP, UUID } from '../../common/api-formats';

const DELIVERY = apiEnum(
  'NotificationDelivery',
  unionMembers<NotificationView['delivery']>({ pending: true, delivered: true, cancelled: true, failed: true, not_sent: true }),
);

export class WebhookResponse {
  @ApiProperty(UUID)
  providerId: string;

  @ApiProperty({ format: 'uri' })
  url: string;

  @ApiProperty(TIMESTAMP)
  updatedAt: string;

  @ApiProperty({ type: 'integer', description: 'Alerts of the last day it had not received, now queued for it' })
  queued: number;
}

/** An emergency alert: one of the provider's vacancies on an emergency referral's shortlist. */
export class NotificationResponse {
  @ApiProperty(UUID)
  id: string;

  @ApiProperty({ enum: ['referral.shortlisted'] })
  event: string;

  @ApiProperty(UUID)
  referralId: string;

  @ApiProperty(UUID)
  vacancyId: string;

  @ApiProperty({ ...URGENCY })
  urgency: Urgency;

  @ApiProperty(TIMESTAMP)
  createdAt: string;

  @ApiProperty({
    ...DELIVERY,
    description:
      '`pending` (being delivered or retried), `delivered`, `cancelled` (no longer the provider’s to see), `failed` (every retry failed; registering the webhook again retries it) or `not_sent` (no webhook when it was raised)',
  })
  delivery: NotificationView['delivery'];

  @ApiProperty({ ...TIMESTAMP, nullable: true })
  deliveredAt: string | null;

  @ApiProperty({ type: 'integer', description: 'Delivery attempts so far' })
  attempts: number;
}

export class NotificationListResponse {
  @ApiProperty({ type: [NotificationResponse], description: 'Newest first' })
  items: NotificationResponse[];
}
