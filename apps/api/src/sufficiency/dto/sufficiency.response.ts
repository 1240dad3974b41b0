import { ApiProperty, IntersectionType } from '@nestjs/swagger';
import type { AgeBand } from '@app/domain';
import type { SupplySource } from '@app/persistence';
import { AGE_BAND, apiEnum, PLACEMENT_TYPE, unionMembers } from '../../common/api-enums';
import { DAY, MONTH, UUID } from '../../common/api-formats';
import { LA_CODE } from '../../common/local-authority-code';

const SUPPLY_SOURCE = apiEnum('SupplySourceKind', unionMembers<SupplySource['source']>({ live: true, snapshot: true }));

/** Where a period's (or a month's) open beds come from. */
export class SupplySourceResponse {
  @ApiProperty({ ...SUPPLY_SOURCE, description: '`live`: the vacancies as they are now; `snapshot`: the nightly snapshot of `asOf`' })
  source: SupplySource['source'];

  @ApiProperty({ ...DAY, description: 'The day the beds were counted on' })
  asOf: string;
}

/** Demand against supply over a period, for one group of referrals or all of them. */
export class SufficiencyFiguresResponse {
  @ApiProperty({ type: 'integer', description: 'Referrals made in the period' })
  referrals: number;

  @ApiProperty({ type: 'integer', description: 'Of those, placed by the end of the period' })
  placed: number;

  @ApiProperty({ type: 'integer' })
  unplaced: number;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Null when the period has ended and no snapshot was taken within it' })
  openBeds: number | null;

  @ApiProperty({ type: 'integer', description: 'referrals - placed within the alliance' })
  gap: number;

  @ApiProperty({ type: 'integer', description: "Placed in a setting outside the child's own LA" })
  placedOutOfArea: number;

  @ApiProperty({ type: 'integer', description: "Placed more than 20 miles from the child's home postcode district" })
  placedOver20Miles: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Null when none was placed' })
  medianDaysToPlace: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Whole pounds a week; null when none was placed' })
  meanWeeklyCost: number | null;
}

class SufficiencyKey {
  @ApiProperty(LA_CODE)
  localAuthorityCode: string;

  @ApiProperty({ ...PLACEMENT_TYPE, description: 'The first placement type the referral lists' })
  placementType: string;

  @ApiProperty({ ...AGE_BAND, description: "The child's age on the day of the referral" })
  ageBand: AgeBand;
}

export class SufficiencyRowResponse extends IntersectionType(SufficiencyKey, SufficiencyFiguresResponse) {}

/** What every sufficiency report says of itself. */
class SufficiencyPeriodResponse {
  @ApiProperty(UUID)
  allianceId: string;

  @ApiProperty(DAY)
  from: string;

  @ApiProperty(DAY)
  to: string;
}

class SuppliedPeriodResponse extends SufficiencyPeriodResponse {
  @ApiProperty({ type: SupplySourceResponse, nullable: true, description: 'Null for a past period with no snapshot in it' })
  supply: SupplySourceResponse | null;
}

export class SufficiencyReportResponse extends SuppliedPeriodResponse {
  @ApiProperty({ type: [SufficiencyRowResponse], description: 'By LA, placement type and age band' })
  rows: SufficiencyRowResponse[];

  @ApiProperty({ type: SufficiencyFiguresResponse, description: 'A bed counts once however many bands it serves' })
  totals: SufficiencyFiguresResponse;
}

class NeedKey {
  @ApiProperty({ description: 'A need of the taxonomy, or one since retired that old referrals still carry', example: 'autism' })
  needCode: string;
}

export class NeedSufficiencyTotalsResponse extends IntersectionType(NeedKey, SufficiencyFiguresResponse) {}

class LocalAuthorityKey {
  @ApiProperty(LA_CODE)
  localAuthorityCode: string;
}

export class NeedSufficiencyRowResponse extends IntersectionType(LocalAuthorityKey, NeedSufficiencyTotalsResponse) {}

export class NeedSufficiencyReportResponse extends SuppliedPeriodResponse {
  @ApiProperty({ type: [NeedSufficiencyRowResponse], description: 'By LA, then need in the taxonomy’s order' })
  rows: NeedSufficiencyRowResponse[];

  @ApiProperty({ type: [NeedSufficiencyTotalsResponse], description: 'Every need of the taxonomy in its order (zeros where none), then any retired ones' })
  totals: NeedSufficiencyTotalsResponse[];
}

export class SufficiencyMonthResponse {
  @ApiProperty(MONTH)
  month: string;

  @ApiProperty({ type: 'integer', description: 'Referrals made in the month' })
  referrals: number;

  @ApiProperty({ type: 'integer', description: "Of those, placed by the month's end (or the period's, if sooner)" })
  placed: number;

  @ApiProperty({ type: 'integer' })
  placedWithinAlliance: number;

  @ApiProperty({ type: 'integer', description: 'referrals - placedWithinAlliance' })
  gap: number;

  @ApiProperty({ type: 'integer', nullable: true, description: "Beds open on the month's last day; null when no snapshot was taken that month" })
  openBeds: number | null;

  @ApiProperty({ type: SupplySourceResponse, nullable: true })
  supply: SupplySourceResponse | null;
}

export class SufficiencyTrendResponse extends SufficiencyPeriodResponse {
  @ApiProperty({ ...PLACEMENT_TYPE, nullable: true, description: 'The placement type asked for; null for every type' })
  placementType: string | null;

  @ApiProperty({ type: [SufficiencyMonthResponse], description: 'Every month the period touches, oldest first' })
  months: SufficiencyMonthResponse[];
}
