import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditActor } from '@app/persistence';
import { Actor } from '../audit/audit-actor';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ParseId } from '../common/id.pipe';
import { PageQuery } from '../common/page.query';
import { DeclinesResponse } from './dto/declines.response';
import { CreateDeclineDto, CreateOfferDto } from './dto/offer.dto';
import { ProviderOffersQuery } from './dto/provider-offers.query';
import { ProviderOffersResponse } from './dto/provider-offers.response';
import { OffersService } from './offers.service';

@ApiTags('offers')
@ApiBearerAuth()
@Controller()
export class OffersController {
  constructor(private readonly offers: OffersService) {}

  @Get('provider/referrals')
  @Roles('provider_user')
  @ApiOperation({
    summary: "Referrals shortlisted to the caller's vacancies, as anonymised summaries (never names, references, dates of birth, postcodes or notes)",
  })
  providerReferrals(@CurrentUser() principal: Principal, @Actor() actor: AuditActor, @Query() query: PageQuery) {
    return this.offers.providerReferrals(principal, actor, query);
  }

  @Get('provider/offers')
  @Roles('provider_user')
  @ApiOperation({
    summary: "The caller's provider's offers, newest first, with what became of each (and its referral); never any child data",
  })
  @ApiOkResponse({ type: ProviderOffersResponse })
  providerOffers(@CurrentUser() principal: Principal, @Query() query: ProviderOffersQuery): Promise<ProviderOffersResponse> {
    return this.offers.providerOffers(principal, query);
  }

  @Post('referrals/:id/offers')
  @Roles('provider_user')
  @ApiOperation({ summary: 'Offer one of your shortlisted vacancies for the referral, at a weekly cost' })
  offer(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string, @Body() body: CreateOfferDto) {
    return this.offers.offer(principal, id, body);
  }

  @Post('referrals/:id/declines')
  @Roles('provider_user')
  @ApiOperation({ summary: 'Decline the referral for one of your shortlisted vacancies, with a reason' })
  decline(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string, @Body() body: CreateDeclineDto) {
    return this.offers.decline(principal, id, body);
  }

  @Get('referrals/:id/offers')
  @Roles('placement_officer')
  @ApiOperation({ summary: 'The offers made for a referral of your LA, newest first' })
  offersFor(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string) {
    return this.offers.offersFor(principal, id);
  }

  @Get('referrals/:id/declines')
  @Roles('placement_officer')
  @ApiOperation({ summary: 'Why providers declined a referral of your LA, newest first, each with the provider named' })
  @ApiOkResponse({ type: DeclinesResponse })
  declinesFor(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string): Promise<DeclinesResponse> {
    return this.offers.declinesFor(principal, id);
  }
}
