import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy, ValidationOptions } from 'class-validator';

/** A weight: one number from 0 to 100, reported with one message however it is wrong. */
function IsWeight(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isWeight',
      validator: {
        validate: (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100,
        defaultMessage: () => 'must be a number from 0 to 100',
      },
    },
    options,
  );
}

/** A weight's OpenAPI description: what it scores, out of 100. */
const ApiWeight = (description: string) => ApiProperty({ minimum: 0, maximum: 100, description });

/** Points out of 100 for each part of a match's score; the five must sum to 100. */
export class MatchingWeightsDto {
  @ApiWeight("How well the setting supports the child's needs, at the levels needed.")
  @IsWeight()
  needs: number;

  @ApiWeight("Distance from the child's home district, and staying inside the placing LA.")
  @IsWeight()
  proximity: number;

  @ApiWeight("The Ofsted grade, and the provider's placement stability once it has placements.")
  @IsWeight()
  quality: number;

  @ApiWeight('Keeping school, family and local services: within 10-20 miles, inside the home LA.')
  @IsWeight()
  continuity: number;

  @ApiWeight("Weekly cost against the referral's budget.")
  @IsWeight()
  cost: number;
}
