import { ApiProperty } from '@nestjs/swagger';
import { REFERRAL_STATUSES } from '@app/domain';

export class StepDownPlacementResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'date' })
  startDate: string;

  @ApiProperty()
  settingName: string;

  @ApiProperty()
  providerName: string;

  @ApiProperty({ type: 'integer', description: 'Whole pounds a week' })
  weeklyCost: number;
}

export class OverdueStepDownResponse {
  @ApiProperty({ format: 'uuid', description: 'The planned step-down referral' })
  stepDownReferralId: string;

  @ApiProperty({ format: 'uuid', description: 'The emergency referral it follows' })
  emergencyReferralId: string;

  @ApiProperty({ example: 'E09000009' })
  localAuthorityCode: string;

  @ApiProperty({ enum: [...REFERRAL_STATUSES] })
  status: string;

  @ApiProperty({ format: 'date' })
  requiredBy: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Days since the step-down was needed by' })
  daysOverdue: number;

  @ApiProperty({ type: StepDownPlacementResponse, nullable: true, description: 'The emergency placement the child is still in' })
  emergencyPlacement: StepDownPlacementResponse | null;
}

export class OverdueStepDownListResponse {
  @ApiProperty({ format: 'uuid' })
  allianceId: string;

  @ApiProperty({ type: [OverdueStepDownResponse] })
  items: OverdueStepDownResponse[];
}
