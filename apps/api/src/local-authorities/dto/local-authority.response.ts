import { ApiProperty } from '@nestjs/swagger';
import { LA_CODE } from '../../common/local-authority-code';

export class LocalAuthorityResponse {
  @ApiProperty({ ...LA_CODE, description: 'ONS GSS code' })
  code: string;

  @ApiProperty({ type: 'integer', description: "The DfE's three-digit LA number", example: 307 })
  dfeCode: number;

  @ApiProperty({ example: 'Ealing' })
  name: string;

  @ApiProperty({ example: 'London' })
  region: string;

  @ApiProperty()
  latitude: number;

  @ApiProperty()
  longitude: number;
}
