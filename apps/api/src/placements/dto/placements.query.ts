import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { apiEnum } from '../../common/api-enums';
import { ListQuery } from '../../common/page.query';

export const PLACEMENT_STATES = ['live', 'ended'] as const;

export class PlacementsQuery extends ListQuery {
  @ApiPropertyOptional({ ...apiEnum('PlacementState', PLACEMENT_STATES), description: 'live: not ended; ended: ended; both when left out' })
  @IsOptional()
  @IsIn(PLACEMENT_STATES, { message: `must be one of ${PLACEMENT_STATES.join(', ')}` })
  state?: (typeof PLACEMENT_STATES)[number];
}
