import { ApiProperty } from '@nestjs/swagger';
import { SECTOR_GROUPS, type OfstedGrade, type ProviderSector, type SectorGroup } from '@app/domain';
import { apiEnum, OFSTED_GRADE, PLACEMENT_TYPE, PROVIDER_SECTOR } from '../../common/api-enums';
import { UUID } from '../../common/api-formats';
import { LA_CODE } from '../../common/local-authority-code';

const SETTINGS_THAT_CONCERN =
  "its settings that concern the alliance: those in the alliance's LAs, and any other where the alliance's children were placed with it";

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

  @ApiProperty({ ...PROVIDER_SECTOR, description: 'local_authority is in-house provision; private and voluntary are independent' })
  sector: ProviderSector;

  @ApiProperty({ ...PLACEMENT_TYPE, isArray: true, description: `The placement types of ${SETTINGS_THAT_CONCERN}; sorted` })
  placementTypes: string[];

  @ApiProperty({ type: 'string', pattern: LA_CODE.pattern, isArray: true, description: 'The LAs (GSS codes) those settings are in; sorted' })
  localAuthorityCodes: string[];

  @ApiProperty({
    ...OFSTED_GRADE,
    nullable: true,
    description:
      'The worst Ofsted grade of those settings (inadequate, then requires_improvement, good, outstanding); not_yet_inspected only when none of them has been inspected; null without any such setting',
  })
  ofstedGrade: OfstedGrade | null;

  @ApiProperty({ type: 'integer', description: "End-of-placement feedback ratings (1-5) its placements of the alliance's children have been given" })
  ratings: number;

  @ApiProperty({ type: Number, nullable: true, description: 'The mean of those ratings, 1 (poor) to 5 (excellent), to 2 dp; null without any' })
  averageRating: number | null;

  @ApiProperty({ type: 'integer', description: 'Its placements that have ended' })
  endedPlacements: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Share of those that ended as planned (not a breakdown); null if none has ended' })
  plannedEndingRate: number | null;

  @ApiProperty({ type: 'integer', description: 'SMART outcomes achieved (status achieved) in its ended placements' })
  endedOutcomesAchieved: number;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description:
      'Cost per outcome achieved, whole pounds: what its ended placements cost in all (each its weekly cost x the days from its start to its end / 7), over the outcomes achieved in them (endedOutcomesAchieved). Placements that achieved nothing still count in the cost. Null when its ended placements achieved no outcome',
  })
  costPerOutcomeAchieved: number | null;
}

/** One side of in-house against independent, pooled over the group's placements (a big provider weighs more). */
export class SectorComparisonResponse {
  @ApiProperty({ ...apiEnum('SectorGroup', SECTOR_GROUPS), description: 'in_house: local_authority; independent: private or voluntary' })
  group: SectorGroup;

  @ApiProperty({ type: 'integer', description: 'Providers of the group among the items' })
  providers: number;

  @ApiProperty({ type: 'integer' })
  placements: number;

  @ApiProperty({ type: 'integer', nullable: true, description: "Mean of the group's placements' weekly costs, whole pounds; null without placements" })
  meanWeeklyCost: number | null;

  @ApiProperty({ type: Number, nullable: true, description: "Mean of all the group's feedback ratings, to 2 dp; null without any" })
  averageRating: number | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: "What the group's ended placements cost in all over the outcomes achieved in them, whole pounds; null when they achieved none",
  })
  costPerOutcomeAchieved: number | null;

  @ApiProperty({ type: Number, nullable: true, description: "Share of the group's ended placements that ended as planned; null if none has ended" })
  plannedEndingRate: number | null;
}

export class ProviderBenchmarkListResponse {
  @ApiProperty(UUID)
  allianceId: string;

  @ApiProperty({ type: [ProviderBenchmarkResponse], description: 'By name; only those the filters keep' })
  items: ProviderBenchmarkResponse[];

  @ApiProperty({ type: [SectorComparisonResponse], description: 'In-house against independent over the items: in_house first, then independent' })
  sectors: SectorComparisonResponse[];
}
