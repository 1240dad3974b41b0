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

/** Points out of 100 for each part of a match's score; the five must sum to 100. */
export class MatchingWeightsDto {
  /** How well the setting supports the child's needs, at the levels needed. */
  @IsWeight()
  needs: number;

  /** Distance from the child's home district, and staying inside the placing LA. */
  @IsWeight()
  proximity: number;

  /** The Ofsted grade, and the provider's placement stability once it has placements. */
  @IsWeight()
  quality: number;

  /** Keeping school, family and local services: within 10-20 miles, inside the home LA. */
  @IsWeight()
  continuity: number;

  /** Weekly cost against the referral's budget. */
  @IsWeight()
  cost: number;
}
