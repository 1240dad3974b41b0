import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The days in England whose turn the worker has handled: vacancies that became available that
 * day fanned out to the referrals they could serve, and emergencies without a match tried again.
 * The hourly run reads the last one to catch up on days a stopped worker missed, and skips a day
 * already done.
 */
@Entity('day_turns')
export class DayTurnEntity {
  @PrimaryColumn({ type: 'date' })
  day: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  doneAt: Date;
}
