import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { PageQuery } from '../common/page.query';

export class AuditQuery extends PageQuery {
  @ApiProperty({ format: 'uuid', description: "Every read of this referral's child and every disclosure of it to a provider." })
  @IsUUID('all', { message: 'must be a referral id (a UUID)' })
  referralId: string;
}
