import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Role } from '@app/persistence';
import { ROLE } from '../../common/api-enums';
import { UUID } from '../../common/api-formats';
import { LA_CODE } from '../../common/local-authority-code';

/**
 * The signed-in user, as the login answer gives it and GET /auth/me reads it back: the one
 * organisation its role belongs to (the other two organisation fields are absent), and its contact
 * details when set.
 */
export class AuthUserResponse {
  @ApiProperty(UUID)
  id: string;

  @ApiProperty({ format: 'email', example: 'officer.ealing@example.gov.uk' })
  email: string;

  @ApiProperty({ ...ROLE })
  role: Role;

  @ApiPropertyOptional({ ...LA_CODE, description: "A placement_officer's LA" })
  localAuthorityCode?: string;

  @ApiPropertyOptional({ ...UUID, description: "A provider_user's provider" })
  providerId?: string;

  @ApiPropertyOptional({ ...UUID, description: "A commissioner's alliance" })
  allianceId?: string;

  @ApiPropertyOptional({ description: 'How others are shown this person; absent when not set', example: 'Priya Sharma' })
  displayName?: string;

  @ApiPropertyOptional({ description: 'A work phone number; absent when not set', example: '020 7946 0123' })
  phone?: string;

  @ApiProperty({ description: 'True after an admin reset the password: the user must choose a new one (POST /auth/password)' })
  mustChangePassword: boolean;
}

export class LoginResponse {
  @ApiProperty({ description: 'Send it as `Authorization: Bearer <accessToken>`' })
  accessToken: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType: 'Bearer';

  @ApiProperty({ type: 'integer', description: 'Seconds until the token expires', example: 3600 })
  expiresIn: number;

  @ApiProperty({ type: AuthUserResponse })
  user: AuthUserResponse;
}
