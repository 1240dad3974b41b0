import { ApiProperty } from '@nestjs/swagger';
import { UUID } from '../../common/api-formats';

export class StepDownResponse {
  @ApiProperty(UUID)
  allianceId: string;

  @ApiProperty({ type: 'integer', description: 'Days after an emergency placement starts by which its follow-on referral is required' })
  days: number;
}
