import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES } from '@app/persistence';
import type { Role } from '@app/persistence';
import { IsLocalAuthorityCode } from '../../common/local-authority-code';
import { IsOmittable } from '../../common/optional';
import { IsUkPhoneNumber } from '../../common/phone-number';

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
  @IsLocalAuthorityCode()
  localAuthorityCode?: string;

  @IsOptional()
  @IsUUID('all', { message: 'must be a provider id' })
  providerId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'must be an alliance id' })
  allianceId?: string;

  /** How others are shown this person, e.g. a provider receiving a child they placed. */
  @IsOmittable()
  @IsString()
  @Matches(/\S/, { message: 'must not be blank' })
  @MaxLength(100)
  displayName?: string;

  /** A work phone number, such as 020 7946 0000. */
  @IsOmittable()
  @IsString()
  @IsUkPhoneNumber()
  phone?: string;
}
