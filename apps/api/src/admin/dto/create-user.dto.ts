import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES } from '@app/persistence';
import type { Role } from '@app/persistence';
import { ROLE } from '../../common/api-enums';
import { IsLocalAuthorityCode, LA_CODE } from '../../common/local-authority-code';
import { IsOmittable } from '../../common/optional';
import { IsUkPhoneNumber, MAX_PHONE_LENGTH, UK_PHONE_NUMBER } from '../../common/phone-number';

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

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 100,
    pattern: '\\S',
    description: 'How others are shown this person, e.g. a provider receiving a child they placed; not blank',
    example: 'Priya Sharma',
  })
  @IsOmittable()
  @IsString()
  @Matches(/\S/, { message: 'must not be blank' })
  @MaxLength(100)
  displayName?: string;

  @ApiPropertyOptional({ ...UK_PHONE_NUMBER, description: 'A work phone number' })
  @IsOmittable()
  @IsString()
  @MaxLength(MAX_PHONE_LENGTH)
  @IsUkPhoneNumber()
  phone?: string;
}
