import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ROLES } from '@app/persistence';
import type { Role } from '@app/persistence';
import { ROLE } from '../../common/api-enums';
import { TIMESTAMP } from '../../common/api-formats';
import { ListQuery } from '../../common/page.query';
import { CreatedUserResponse } from './created-user.response';

export class ListUsersQuery extends ListQuery {
  @ApiPropertyOptional({ description: 'Part of the email or display name, any case', maxLength: 254 })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  search?: string;

  @ApiPropertyOptional({ ...ROLE })
  @IsOptional()
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role?: Role;
}

/** A user as admins list it: never its password hash. */
export class AdminUserResponse extends CreatedUserResponse {
  @ApiProperty({ description: 'A disabled user cannot sign in and its tokens are refused' })
  disabled: boolean;

  @ApiPropertyOptional({ ...TIMESTAMP, description: 'When it was disabled; absent when enabled' })
  disabledAt?: Date;
}

export class UserPageResponse {
  @ApiProperty({ type: [AdminUserResponse] })
  items: AdminUserResponse[];

  @ApiProperty({ type: 'integer' })
  total: number;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ description: 'true disables the user at once; false enables it again' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  disabled?: boolean;

  @ApiPropertyOptional({ enum: [true], description: 'Sets a one-time temporary password, answered once, and makes the user choose a new one' })
  @IsOptional()
  @IsIn([true], { message: 'must be true' })
  resetPassword?: true;
}

export class UpdatedUserResponse extends AdminUserResponse {
  @ApiPropertyOptional({ description: 'Only when resetPassword was asked: the temporary password, shown this once' })
  temporaryPassword?: string;
}
