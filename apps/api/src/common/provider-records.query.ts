import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { SETTING_PLACEMENT_TYPES } from '@app/domain';
import { PLACEMENT_TYPE } from './api-enums';
import { IsLocalAuthorityCode, LA_CODE } from './local-authority-code';
import { PageQuery } from './page.query';

/** Filters shared by the lists of settings and of vacancies: what kind of home, and where. */
export class ProviderRecordsQuery extends PageQuery {
  @ApiPropertyOptional({ ...PLACEMENT_TYPE })
  @IsOptional()
  @IsIn(SETTING_PLACEMENT_TYPES, { message: `must be one of ${SETTING_PLACEMENT_TYPES.join(', ')}` })
  placementType?: string;

  @ApiPropertyOptional({ ...LA_CODE, description: "The setting's LA" })
  @IsOptional()
  @IsLocalAuthorityCode()
  localAuthorityCode?: string;
}
