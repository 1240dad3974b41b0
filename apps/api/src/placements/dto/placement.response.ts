import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { OutcomeKind, OutcomeStatus, PlacementView, Role } from '@app/persistence';
import { apiEnum, OUTCOME_KIND, OUTCOME_STATUS, REASON_FOR_PLACEMENT_CHANGE, ROLE, unionMembers } from '../../common/api-enums';
import { DAY, TIMESTAMP, UUID, WEEKLY_COST } from '../../common/api-formats';
import { LA_CODE } from '../../common/local-authority-code';
import { ChildIdentityResponse, ChildSummaryResponse } from '../../referrals/dto/child.response';

const PLACEMENT_STATUS = apiEnum('PlacementStatus', unionMembers<PlacementView['status']>({ active: true, ended: true }));

export class AcceptedOfferResponse {
  @ApiProperty(UUID)
  placementId: string;
}

export class PlacementResponse {
  @ApiProperty(UUID)
  id: string;

  @ApiProperty(UUID)
  referralId: string;

  @ApiProperty(UUID)
  vacancyId: string;

  @ApiProperty(UUID)
  settingId: string;

  @ApiProperty(UUID)
  providerId: string;

  @ApiProperty({ ...LA_CODE, description: 'The placing LA' })
  localAuthorityCode: string;

  @ApiProperty(DAY)
  startDate: string;

  @ApiProperty(WEEKLY_COST)
  weeklyCost: number;

  @ApiProperty({ type: 'integer', description: 'One for each child of the sibling group' })
  bedsTaken: number;

  @ApiProperty({ ...PLACEMENT_STATUS })
  status: PlacementView['status'];

  @ApiProperty({ ...DAY, nullable: true })
  endedOn: string | null;

  @ApiProperty({ ...REASON_FOR_PLACEMENT_CHANGE, nullable: true })
  endReason: string | null;

  @ApiProperty({ type: Boolean, nullable: true, description: 'False for a breakdown; null while the placement lasts' })
  plannedEnding: boolean | null;
}

/** One step of the journey towards an outcome. */
export class OutcomeStepResponse {
  @ApiProperty({ ...OUTCOME_STATUS })
  status: OutcomeStatus;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;

  @ApiProperty({ ...ROLE, description: 'Whose account it is: the LA’s or the provider’s' })
  recordedByRole: Role;

  @ApiProperty(TIMESTAMP)
  recordedAt: string;
}

export class OutcomeResponse {
  @ApiProperty(UUID)
  id: string;

  @ApiProperty(UUID)
  placementId: string;

  @ApiProperty({ ...OUTCOME_KIND })
  kind: OutcomeKind;

  @ApiProperty()
  description: string;

  @ApiProperty(DAY)
  targetDate: string;

  @ApiProperty({ ...OUTCOME_STATUS })
  status: OutcomeStatus;

  @ApiProperty(TIMESTAMP)
  createdAt: string;

  @ApiProperty(TIMESTAMP)
  updatedAt: string;

  @ApiProperty({ type: [OutcomeStepResponse], description: 'Oldest first; the first step is the status the outcome was set with' })
  journey: OutcomeStepResponse[];
}

export class FeedbackResponse {
  @ApiProperty(UUID)
  placementId: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 })
  rating: number;

  @ApiProperty()
  comments: string;

  @ApiProperty({ type: String, nullable: true })
  youngPersonView: string | null;

  @ApiProperty(TIMESTAMP)
  createdAt: string;
}

/** A placement with its child (as the caller may know them), outcomes and feedback. */
export class PlacementDetailResponse extends PlacementResponse {
  @ApiProperty({
    oneOf: [{ $ref: getSchemaPath(ChildIdentityResponse) }, { $ref: getSchemaPath(ChildSummaryResponse) }],
    description: 'For the placing LA, which of its children it is; for the provider, the anonymised summary it was offered',
  })
  child: ChildIdentityResponse | ChildSummaryResponse;

  @ApiProperty({ type: [OutcomeResponse], description: 'Oldest first' })
  outcomes: OutcomeResponse[];

  @ApiProperty({ type: FeedbackResponse, nullable: true, description: 'Null until the LA gives it, after the placement ends' })
  feedback: FeedbackResponse | null;
}
