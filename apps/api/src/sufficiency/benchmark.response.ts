import { ApiProperty } from '@nestjs/swagger';
import { UUID } from '../common/api-formats';

/** How a provider has done for the alliance's children. Rates are shares from 0 to 1, to 4 dp. */
export class ProviderBenchmarkResponse {
  @ApiProperty(UUID)
  providerId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: 'integer', description: "Placements made with it by the alliance's LAs" })
  placements: number;

  @ApiProperty({ type: 'integer', description: 'Of those, ended unplanned (breakdowns), at any time' })
  unplannedEndings: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Share of its placements without an unplanned ending in their first 12 months, of those whose first 12 months are known; null without any',
  })
  stabilityRate: number | null;

  @ApiProperty({ type: Number, nullable: true, description: "Share of its placements' outcomes achieved, of those settled; null if none are" })
  outcomesAchievedRate: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Whole pounds a week; null without placements' })
  meanWeeklyCost: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: "Its placements' weekly cost against the alliance's median for the same type, on average: 1.1 is 10% above",
  })
  costToTypeMedian: number | null;

  @ApiProperty({ type: 'integer', description: "Referrals of the alliance's LAs that reached it: sent to it (automatically or by the placement team), or answered by it; before sends were recorded, shortlisted for a referral later placed" })
  referralsShortlisted: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Share of those it made an offer for; null if none reached it' })
  offerRate: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Median hours from a referral first reaching it to its first answer (offer or decline); null if none',
  })
  medianResponseHours: number | null;
}

export class ProviderBenchmarkListResponse {
  @ApiProperty(UUID)
  allianceId: string;

  @ApiProperty({ type: [ProviderBenchmarkResponse], description: 'By name' })
  items: ProviderBenchmarkResponse[];
}
