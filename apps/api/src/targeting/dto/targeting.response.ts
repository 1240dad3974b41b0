import { ApiProperty } from '@nestjs/swagger';
import { MAX_AUTO_SEND_TOP_PROVIDERS } from '@app/domain';
import { UUID } from '../../common/api-formats';

/** An alliance's sending rule. */
export class TargetingResponse {
  @ApiProperty(UUID)
  allianceId: string;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: MAX_AUTO_SEND_TOP_PROVIDERS,
    example: 5,
    description:
      "How many providers, best-ranked first, each of the alliance's LAs' shortlists is sent to automatically as matching writes it (5 unless set); 0: placement teams send by hand",
  })
  autoSendTopProviders: number;
}
