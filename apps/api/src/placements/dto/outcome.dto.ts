import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { OUTCOME_STATUSES, type OutcomeStatus } from '@app/domain';
import { OUTCOME_KINDS } from '@app/persistence';
import type { OutcomeKind } from '@app/persistence';
import { OUTCOME_KIND, OUTCOME_STATUS } from '../../common/api-enums';
import { calendarDate, IsCalendarDate } from '../../common/date.validators';

const SOMETHING_WRITTEN = /\S/;

export class CreateOutcomeDto {
  @ApiProperty({ ...OUTCOME_KIND, description: '`hard` (measurable: attendance, qualifications) or `soft` (confidence, relationships).' })
  @IsIn(OUTCOME_KINDS, { message: `must be one of ${OUTCOME_KINDS.join(', ')}` })
  kind: OutcomeKind;

  @ApiProperty({ maxLength: 2_000, description: 'Specific and measurable: what will have changed, and how we will know.' })
  @IsString()
  @Matches(SOMETHING_WRITTEN, { message: 'must not be blank' })
  @MaxLength(2_000)
  description: string;

  @ApiProperty(calendarDate('When it should be achieved by; not before the placement started.'))
  @IsCalendarDate()
  targetDate: string;

  @ApiProperty({ ...OUTCOME_STATUS })
  @IsIn(OUTCOME_STATUSES, { message: `must be one of ${OUTCOME_STATUSES.join(', ')}` })
  status: OutcomeStatus;
}

export class OutcomeProgressDto {
  @ApiProperty({
    ...OUTCOME_STATUS,
    description:
      "The status now. A provider's `achieved` is recorded as proposed: the outcome stays as it was, awaiting the placing LA's confirmation (`POST .../confirm`); the LA's own `achieved` is final.",
  })
  @IsIn(OUTCOME_STATUSES, { message: `must be one of ${OUTCOME_STATUSES.join(', ')}` })
  status: OutcomeStatus;

  @ApiPropertyOptional({ maxLength: 4_000, description: 'What happened since the last update: the journey travelled.' })
  @IsOptional()
  @IsString()
  @MaxLength(4_000)
  note?: string;
}

export class PlacementFeedbackDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, description: '1 (poor) to 5 (excellent).' })
  @IsInt()
  @Min(1)
  @Max(5)
  rating: number;

  @ApiProperty({ maxLength: 8_000, description: "The placing LA's view, shared with the provider whether positive or negative." })
  @IsString()
  @Matches(SOMETHING_WRITTEN, { message: 'must not be blank' })
  @MaxLength(8_000)
  comments: string;

  @ApiPropertyOptional({
    maxLength: 8_000,
    description: "The young person's own view, as their social worker recorded it; leave out if they chose not to give one.",
  })
  @IsOptional()
  @IsString()
  @Matches(SOMETHING_WRITTEN, { message: 'must not be blank' })
  @MaxLength(8_000)
  youngPersonView?: string;
}

export class ConfirmOutcomeDto {
  @ApiPropertyOptional({ maxLength: 4_000, description: "The LA's note on the provider's account, if any." })
  @IsOptional()
  @IsString()
  @MaxLength(4_000)
  note?: string;
}
