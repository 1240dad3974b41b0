import { IsNumber, Max, Min } from 'class-validator';

/** Points out of 100 for each part of a match's score; the five must sum to 100. */
export class MatchingWeightsDto {
  /** How well the setting supports the child's needs, at the levels needed. */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  needs: number;

  /** Distance from the child's home district, and staying inside the placing LA. */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  proximity: number;

  /** The Ofsted grade, and the provider's placement stability once it has placements. */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  quality: number;

  /** Keeping school, family and local services: within 10-20 miles, inside the home LA. */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  continuity: number;

  /** Weekly cost against the referral's budget. */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  cost: number;
}
