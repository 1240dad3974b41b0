import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { DECLINE_REASONS } from '@app/persistence';
import type { DeclineReason } from '@app/persistence';
import { DECLINE_REASON } from '../../common/api-enums';

export class CreateOfferDto {
  @ApiProperty({ format: 'uuid', description: "One of the caller's vacancies on the referral's shortlist." })
  @IsUUID('all', { message: 'must be a UUID' })
  vacancyId: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 100_000, description: 'Whole pounds a week.' })
  @IsInt()
  @Min(1)
  @Max(100_000)
  weeklyCost: number;

  @ApiPropertyOptional({ maxLength: 4_000, description: 'For the placement team: what the provider can offer this child.' })
  @IsOptional()
  @IsString()
  @MaxLength(4_000)
  message?: string;
}

export class CreateDeclineDto {
  @ApiProperty({ format: 'uuid', description: "One of the caller's vacancies on the referral's shortlist; its live offer is withdrawn." })
  @IsUUID('all', { message: 'must be a UUID' })
  vacancyId: string;

  @ApiProperty({ ...DECLINE_REASON })
  @IsIn(DECLINE_REASONS, { message: `must be one of ${DECLINE_REASONS.join(', ')}` })
  reason: DeclineReason;

  @ApiPropertyOptional({ maxLength: 4_000 })
  @IsOptional()
  @IsString()
  @MaxLength(4_000)
  note?: string;
}
