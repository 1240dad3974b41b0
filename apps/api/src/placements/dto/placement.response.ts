import { ApiProperty } from '@nestjs/swagger';
import { GENDERS } from '@app/domain';
import { OUTCOME_KINDS, OUTCOME_STATUSES } from '@app/persistence';
import type { OutcomeKind, OutcomeStatus } from '@app/persistence';

/** GET /placements/:id: for the placing LA (child identity) or the provider (summary, date of birth, placing officer). */

export class OutcomeStepResponse {
  @ApiProperty({ enum: [...OUTCOME_STATUSES] })
  status: OutcomeStatus;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;

  @ApiProperty({ example: 'provider_user' })
  recordedByRole: string;

  @ApiProperty({ format: 'date-time' })
  recordedAt: string;
}

export class PlacementOutcomeResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  placementId: string;

  @ApiProperty({ enum: [...OUTCOME_KINDS] })
  kind: OutcomeKind;

  @ApiProperty()
  description: string;

  @ApiProperty({ format: 'date' })
  targetDate: string;

  @ApiProperty({ enum: [...OUTCOME_STATUSES] })
  status: OutcomeStatus;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;

  @ApiProperty({ type: [OutcomeStepResponse], description: 'Oldest first' })
  journey: OutcomeStepResponse[];
}

export class PlacementFeedbackResponse {
  @ApiProperty({ format: 'uuid' })
  placementId: string;

  @ApiProperty({ minimum: 1, maximum: 5 })
  rating: number;

  @ApiProperty()
  comments: string;

  @ApiProperty({ type: String, nullable: true })
  youngPersonView: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
}

/** The placement as both its LA and its provider see it. */
export class PlacementResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  referralId: string;

  @ApiProperty({ format: 'uuid' })
  vacancyId: string;

  @ApiProperty({ format: 'uuid' })
  settingId: string;

  @ApiProperty({ format: 'uuid' })
  providerId: string;

  @ApiProperty({ description: 'The placing LA (GSS)', example: 'E09000009' })
  localAuthorityCode: string;

  @ApiProperty({ format: 'date' })
  startDate: string;

  @ApiProperty({ description: 'Whole pounds a week' })
  weeklyCost: number;

  @ApiProperty({ description: "A bed for each child of the sibling group" })
  bedsTaken: number;

  @ApiProperty({ enum: ['active', 'ended'] })
  status: 'active' | 'ended';

  @ApiProperty({ type: String, format: 'date', nullable: true })
  endedOn: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'SSDA903 reason for placement change' })
  endReason: string | null;

  @ApiProperty({ type: Boolean, nullable: true, description: 'False for a breakdown' })
  plannedEnding: boolean | null;

  @ApiProperty({ type: [PlacementOutcomeResponse] })
  outcomes: PlacementOutcomeResponse[];

  @ApiProperty({ type: PlacementFeedbackResponse, nullable: true, description: 'Once the placement has ended and the LA has given it' })
  feedback: PlacementFeedbackResponse | null;
}

/** The child as the placing LA knows them. */
export class ChildIdentityResponse {
  @ApiProperty({ example: 'EAL-CASE-123' })
  localReference: string;

  @ApiProperty({ format: 'date' })
  dateOfBirth: string;

  @ApiProperty({ enum: [...GENDERS] })
  gender: string;
}

export class LaPlacementResponse extends PlacementResponse {
  @ApiProperty({ type: ChildIdentityResponse })
  child: ChildIdentityResponse;
}

export class ChildNeedResponse {
  @ApiProperty({ example: 'self-harm' })
  code: string;

  @ApiProperty({ minimum: 1, maximum: 3 })
  level: number;

  @ApiProperty()
  essential: boolean;
}

/** The child as its provider knows them once its offer is accepted: the summary it was offered, and the date of birth. */
export class ProviderChildResponse {
  @ApiProperty()
  ageYears: number;

  @ApiProperty({ enum: [...GENDERS] })
  gender: string;

  @ApiProperty({ example: 'UB1' })
  postcodeDistrict: string;

  @ApiProperty({ example: 'C2' })
  legalStatus: string;

  @ApiProperty({ example: 'N1' })
  categoryOfNeed: string;

  @ApiProperty({ type: [ChildNeedResponse] })
  needs: ChildNeedResponse[];

  @ApiProperty()
  siblingGroupSize: number;

  @ApiProperty({ format: 'date' })
  dateOfBirth: string;
}

/** Whom the provider calls about the child: the officer who accepted its offer (or made the referral). */
export class PlacingOfficerResponse {
  @ApiProperty({ description: 'The display name, else the email', example: 'Priya Sharma' })
  name: string;

  @ApiProperty()
  email: string;

  @ApiProperty({ type: String, nullable: true, example: '020 7946 0123' })
  phone: string | null;
}

export class ProviderPlacementResponse extends PlacementResponse {
  @ApiProperty({ type: ProviderChildResponse })
  child: ProviderChildResponse;

  @ApiProperty({ type: PlacingOfficerResponse })
  placingOfficer: PlacingOfficerResponse;
}
