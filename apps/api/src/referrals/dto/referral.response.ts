import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Urgency, ReferralStatus } from '@app/domain';
import { PLACEMENT_TYPE, REFERRAL_STATUS, URGENCY } from '../../common/api-enums';
import { DAY, TIMESTAMP, UUID } from '../../common/api-formats';
import { LA_CODE } from '../../common/local-authority-code';
import { ChildRecordResponse } from './child.response';

/** What intake answers: the referral is stored and will be matched in the background. */
export class ReferralReceiptResponse {
  @ApiProperty(UUID)
  id: string;

  @ApiProperty({ ...REFERRAL_STATUS, description: '`submitted` when new; where it has got to when the request is replayed' })
  status: ReferralStatus;

  @ApiProperty({ ...URGENCY })
  urgency: Urgency;

  @ApiProperty(TIMESTAMP)
  createdAt: string;
}

/** A referral with its child's identifiable record: for the owning LA only, and every read is audited. */
export class ReferralResponse {
  @ApiProperty(UUID)
  id: string;

  @ApiProperty({ ...REFERRAL_STATUS })
  status: ReferralStatus;

  @ApiProperty({ ...URGENCY })
  urgency: Urgency;

  @ApiProperty(DAY)
  requiredBy: string;

  @ApiProperty({ ...PLACEMENT_TYPE, isArray: true, description: 'In order of preference' })
  placementTypes: string[];

  @ApiProperty({ type: 'integer', nullable: true })
  maxDistanceMiles: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Whole pounds a week' })
  weeklyBudget: number | null;

  @ApiProperty({ type: String, nullable: true })
  notes: string | null;

  @ApiProperty({ ...LA_CODE, description: 'The placing LA' })
  localAuthorityCode: string;

  @ApiPropertyOptional({ ...UUID, description: 'The emergency referral this planned step-down follows; absent otherwise' })
  followsReferralId?: string;

  @ApiPropertyOptional({ ...TIMESTAMP, description: 'When it was last shortlisted; absent until it is' })
  shortlistedAt?: string;

  @ApiPropertyOptional({ ...UUID, description: 'Its placement; absent until it is placed' })
  placementId?: string;

  @ApiProperty(TIMESTAMP)
  createdAt: string;

  @ApiProperty(TIMESTAMP)
  updatedAt: string;

  @ApiProperty({ type: ChildRecordResponse })
  child: ChildRecordResponse;
}
