import { ApiProperty } from '@nestjs/swagger';
import { type OutcomeStatus, PLACEMENT_STATUSES, type PlacementStatus } from '@app/domain';
import type { OutcomeKind } from '@app/persistence';
import { apiEnum, OUTCOME_KIND, OUTCOME_STATUS, REASON_FOR_PLACEMENT_CHANGE, ROLE } from '../../common/api-enums';
import { DAY, TIMESTAMP, UUID, WEEKLY_COST } from '../../common/api-formats';
import { LA_CODE } from '../../common/local-authority-code';
import { ChildIdentityResponse, ChildSummaryResponse } from '../../referrals/dto/child.response';

const PLACEMENT_STATUS = apiEnum('PlacementStatus', PLACEMENT_STATUSES);

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
  status: PlacementStatus;

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
  recordedByRole: string;

  @ApiProperty({ description: "True for a provider's `achieved` that awaited (or awaits) the placing LA's confirmation: not the outcome's status by itself" })
  proposed: boolean;

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

  @ApiProperty({ ...OUTCOME_STATUS, description: '`achieved` only on the placing LA’s word: its own, or its confirmation of the provider’s' })
  status: OutcomeStatus;

  @ApiProperty({ description: 'The provider has said it is achieved and the placing LA has yet to confirm it' })
  awaitingConfirmation: boolean;

  @ApiProperty({ ...TIMESTAMP, nullable: true, description: 'When the provider said it was achieved; null when nothing awaits confirmation' })
  achievementProposedAt: Date | null;

  @ApiProperty({ ...TIMESTAMP, nullable: true, description: 'When the placing LA confirmed (or itself recorded) it achieved; null while it is not' })
  confirmedAt: Date | null;

  @ApiProperty(TIMESTAMP)
  createdAt: Date;

  @ApiProperty(TIMESTAMP)
  updatedAt: Date;

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
  createdAt: Date;
}

/** A placement with its outcomes and feedback: what both its LA and its provider read (GET /placements/:id). */
export class PlacementDetailResponse extends PlacementResponse {
  @ApiProperty({ type: [OutcomeResponse], description: 'Oldest first' })
  outcomes: OutcomeResponse[];

  @ApiProperty({ type: FeedbackResponse, nullable: true, description: 'Null until the LA gives it, after the placement ends' })
  feedback: FeedbackResponse | null;
}

/** For the placing LA: which of its children it is. */
export class LaPlacementResponse extends PlacementDetailResponse {
  @ApiProperty({ type: ChildIdentityResponse })
  child: ChildIdentityResponse;
}

/** The child as its provider knows them once its offer is accepted: the summary it was offered, and the date of birth. */
export class PlacedChildResponse extends ChildSummaryResponse {
  @ApiProperty({ ...DAY, description: 'Told to the provider once its offer was accepted, never before' })
  dateOfBirth: string;
}

/** Whom the provider calls about the child: the officer who accepted its offer (or, before that was kept, who made the referral). */
export class PlacingOfficerResponse {
  @ApiProperty({ description: 'The display name, else the email', example: 'Priya Sharma' })
  name: string;

  @ApiProperty({ format: 'email' })
  email: string;

  @ApiProperty({ type: String, nullable: true, description: 'A work phone number; null when not set', example: '020 7946 0123' })
  phone: string | null;
}

/** For the provider: what it needs to receive the child (audited as a disclosure). */
export class ProviderPlacementResponse extends PlacementDetailResponse {
  @ApiProperty({ type: PlacedChildResponse })
  child: PlacedChildResponse;

  @ApiProperty({ type: PlacingOfficerResponse })
  placingOfficer: PlacingOfficerResponse;
}
