import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { URGENCIES, REFERRAL_STATUSES, type ReferralStatus } from '@app/domain';
import { REFERRAL_STATUS, URGENCY } from '../../common/api-enums';
import { PageQuery } from '../../common/page.query';

export class ListReferralsQuery extends PageQuery {
  @ApiPropertyOptional({ ...REFERRAL_STATUS })
  @IsOptional()
  @IsIn(REFERRAL_STATUSES, { message: `must be one of ${REFERRAL_STATUSES.join(', ')}` })
  status?: ReferralStatus;

  @ApiPropertyOptional({ ...URGENCY })
  @IsOptional()
  @IsIn(URGENCIES, { message: `must be one of ${URGENCIES.join(', ')}` })
  urgency?: string;
}
