import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { AuditActor } from '@app/persistence';
import { Actor } from '../audit/audit-actor';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ParseId } from '../common/id.pipe';
import { EndPlacementDto } from './dto/end-placement.dto';
import { CreateOutcomeDto, OutcomeProgressDto, PlacementFeedbackDto } from './dto/outcome.dto';
import { LaPlacementResponse, ProviderPlacementResponse } from './dto/placement.response';
import { PlacementsQuery } from './dto/placements.query';
import { PlacementsResponse } from './dto/placements.response';
import { PlacementsService } from './placements.service';

@ApiTags('placements')
@ApiBearerAuth()
@Controller()
export class PlacementsController {
  constructor(private readonly placements: PlacementsService) {}

  @Post('offers/:id/accept')
  @Roles('placement_officer')
  @ApiOperation({ summary: 'Accept an offer: takes one bed and places the child, exactly once' })
  accept(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string) {
    return this.placements.accept(principal, id);
  }

  @Get('placements')
  @Roles('placement_officer', 'provider_user')
  @ApiOperation({
    summary:
      "Placements, newest first, live or ended: a placement team's own LA's with each child's identity (audited), a provider's own with the child's age, gender, date of birth and placing officer (audited as disclosures)",
  })
  @ApiOkResponse({ type: PlacementsResponse })
  list(@CurrentUser() principal: Principal, @Actor() actor: AuditActor, @Query() query: PlacementsQuery): Promise<PlacementsResponse> {
    return this.placements.list(principal, actor, query);
  }

  @Get('placements/:id')
  @Roles('placement_officer', 'provider_user')
  @ApiOperation({
    summary:
      'A placement with its outcomes and feedback: for its LA with the child’s identity; for its provider with the anonymised summary, the date of birth and the placing officer to call (audited as a disclosure)',
  })
  @ApiExtraModels(LaPlacementResponse, ProviderPlacementResponse)
  @ApiOkResponse({
    schema: { oneOf: [{ $ref: getSchemaPath(LaPlacementResponse) }, { $ref: getSchemaPath(ProviderPlacementResponse) }] },
  })
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
  end(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string, @Body() body: EndPlacementDto) {
    return this.placements.end(principal, id, body);
  }

  @Post('placements/:id/outcomes')
  @Roles('placement_officer')
  @ApiOperation({ summary: 'Set a SMART outcome for a live placement' })
  addOutcome(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string, @Body() body: CreateOutcomeDto) {
    return this.placements.addOutcome(principal, id, body);
  }

  @Post('placements/:id/outcomes/:outcomeId/updates')
  @Roles('placement_officer', 'provider_user')
  @ApiOperation({ summary: 'Record progress towards an outcome (LA or provider): the journey travelled' })
  progress(
    @CurrentUser() principal: Principal,
    @Param('id', ParseId()) id: string,
    @Param('outcomeId', ParseId('outcomeId')) outcomeId: string,
    @Body() body: OutcomeProgressDto,
  ) {
    return this.placements.progress(principal, id, outcomeId, body);
  }

  @Post('placements/:id/feedback')
  @Roles('placement_officer')
  @ApiOperation({ summary: "End-of-placement feedback with the young person's view, shared with the provider" })
  feedback(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string, @Body() body: PlacementFeedbackDto) {
    return this.placements.feedback(principal, id, body);
  }
}
