import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiErrors } from '../common/error.response';
import { ParseId } from '../common/id.pipe';
import { CreateHoldDto } from './dto/hold.dto';
import { CreatedHoldResponse, HoldListResponse } from './dto/hold.response';
import { HoldsService } from './holds.service';

/**
 * Holds: a placing team keeps one bed of a shortlisted vacancy for its referral for up to four
 * hours while it talks to the provider; meanwhile that bed can be accepted only for that referral.
 */
@ApiTags('holds')
@ApiBearerAuth()
@ApiErrors(401, 400)
@Controller('vacancies/:id/holds')
export class HoldsController {
  constructor(private readonly holds: HoldsService) {}

  @Post()
  @Roles('placement_officer')
  @ApiOperation({ summary: 'Hold one bed for a referral for 1-240 minutes; it lapses by itself at expiresAt' })
  @ApiCreatedResponse({ type: CreatedHoldResponse })
  @ApiErrors(
    [404, "No such referral of the caller's LA, or no such vacancy"],
    [
      409,
      "The vacancy is not on the referral's current shortlist, the referral has not been sent to its provider, the referral already holds a bed of it, or it has no free bed",
    ],
  )
  create(@CurrentUser() principal: Principal, @Param('id', ParseId()) vacancyId: string, @Body() body: CreateHoldDto) {
    return this.holds.create(principal, vacancyId, body);
  }

  @Get()
  @Roles('provider_user', 'placement_officer', 'admin')
  @ApiOperation({ summary: "Live holds on a vacancy: all of them for its provider, the caller's own for a placement team" })
  @ApiOkResponse({ type: HoldListResponse })
  @ApiErrors([404, "No such vacancy, or another provider's"])
  list(@CurrentUser() principal: Principal, @Param('id', ParseId()) vacancyId: string) {
    return this.holds.list(principal, vacancyId);
  }

  @Delete(':holdId')
  @HttpCode(204)
  @Roles('placement_officer')
  @ApiOperation({ summary: 'Give a live hold back before it lapses' })
  @ApiNoContentResponse({ description: 'Given back' })
  @ApiErrors([404, "No such live hold of the caller's LA on this vacancy"])
  release(
    @CurrentUser() principal: Principal,
    @Param('id', ParseId()) vacancyId: string,
    @Param('holdId', ParseId('holdId')) holdId: string,
  ): Promise<void> {
    return this.holds.release(principal, vacancyId, holdId);
  }
}
