import { IsInt, IsUUID, Max, Min } from 'class-validator';

export class CreateHoldDto {
  /** The placing LA's referral the bed is kept for; the vacancy must be on its shortlist. */
  @IsUUID('all', { message: 'must be a referral id (a UUID)' })
  referralId: string;

  /** How long the bed is kept: 1 to 240 minutes. It lapses by itself then. */
  @IsInt({ message: 'must be a whole number of minutes' })
  @Min(1, { message: 'must be between 1 and 240' })
  @Max(240, { message: 'must be between 1 and 240' })
  minutes: number;
}
