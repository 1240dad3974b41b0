import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';
import { MAX_AUTO_SEND_TOP_PROVIDERS } from '@app/domain';

/** An alliance's rule for sending its referrals as matching shortlists them. */
export class TargetingDto {
  /**
   * How many providers, best-ranked first, each shortlist is sent to automatically (0 to 50); 0
   * leaves every send to the placement team.
   */
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: MAX_AUTO_SEND_TOP_PROVIDERS,
    example: 5,
    description: 'How many providers, best-ranked first, each shortlist is sent to automatically; 0 leaves every send to the placement team',
  })
  @ValidateBy({
    name: 'isProviderCount',
    validator: {
      validate: (value: unknown) => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_AUTO_SEND_TOP_PROVIDERS,
      defaultMessage: () => `must be a whole number from 0 to ${MAX_AUTO_SEND_TOP_PROVIDERS}`,
    },
  })
  autoSendTopProviders: number;
}
