import { IsUUID } from 'class-validator';
import { IsCalendarDate } from '../common/date.validators';

export class SufficiencyQuery {
  @IsUUID('all', { message: 'must be an alliance id (a UUID)' })
  allianceId: string;

  /** The period's first day. */
  @IsCalendarDate()
  from: string;

  /** The period's last day; open beds are counted on it. */
  @IsCalendarDate()
  to: string;
}
