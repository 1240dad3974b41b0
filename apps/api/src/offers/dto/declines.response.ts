import { ApiProperty } from '@nestjs/swagger';
import { DECLINE_REASONS } from '@app/persistence';
import type { DeclineReason } from '@app/persistence';

export class DeclineItemResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  vacancyId: string;

  @ApiProperty({ format: 'uuid' })
  providerId: string;

  @ApiProperty({ example: 'Oakfield Care Ltd' })
  providerName: string;

  @ApiProperty({ enum: [...DECLINE_REASONS] })
  reason: DeclineReason;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
}

export class DeclinesResponse {
  @ApiProperty({ format: 'uuid' })
  referralId: string;

  @ApiProperty({ type: [DeclineItemResponse], description: 'Newest first' })
  items: DeclineItemResponse[];
}
