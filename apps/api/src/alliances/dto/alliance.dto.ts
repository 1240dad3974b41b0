import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { AllianceMembers, AllianceName } from '../../admin/dto/create-alliance.dto';
import { AllianceResponse } from '../../admin/dto/admin.response';
import { LA_CODE } from '../../common/local-authority-code';
import { IsOmittable } from '../../common/optional';

/** What an admin may change of an alliance; what is left out stays as it is. */
export class UpdateAllianceDto {
  @AllianceName(false)
  @IsOmittable()
  @Matches(/\S/, { message: 'must not be blank' })
  name?: string;

  @AllianceMembers(false)
  @IsOmittable()
  localAuthorityCodes?: string[];
}

export class AllianceMemberResponse {
  @ApiProperty({ ...LA_CODE, description: 'ONS GSS code' })
  code: string;

  @ApiProperty({ example: 'Ealing' })
  name: string;

  @ApiProperty({ example: 'London' })
  region: string;
}

/** An alliance with its member LAs named. */
export class AllianceDetailResponse extends AllianceResponse {
  @ApiProperty({ type: [AllianceMemberResponse], description: 'By name' })
  localAuthorities: AllianceMemberResponse[];

  @ApiProperty({ type: 'integer', description: 'How many LAs are members' })
  memberCount: number;
}

/** An alliance as changed, and how many referrals were queued to be re-matched because of it. */
export class UpdatedAllianceResponse extends AllianceDetailResponse {
  @ApiProperty({
    type: 'integer',
    description: 'Referrals awaiting placement of the LAs that joined or left, queued to be re-matched (an LA’s alliance sets its matching weights)',
  })
  rematched: number;
}

export class AlliancePageResponse {
  @ApiProperty({ type: [AllianceDetailResponse], description: 'By name' })
  items: AllianceDetailResponse[];

  @ApiProperty({ type: 'integer' })
  total: number;
}
