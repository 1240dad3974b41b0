import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { AuditActor } from '@app/persistence';
import { Actor } from '../audit/audit-actor';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiErrors } from '../common/error.response';
import { ParseId } from '../common/id.pipe';
import { EndPlacementDto } from './dto/end-placement.dto';
import { ConfirmOutcomeDto, CreateOutcomeDto, OutcomeProgressDto, PlacementFeedbackDto } from './dto/outcome.dto';
import {
  AcceptedOfferResponse,
  FeedbackResponse,
  LaPlacementResponse,
  OutcomeResponse,
  PlacementResponse,
  ProviderPlacementResponse,
} from './dto/placement.response';
import { PlacementsQuery } from './dto/placements.query';
import { PlacementListResponse } from './dto/placements.response';
import { PlacementsService } from './placements.service';

const PLACEMENT_NOT_FOUND = "No such placement of the caller's LA (or provider, where it may read it)";

@ApiTags('placements')
@ApiBearerAuth()
@ApiErrors(401, 400)
@Controller()
export class PlacementsController {
  constructor(private readonly placements: PlacementsService) {}

  @Post('offers/:id/accept')
  @Roles('placement_officer')
  @ApiOperation({ summary: 'Accept an offer: takes one bed and places the child, exactly once' })
  @ApiCreatedResponse({ type: AcceptedOfferResponse })
  @ApiErrors(
    [404, "No such offer for a referral of the caller's LA"],
    [409, 'The referral or the offer is no longer open (another acceptance won), the vacancy has no bed left, or its free bed is held for another referral'],
  )
  accept(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string) {
    return this.placements.accept(principal, id);
  }

  @Get('placements')
  @Roles('placement_officer', 'provider_user')
  @ApiOperation({
    summary:
      "Placements, newest first, live or ended: a placement team's own LA's with each child's identity (audited), a provider's own with the child's age, gender, date of birth and placing officer (audited as disclosures)",
  })
  @ApiOkResponse({ type: PlacementListResponse })
  list(@CurrentUser() principal: Principal, @Actor() actor: AuditActor, @Query() query: PlacementsQuery): Promise<PlacementListResponse> {
    return this.placements.list(principal, actor, query);
  }

  @Get('placements/:id')
  @Roles('placement_officer', 'provider_user')
  @ApiOperation({
    summary:
      'A placement with its outcomes and feedback: for its LA with the child’s identity; for its provider with the anonymised summary, the date of birth and the placing officer to call (audited as a disclosure)',
  })
  // One of two shapes: the placing LA's, with the child's identity; the provider's, with what it needs to receive the child.
  @ApiExtraModels(LaPlacementResponse, ProviderPlacementResponse)
  @ApiOkResponse({
    schema: { oneOf: [{ $ref: getSchemaPath(LaPlacementResponse) }, { $ref: getSchemaPath(ProviderPlacementResponse) }] },
  })
  @ApiErrors([404, PLACEMENT_NOT_FOUND])
  get(
    @CurrentUser() principal: Principal,
    @Actor() actor: AuditActor,
    @Param('id', ParseId()) id: string,
  ): Promise<LaPlacementResponse | ProviderPlacementResponse> {
    return this.placements.get(principal, actor, id);
  }

  @Post('placements/:id/end')
  @HttpCode(200)
  @Roles('placement_officer')
  @ApiOperation({ summary: 'End a placement; an unplanned ending (a breakdown) gives the bed back' })
  @ApiOkResponse({ type: PlacementResponse })
  @ApiErrors([404, PLACEMENT_NOT_FOUND], [409, 'The placement has already ended'])
  end(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string, @Body() body: EndPlacementDto) {
    return this.placements.end(principal, id, body);
  }

  @Post('placements/:id/outcomes')
  @Roles('placement_officer')
  @ApiOperation({ summary: 'Set a SMART outcome for a live placement' })
  @ApiCreatedResponse({ type: OutcomeResponse })
  @ApiErrors([404, PLACEMENT_NOT_FOUND], [409, 'The placement has ended; outcomes are set while it lasts'])
  addOutcome(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string, @Body() body: CreateOutcomeDto) {
    return this.placements.addOutcome(principal, id, body);
  }

  @Post('placements/:id/outcomes/:outcomeId/updates')
  @Roles('placement_officer', 'provider_user')
  @ApiOperation({ summary: 'Record progress towards an outcome (LA or provider): the journey travelled' })
  @ApiCreatedResponse({ type: OutcomeResponse })
  @ApiErrors([404, "No such outcome of a placement of the caller's LA or provider"])
  progress(
    @CurrentUser() principal: Principal,
    @Param('id', ParseId()) id: string,
    @Param('outcomeId', ParseId('outcomeId')) outcomeId: string,
    @Body() body: OutcomeProgressDto,
  ) {
    return this.placements.progress(principal, id, outcomeId, body);
  }

  @Post('placements/:id/outcomes/:outcomeId/confirm')
  @HttpCode(200)
  @Roles('placement_officer')
  @ApiOperation({ summary: "Confirm the achievement the provider proposed (placing LA only): the outcome becomes achieved" })
  @ApiOkResponse({ type: OutcomeResponse })
  @ApiErrors([404, "No such outcome of a placement of the caller's LA"], [409, 'No achievement awaits confirmation'])
  confirm(
    @CurrentUser() principal: Principal,
    @Param('id', ParseId()) id: string,
    @Param('outcomeId', ParseId('outcomeId')) outcomeId: string,
    @Body() body: ConfirmOutcomeDto,
  ) {
    return this.placements.confirmAchieved(principal, id, outcomeId, body);
  }

  @Post('placements/:id/feedback')
  @Roles('placement_officer')
  @ApiOperation({ summary: "End-of-placement feedback with the young person's view, shared with the provider" })
  @ApiCreatedResponse({ type: FeedbackResponse })
  @ApiErrors([404, PLACEMENT_NOT_FOUND], [409, 'The placement has not ended yet, or its feedback has already been given'])
  feedback(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string, @Body() body: PlacementFeedbackDto) {
    return this.placements.feedback(principal, id, body);
  }
}
