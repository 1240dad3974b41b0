import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { DECLINE_REASONS } from '@app/persistence';
import type { DeclineReason } from '@app/persistence';

export class CreateOfferDto {
  /** One of the caller's vacancies on the referral's shortlist. */
  @IsUUID('all', { message: 'must be a UUID' })
  vacancyId: string;

  /** Pounds a week. */
  @IsInt()
  @Min(1)
  @Max(100_000)
  weeklyCost: number;

  /** For the placement team: what the provider can offer this child. */
  @IsOptional()
  @IsString()
  @MaxLength(4_000)
  message?: string;
}

export class CreateDeclineDto {
  @IsUUID('all', { message: 'must be a UUID' })
  vacancyId: string;

  @IsIn(DECLINE_REASONS, { message: `must be one of ${DECLINE_REASONS.join(', ')}` })
  reason: DeclineReason;

  @IsOptional()
  @IsString()
  @MaxLength(4_000)
  note?: string;
}
