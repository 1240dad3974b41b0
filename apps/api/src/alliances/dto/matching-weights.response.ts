import { ApiProperty } from '@nestjs/swagger';
import { UUID } from '../../common/api-formats';

/** The weights in effect for an alliance's matching, and what they imply. */
export class MatchingWeightsResponse {
  @ApiProperty(UUID)
  allianceId: string;

  @ApiProperty({ description: 'Points out of 100 for needs' })
  needs: number;

  @ApiProperty({ description: 'Points out of 100 for proximity' })
  proximity: number;

  @ApiProperty({ description: 'Points out of 100 for quality' })
  quality: number;

  @ApiProperty({ description: 'Points out of 100 for continuity' })
  continuity: number;

  @ApiProperty({ description: 'Points out of 100 for cost' })
  cost: number;

  @ApiProperty({ description: "True while the alliance uses the platform's default weights" })
  isDefault: boolean;

  @ApiProperty({
    type: [String],
    example: ['E09000005', 'E09000009'],
    description:
      'The member LAs (GSS codes) whose referrals these weights steer: an LA in several alliances is matched by the earliest created of them, so a member steered by an earlier alliance is not listed',
  })
  steersLocalAuthorityCodes: string[];

  @ApiProperty({
    description:
      'False when cost carries enough weight that a cheaper vacancy could outrank one that fits the child’s needs or distance better: allowed, but worth knowing',
  })
  costCannotOutweighNeedsAndProximity: boolean;
}

/** The weights as saved, and how many referrals were queued to be re-matched with them. */
export class SavedMatchingWeightsResponse extends MatchingWeightsResponse {
  @ApiProperty({
    type: 'integer',
    description: 'The referrals awaiting placement of the LAs these weights steer, queued to be re-matched with the new weights',
  })
  rematched: number;
}

/** The effect of proposed weights on the alliance's current shortlists, before they are saved. */
export class MatchingWeightsPreviewResponse {
  @ApiProperty({ format: 'uuid' })
  allianceId: string;

  @ApiProperty({
    type: 'integer',
    description: 'Current shortlists re-ranked: the most recent shortlisted referrals of the LAs the weights steer, up to 200',
  })
  referralsChecked: number;

  @ApiProperty({
    type: 'integer',
    description: 'Of those, how many would have another vacancy first (an estimate from their stored top 50)',
  })
  firstPlaceChanges: number;

  @ApiProperty({ description: 'False when cost could outrank a better fit on needs or distance under these weights' })
  costCannotOutweighNeedsAndProximity: boolean;
}
