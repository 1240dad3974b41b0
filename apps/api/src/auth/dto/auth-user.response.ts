import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES } from '@app/persistence';
import type { Role } from '@app/persistence';

/** The signed-in user, as the login answer gives it and GET /auth/me reads it back. */
export class AuthUserResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'officer.ealing@example.gov.uk' })
  email: string;

  @ApiProperty({ enum: [...ROLES] })
  role: Role;

  @ApiPropertyOptional({ description: "A placement officer's LA (GSS code)", example: 'E09000009' })
  localAuthorityCode?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "A provider user's provider" })
  providerId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "A commissioner's alliance" })
  allianceId?: string;

  @ApiPropertyOptional({ description: 'How others are shown this person; absent when not set', example: 'Priya Sharma' })
  displayName?: string;

  @ApiPropertyOptional({ description: 'A work phone number; absent when not set', example: '020 7946 0123' })
  phone?: string;
}

export class LoginResponse {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <accessToken>`' })
  accessToken: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType: 'Bearer';

  @ApiProperty({ description: "The token's lifetime in seconds", example: 3600 })
  expiresIn: number;

  @ApiProperty({ type: AuthUserResponse })
  user: AuthUserResponse;
}
