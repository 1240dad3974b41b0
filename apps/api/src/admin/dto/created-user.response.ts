import { ApiProperty } from '@nestjs/swagger';
import { AuthUserResponse } from '../../auth/dto/auth-user.response';
import { TIMESTAMP } from '../../common/api-formats';

/** A user just created: as it will see itself on signing in, and when it was created. */
export class CreatedUserResponse extends AuthUserResponse {
  @ApiProperty(TIMESTAMP)
  createdAt: Date;
}
