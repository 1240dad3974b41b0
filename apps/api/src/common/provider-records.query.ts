import { IsIn, IsOptional } from 'class-validator';
import { SETTING_PLACEMENT_TYPES } from '@app/domain';
import { IsLocalAuthorityCode } from './local-authority-code';
import { PageQuery } from './page.query';

/** Filters shared by the lists of settings and of vacancies: what kind of home, and where. */
export class ProviderRecordsQuery extends PageQuery {
  @IsOptional()
  @IsIn(SETTING_PLACEMENT_TYPES, { message: `must be one of ${SETTING_PLACEMENT_TYPES.join(', ')}` })
  placementType?: string;

  @IsOptional()
  @IsLocalAuthorityCode()
  localAuthorityCode?: string;
}
