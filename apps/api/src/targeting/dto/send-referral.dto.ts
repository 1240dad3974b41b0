import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';
import { DEFAULT_MATCH_LIMIT } from '@app/domain';

/** Providers to send a referral to, each with a vacancy on its current shortlist. */
export class SendReferralDto {
  /**
   * Provider ids (UUIDs), 1 to 50; a provider already sent the referral is left as it was. Each id
   * is checked in its place: `providerIds[1]` is named if it is not a UUID, or if the provider has no
   * vacancy on the shortlist.
   */
  @ApiProperty({
    type: 'array',
    items: { type: 'string', format: 'uuid' },
    minItems: 1,
    maxItems: DEFAULT_MATCH_LIMIT,
    description:
      "Providers to send the referral to, each with a vacancy on its current shortlist; one already sent it is left as it was. A problem names the id's place: `providerIds[1]`",
  })
  @ValidateBy({
    name: 'isProviderList',
    validator: {
      validate: (value: unknown) =>
        Array.isArray(value) && value.length >= 1 && value.length <= DEFAULT_MATCH_LIMIT && value.every((id) => typeof id === 'string'),
      defaultMessage: () => `must be a list of 1 to ${DEFAULT_MATCH_LIMIT} provider ids`,
    },
  })
  providerIds: string[];
}
