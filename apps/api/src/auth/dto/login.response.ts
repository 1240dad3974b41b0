import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Role } from '@app/persistence';
import { ROLE } from '../../common/api-enums';
import { UUID } from '../../common/api-formats';
import { LA_CODE } from '../../common/local-authority-code';

/** A user and the one organisation its role belongs to; the other two organisation fields are absent. */
export class UserResponse {
  @ApiProperty(UUID)
  id: string;

  @ApiProperty({ format: 'email' })
  email: string;

  @ApiProperty({ ...ROLE })
  role: Role;

  @ApiPropertyOptional({ ...LA_CODE, description: "A placement_officer's LA" })
  localAuthorityCode?: string;

  @ApiPropertyOptional({ ...UUID, description: "A provider_user's provider" })
  providerId?: string;

  @ApiPropertyOptional({ ...UUID, description: "A commissioner's alliance" })
  allianceId?: string;
}

export class LoginResponse {
  @ApiProperty({ description: 'Send it as `Authorization: Bearer <accessToken>`' })
  accessToken: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType: 'Bearer';

  @ApiProperty({ type: 'integer', description: 'Seconds until the token expires', example: 3600 })
  expiresIn: number;

  @ApiProperty({ type: UserResponse })
  user: UserResponse;
}
