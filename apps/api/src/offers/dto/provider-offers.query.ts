import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { OFFER_STATUSES, type OfferStatus } from '@app/domain';
import { OFFER_STATUS } from '../../common/api-enums';
import { ListQuery } from '../../common/page.query';

export class ProviderOffersQuery extends ListQuery {
  @ApiPropertyOptional({ ...OFFER_STATUS, description: 'Only the offers with this status; all when left out' })
  @IsOptional()
  @IsIn(OFFER_STATUSES, { message: `must be one of ${OFFER_STATUSES.join(', ')}` })
  status?: OfferStatus;
}
