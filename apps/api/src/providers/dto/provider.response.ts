import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROVIDER_SECTORS } from '@app/domain';
import type { ProviderSector } from '@app/domain';

export class ProviderResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Oakfield Care Ltd' })
  name: string;

  @ApiProperty({ enum: [...PROVIDER_SECTORS] })
  sector: ProviderSector;

  @ApiPropertyOptional({ description: "The provider's Ofsted URN; absent when not registered", example: 'SC123456' })
  ofstedUrn?: string;
}
