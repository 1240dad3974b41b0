import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsUUID, Max, Min } from 'class-validator';

export class CreateHoldDto {
  @ApiProperty({ format: 'uuid', description: "The placing LA's referral the bed is kept for; the vacancy must be on its shortlist." })
  @IsUUID('all', { message: 'must be a referral id (a UUID)' })
  referralId: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 240, description: 'How long the bed is kept. It lapses by itself then.' })
  @IsInt({ message: 'must be a whole number of minutes' })
  @Min(1, { message: 'must be between 1 and 240' })
  @Max(240, { message: 'must be between 1 and 240' })
  minutes: number;
}
