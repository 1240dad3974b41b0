import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ProviderSector } from '@app/domain';
import { PROVIDER_SECTOR } from '../../common/api-enums';
import { TIMESTAMP, UUID } from '../../common/api-formats';
import { LA_CODE } from '../../common/local-authority-code';
import { OFSTED_URN } from '../../common/ofsted-urn';
import { UserResponse } from '../../auth/dto/login.response';

export class CreatedUserResponse extends UserResponse {
  @ApiProperty(TIMESTAMP)
  createdAt: string;
}

export class AllianceResponse {
  @ApiProperty(UUID)
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: 'array', items: LA_CODE, description: 'Sorted' })
  localAuthorityCodes: string[];
}

export class ProviderResponse {
  @ApiProperty(UUID)
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ ...PROVIDER_SECTOR })
  sector: ProviderSector;

  @ApiPropertyOptional({ ...OFSTED_URN, description: 'Upper-case; absent when the provider has none' })
  ofstedUrn?: string;

  @ApiProperty(TIMESTAMP)
  createdAt: string;
}
