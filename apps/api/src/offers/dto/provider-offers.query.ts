import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { OFFER_STATUSES } from '@app/persistence';
import type { OfferStatus } from '@app/persistence';
import { ListQuery } from '../../common/page.query';

export class ProviderOffersQuery extends ListQuery {
  @ApiPropertyOptional({ enum: [...OFFER_STATUSES] })
  @IsOptional()
  @IsIn(OFFER_STATUSES, { message: `must be one of ${OFFER_STATUSES.join(', ')}` })
  status?: OfferStatus;
}
