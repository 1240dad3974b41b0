import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditActor } from '@app/persistence';
import { Actor } from '../audit/audit-actor';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiErrors } from '../common/error.response';
import { ParseId } from '../common/id.pipe';
import { PageQuery } from '../common/page.query';
import { CreateDeclineDto, CreateOfferDto } from './dto/offer.dto';
import {
  DeclineListResponse,
  DeclineResponse,
  OfferListResponse,
  OfferResponse,
  ProviderOfferListResponse,
  ProviderReferralResponse,
} from './dto/offer.response';
import { ProviderOffersQuery } from './dto/provider-offers.query';
import { OffersService } from './offers.service';

const NOT_SHORTLISTED =
  'The referral is not shortlisted with this vacancy of yours on its shortlist, was not sent to your provider, or does not exist';
const NO_SUCH_REFERRAL = "No such referral of the caller's LA";

@ApiTags('offers')
@ApiBearerAuth()
@ApiErrors(401, 400)
@Controller()
export class OffersController {
  constructor(private readonly offers: OffersService) {}

  @Get('provider/referrals')
  @Roles('provider_user')
  @ApiOperation({
    summary: "Referrals shortlisted to the caller's vacancies, as anonymised summaries (never names, references, dates of birth, postcodes or notes)",
  })
  @ApiOkResponse({ type: [ProviderReferralResponse], description: 'Most urgent first, then by required-by date' })
  providerReferrals(@CurrentUser() principal: Principal, @Actor() actor: AuditActor, @Query() query: PageQuery) {
    return this.offers.providerReferrals(principal, actor, query);
  }

  @Get('provider/offers')
  @Roles('provider_user')
  @ApiOperation({
    summary: "The caller's provider's offers, newest first, with what became of each (and its referral); never any child data",
  })
  @ApiOkResponse({ type: ProviderOfferListResponse })
  providerOffers(@CurrentUser() principal: Principal, @Query() query: ProviderOffersQuery): Promise<ProviderOfferListResponse> {
    return this.offers.providerOffers(principal, query);
  }

  @Post('referrals/:id/offers')
  @Roles('provider_user')
  @ApiOperation({ summary: 'Offer one of your shortlisted vacancies for the referral, at a weekly cost' })
  @ApiCreatedResponse({ type: OfferResponse })
  @ApiErrors([404, NOT_SHORTLISTED], [409, 'This vacancy already has a live offer for the referral'])
  offer(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string, @Body() body: CreateOfferDto) {
    return this.offers.offer(principal, id, body);
  }

  @Post('referrals/:id/declines')
  @Roles('provider_user')
  @ApiOperation({ summary: 'Decline the referral for one of your shortlisted vacancies, with a reason' })
  @ApiCreatedResponse({ type: DeclineResponse })
  @ApiErrors([404, NOT_SHORTLISTED])
  decline(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string, @Body() body: CreateDeclineDto) {
    return this.offers.decline(principal, id, body);
  }

  @Get('referrals/:id/offers')
  @Roles('placement_officer')
  @ApiOperation({ summary: 'The offers made for a referral of your LA, newest first' })
  @ApiOkResponse({ type: OfferListResponse })
  @ApiErrors([404, NO_SUCH_REFERRAL])
  offersFor(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string) {
    return this.offers.offersFor(principal, id);
  }

  @Get('referrals/:id/declines')
  @Roles('placement_officer')
  @ApiOperation({ summary: 'Why providers declined a referral of your LA, newest first, each with the provider named' })
  @ApiOkResponse({ type: DeclineListResponse })
  @ApiErrors([404, NO_SUCH_REFERRAL])
  declinesFor(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string): Promise<DeclineListResponse> {
    return this.offers.declinesFor(principal, id);
  }
}
