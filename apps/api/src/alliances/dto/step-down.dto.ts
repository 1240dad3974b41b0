import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class StepDownDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 180,
    description: 'Days after an emergency placement starts by which its planned follow-on placement is needed.',
  })
  @IsInt({ message: 'must be a whole number of days' })
  @Min(1, { message: 'must be between 1 and 180' })
  @Max(180, { message: 'must be between 1 and 180' })
  days: number;
}
