import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type VacancyStatus } from '@app/domain';
import { LEGAL_STATUS, VACANCY_STATUS } from '../../common/api-enums';
import { DAY, TIMESTAMP, UUID, WEEKLY_COST } from '../../common/api-formats';
import { LA_CODE } from '../../common/local-authority-code';
import { SettingPlaceResponse } from '../../settings/dto/setting.response';

export class ReservedForResponse {
  @ApiPropertyOptional({ ...LEGAL_STATUS, isArray: true })
  legalStatuses?: string[];

  @ApiPropertyOptional({ type: 'array', items: LA_CODE })
  localAuthorityCodes?: string[];
}

/** A vacancy with its setting's kind and place. Its version also travels as the ETag. */
export class VacancyResponse extends SettingPlaceResponse {
  @ApiProperty(UUID)
  id: string;

  @ApiProperty(UUID)
  settingId: string;

  @ApiProperty(UUID)
  providerId: string;

  @ApiProperty({ ...VACANCY_STATUS, description: '`filled` once no beds are left' })
  status: VacancyStatus;

  @ApiProperty({ type: 'integer', description: 'Send it back as If-Match to change the vacancy' })
  version: number;

  @ApiProperty({ type: 'integer', description: 'Beds free' })
  beds: number;

  @ApiProperty(DAY)
  availableFrom: string;

  @ApiProperty({ ...DAY, nullable: true, description: 'Null: open-ended' })
  availableUntil: string | null;

  @ApiProperty(WEEKLY_COST)
  weeklyCost: number;

  @ApiProperty()
  emergencyReady: boolean;

  @ApiProperty({ type: ReservedForResponse, nullable: true, description: 'Null: open to any child' })
  reservedFor: ReservedForResponse | null;

  @ApiProperty()
  settingName: string;

  @ApiProperty({ ...TIMESTAMP, description: 'When the provider last created, changed or confirmed the vacancy' })
  confirmedAt: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Whole days in England since confirmedAt: 0 when confirmed today' })
  daysSinceConfirmed: number;

  @ApiProperty({
    description:
      'Not confirmed for VACANCY_STALE_DAYS (default 7) days: ranked below equally scored fresh vacancies and never emergency-ready. `POST /vacancies/:id/confirm` makes it fresh.',
  })
  stale: boolean;

  @ApiProperty(TIMESTAMP)
  createdAt: string;

  @ApiProperty(TIMESTAMP)
  updatedAt: string;
}
