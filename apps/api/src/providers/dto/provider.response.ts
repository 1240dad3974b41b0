import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ProviderSector } from '@app/domain';
import { PROVIDER_SECTOR } from '../../common/api-enums';
import { UUID } from '../../common/api-formats';
import { OFSTED_URN } from '../../common/ofsted-urn';

/** A provider as any signed-in role reads it (GET /providers/:id). */
export class ProviderResponse {
  @ApiProperty(UUID)
  id: string;

  @ApiProperty({ example: 'Oakfield Care Ltd' })
  name: string;

  @ApiProperty({ ...PROVIDER_SECTOR })
  sector: ProviderSector;

  @ApiPropertyOptional({ ...OFSTED_URN, description: 'Upper-case; absent when the provider has none' })
  ofstedUrn?: string;
}
