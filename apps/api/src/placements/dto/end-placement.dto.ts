import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn } from 'class-validator';
import { REASON_FOR_PLACEMENT_CHANGE_CODES } from '@app/domain';
import { REASON_FOR_PLACEMENT_CHANGE } from '../../common/api-enums';
import { calendarDate, IsCalendarDate } from '../../common/date.validators';

export class EndPlacementDto {
  @ApiProperty(calendarDate('The last day of the placement: not before it started, not in the future.'))
  @IsCalendarDate()
  endDate: string;

  @ApiProperty({ ...REASON_FOR_PLACEMENT_CHANGE, description: 'SSDA903 reason for placement change, e.g. CREQB.' })
  @IsIn(REASON_FOR_PLACEMENT_CHANGE_CODES, { message: `must be an SSDA903 reason for placement change (${REASON_FOR_PLACEMENT_CHANGE_CODES.join(', ')})` })
  reason: string;

  @ApiProperty({ description: "False for an unplanned ending (a breakdown): the bed goes back to the provider's vacancy." })
  @IsBoolean()
  planned: boolean;
}
