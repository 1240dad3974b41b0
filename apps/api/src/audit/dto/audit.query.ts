import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../../common/date.validators';
import { PageQuery } from '../../common/page.query';

/** The audit trail by referral, by user, by day, or any of them together. */
export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "Every read of this referral's child and every disclosure of it to a provider." })
  @IsOptional()
  @IsUUID('all', { message: 'must be a referral id (a UUID)' })
  referralId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'What this user read or was shown.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a user id (a UUID)' })
  userId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'From this day (England), inclusive.' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'To this day (England), inclusive.' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}
