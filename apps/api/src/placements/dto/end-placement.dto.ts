import { IsBoolean, IsIn } from 'class-validator';
import { REASON_FOR_PLACEMENT_CHANGE_CODES } from '@app/domain';
import { IsCalendarDate } from '../../common/date.validators';

export class EndPlacementDto {
  /** The last day of the placement. */
  @IsCalendarDate()
  endDate: string;

  /** SSDA903 reason for placement change, e.g. CREQB. */
  @IsIn(REASON_FOR_PLACEMENT_CHANGE_CODES, { message: `must be an SSDA903 reason for placement change (${REASON_FOR_PLACEMENT_CHANGE_CODES.join(', ')})` })
  reason: string;

  /** False for an unplanned ending (a breakdown): the bed goes back to the provider's vacancy. */
  @IsBoolean()
  planned: boolean;
}
