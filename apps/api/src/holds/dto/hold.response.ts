import { ApiProperty } from '@nestjs/swagger';
import type { HoldView } from '@app/persistence';
import { apiEnum, unionMembers } from '../../common/api-enums';
import { TIMESTAMP, UUID } from '../../common/api-formats';
import { LA_CODE } from '../../common/local-authority-code';

const HOLD_STATUS = apiEnum('HoldStatus', unionMembers<HoldView['status']>({ live: true, expired: true, released: true, used: true }));

export class CreatedHoldResponse {
  @ApiProperty(UUID)
  id: string;

  @ApiProperty({ ...TIMESTAMP, description: 'When the hold lapses by itself' })
  expiresAt: string;

  @ApiProperty(UUID)
  vacancyId: string;

  @ApiProperty(UUID)
  referralId: string;
}

export class HoldResponse {
  @ApiProperty(UUID)
  id: string;

  @ApiProperty(UUID)
  vacancyId: string;

  @ApiProperty(UUID)
  referralId: string;

  @ApiProperty({ ...LA_CODE, description: 'The placing LA that holds it' })
  localAuthorityCode: string;

  @ApiProperty(TIMESTAMP)
  createdAt: string;

  @ApiProperty(TIMESTAMP)
  expiresAt: string;

  @ApiProperty({ type: 'integer', description: 'Beds kept: one for each child of the sibling group' })
  beds: number;

  @ApiProperty({ ...HOLD_STATUS })
  status: HoldView['status'];
}

export class HoldListResponse {
  @ApiProperty(UUID)
  vacancyId: string;

  @ApiProperty({ type: [HoldResponse], description: 'The live holds, soonest to lapse first' })
  items: HoldResponse[];
}
