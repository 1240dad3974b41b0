import { ApiProperty } from '@nestjs/swagger';
import { TIMESTAMP, UUID } from '../../common/api-formats';
import { LA_CODE } from '../../common/local-authority-code';
import { ProviderResponse } from '../../providers/dto/provider.response';

export class AllianceResponse {
  @ApiProperty(UUID)
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: 'array', items: LA_CODE, description: 'Sorted' })
  localAuthorityCodes: string[];
}

/** A provider just registered: as GET /providers/:id reads it, and when it was registered. */
export class CreatedProviderResponse extends ProviderResponse {
  @ApiProperty(TIMESTAMP)
  createdAt: string;
}
