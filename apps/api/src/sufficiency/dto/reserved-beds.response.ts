import { ApiProperty } from '@nestjs/swagger';
import { type VacancyStatus } from '@app/domain';
import { PLACEMENT_TYPE, VACANCY_STATUS } from '../../common/api-enums';
import { DAY, UUID, WEEKLY_COST } from '../../common/api-formats';
import { LA_CODE } from '../../common/local-authority-code';
import { ReservedForResponse } from '../../vacancies/dto/vacancy.response';

/** The figures of one reserved vacancy, or of them all. */
export class ReservedBedFiguresResponse {
  @ApiProperty({ type: 'integer', description: 'Beds reserved: those free now and those placements still hold' })
  beds: number;

  @ApiProperty({ type: 'integer', description: 'Bed-nights open and empty within the period, up to last night (a bed empty for a night is one)' })
  nightsEmpty: number;

  @ApiProperty({ type: 'integer', description: 'Whole pounds: a seventh of the weekly cost for each empty bed-night' })
  costOfEmptyNights: number;
}

export class ReservedBedResponse extends ReservedBedFiguresResponse {
  @ApiProperty(UUID)
  vacancyId: string;

  @ApiProperty(UUID)
  providerId: string;

  @ApiProperty()
  providerName: string;

  @ApiProperty(UUID)
  settingId: string;

  @ApiProperty()
  settingName: string;

  @ApiProperty({ ...LA_CODE, nullable: true, description: "The setting's LA; null where its postcode places it in none" })
  settingLocalAuthorityCode: string | null;

  @ApiProperty({ ...PLACEMENT_TYPE })
  placementType: string;

  @ApiProperty({ type: ReservedForResponse, description: 'The LAs (a block contract) or legal statuses (a remand scheme) the beds are held for' })
  reservedFor: ReservedForResponse;

  @ApiProperty({ ...VACANCY_STATUS })
  status: VacancyStatus;

  @ApiProperty(WEEKLY_COST)
  weeklyCost: number;

  @ApiProperty(DAY)
  availableFrom: string;

  @ApiProperty({ ...DAY, nullable: true, description: 'Null: open-ended' })
  availableUntil: string | null;

  @ApiProperty({ ...DAY, nullable: true, description: 'The day it was withdrawn; null if it was not' })
  withdrawnOn: string | null;
}

export class ReservedBedReportResponse {
  @ApiProperty(UUID)
  allianceId: string;

  @ApiProperty(DAY)
  from: string;

  @ApiProperty(DAY)
  to: string;

  @ApiProperty({ ...DAY, description: 'Today: nights are counted up to last night' })
  asOf: string;

  @ApiProperty({
    type: [ReservedBedResponse],
    description:
      "Reserved vacancies available within the period, in settings within the alliance's LAs or reserved for one of them wherever they are; by provider and setting",
  })
  items: ReservedBedResponse[];

  @ApiProperty({ type: ReservedBedFiguresResponse, description: "The sums of the items' figures" })
  totals: ReservedBedFiguresResponse;
}
