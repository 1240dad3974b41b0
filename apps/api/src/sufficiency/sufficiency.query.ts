import { IsUUID } from 'class-validator';
import { IsCalendarDate } from '../common/date.validators';

export class AllianceQuery {
  @IsUUID('all', { message: 'must be an alliance id (a UUID)' })
  allianceId: string;
}

export class SufficiencyQuery extends AllianceQuery {
  /** The period's first day. */
  @IsCalendarDate()
  from: string;

  /** The period's last day; open beds are counted on it. */
  @IsCalendarDate()
  to: string;
}
