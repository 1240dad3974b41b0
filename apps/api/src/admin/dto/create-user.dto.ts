import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES } from '@app/persistence';
import type { Role } from '@app/persistence';

export class CreateUserDto {
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email: string;

  @IsString()
  @MinLength(12, { message: 'must be at least 12 characters' })
  @MaxLength(200)
  password: string;

  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role: Role;

  @IsOptional()
  @Matches(/^E\d{8}$/, { message: 'must be an LA GSS code such as E09000009' })
  localAuthorityCode?: string;

  @IsOptional()
  @IsUUID('all', { message: 'must be a provider id' })
  providerId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'must be an alliance id' })
  allianceId?: string;
}
