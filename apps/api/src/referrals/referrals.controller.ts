import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuditActor } from '@app/persistence';
import { Actor } from '../audit/audit-actor';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiErrors } from '../common/error.response';
import { ParseId } from '../common/id.pipe';
import { IdempotencyKey } from '../common/request-header';
import { CreateReferralDto } from './dto/create-referral.dto';
import { ListReferralsQuery } from './dto/list-referrals.query';
import { ExclusionListResponse, MatchListResponse } from './dto/matches.response';
import { ReferralReceiptResponse, ReferralResponse } from './dto/referral.response';
import { ReferralsService } from './referrals.service';

const NOT_FOUND = "No such referral of the caller's LA";
const LOCATION = { Location: { description: "The referral's URL", schema: { type: 'string' } } };

@ApiTags('referrals')
@ApiBearerAuth()
@ApiErrors(401, 400)
@Roles('placement_officer')
@Controller('referrals')
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Post()
  @HttpCode(202)
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'A client-generated UUID per referral' })
  @ApiOperation({ summary: 'Submit a referral; it is matched in the background' })
  @ApiAcceptedResponse({ type: ReferralReceiptResponse, description: 'Stored, and queued for matching', headers: LOCATION })
  @ApiOkResponse({ type: ReferralReceiptResponse, description: 'The same key and body again: the referral they made', headers: LOCATION })
  @ApiErrors(
    [409, 'This Idempotency-Key was already used for a different referral'],
    [429, "The LA has sent INTAKE_RATE_LIMIT routine referrals this minute; Retry-After says when to send again. Emergencies are never refused for rate"],
  )
  async submit(
    @CurrentUser() principal: Principal,
    @IdempotencyKey() key: string,
    @Body() body: CreateReferralDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { created, body: referral } = await this.referrals.submit(principal, key, body);
    if (!created) response.status(200);
    response.setHeader('Location', `/api/v1/referrals/${referral.id}`);
    return referral;
  }

  @Get()
  @ApiOperation({ summary: "The caller's LA's referrals, newest first" })
  @ApiOkResponse({ type: [ReferralResponse] })
  list(@CurrentUser() principal: Principal, @Actor() actor: AuditActor, @Query() query: ListReferralsQuery) {
    return this.referrals.list(principal, actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A referral with its child' })
  @ApiOkResponse({ type: ReferralResponse })
  @ApiErrors([404, NOT_FOUND])
  get(@CurrentUser() principal: Principal, @Actor() actor: AuditActor, @Param('id', ParseId()) id: string) {
    return this.referrals.get(principal, actor, id);
  }

  @Get(':id/matches')
  @ApiOperation({
    summary:
      'The ranked shortlist: every eligible vacancy, best first (ties by vacancy id), up to 50, with its score breakdown, provider and setting',
  })
  @ApiOkResponse({ type: MatchListResponse })
  @ApiErrors([404, NOT_FOUND])
  matches(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string) {
    return this.referrals.matches(principal, id);
  }

  @Get(':id/exclusions')
  @ApiOperation({ summary: 'The open vacancies ruled out, nearest first, up to 200, with every reason, provider and setting' })
  @ApiOkResponse({ type: ExclusionListResponse })
  @ApiErrors([404, NOT_FOUND])
  exclusions(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string) {
    return this.referrals.exclusions(principal, id);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a referral that is not yet placed' })
  @ApiOkResponse({ type: ReferralResponse, description: 'The referral, withdrawn' })
  @ApiErrors([404, NOT_FOUND], [409, 'A placed, closed or already withdrawn referral cannot be withdrawn'])
  withdraw(@CurrentUser() principal: Principal, @Actor() actor: AuditActor, @Param('id', ParseId()) id: string) {
    return this.referrals.withdraw(principal, actor, id);
  }
}
