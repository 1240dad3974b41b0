import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ROLES } from '@app/persistence';
import type { Role } from '@app/persistence';
import { ROLE } from '../../common/api-enums';
import { IsLocalAuthorityCode, LA_CODE } from '../../common/local-authority-code';

export class CreateUserDto {
  @ApiProperty({ format: 'email', maxLength: 254 })
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 12, maxLength: 200 })
  @IsString()
  @MinLength(12, { message: 'must be at least 12 characters' })
  @MaxLength(200)
  password: string;

  @ApiProperty({ ...ROLE, description: 'Each role but admin names its one organisation, and only that one' })
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role: Role;

  @ApiPropertyOptional({ ...LA_CODE, description: 'For a placement_officer' })
  @IsOptional()
  @IsLocalAuthorityCode()
  localAuthorityCode?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'For a provider_user' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a provider id' })
  providerId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'For a commissioner' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an alliance id' })
  allianceId?: string;
}
