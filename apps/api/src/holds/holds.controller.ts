import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, DomainErrorCode } from '@app/domain';
import { HoldRepository, VacancyRepository } from '@app/persistence';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiErrors } from '../common/error.response';
import { ParseId } from '../common/id.pipe';
import { CreateHoldDto } from './dto/hold.dto';
import { CreatedHoldResponse, HoldListResponse } from './dto/hold.response';

/**
 * Holds: a placing team keeps one bed of a shortlisted vacancy for its referral for up to four
 * hours while it talks to the provider; meanwhile that bed can be accepted only for that referral.
 */
@ApiTags('holds')
@ApiBearerAuth()
@ApiErrors(401, 400)
@Controller('vacancies/:id/holds')
export class HoldsController {
  constructor(
    private readonly holds: HoldRepository,
    private readonly vacancies: VacancyRepository,
  ) {}

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
  async create(@CurrentUser() principal: Principal, @Param('id', ParseId()) vacancyId: string, @Body() body: CreateHoldDto) {
    const la = principal.localAuthorityCode;
    if (!la) throw new DomainError(DomainErrorCode.Forbidden, 'Only placement teams hold beds');
    const result = await this.holds.hold(vacancyId, { referralId: body.referralId, localAuthorityCode: la, userId: principal.userId, minutes: body.minutes });
    switch (result.outcome) {
      case 'held':
        return { id: result.hold.id, expiresAt: result.hold.expiresAt, vacancyId, referralId: body.referralId };
      case 'referral_not_found':
        throw DomainError.notFound('Referral');
      case 'vacancy_not_found':
        throw DomainError.notFound('Vacancy');
      case 'not_on_shortlist':
        throw new DomainError(DomainErrorCode.Conflict, "The vacancy is not on the referral's current shortlist");
      case 'not_sent':
        throw new DomainError(DomainErrorCode.Conflict, "The referral has not been sent to the vacancy's provider: send it before holding a bed");
      case 'already_held':
        throw new DomainError(DomainErrorCode.Conflict, 'The referral already holds a bed of this vacancy');
      case 'no_free_bed':
        throw new DomainError(DomainErrorCode.Conflict, 'The vacancy has no free bed to hold');
    }
  }

  @Get()
  @Roles('provider_user', 'placement_officer', 'admin')
  @ApiOperation({ summary: "Live holds on a vacancy: all of them for its provider, the caller's own for a placement team" })
  @ApiOkResponse({ type: HoldListResponse })
  @ApiErrors([404, "No such vacancy, or another provider's"])
  async list(@CurrentUser() principal: Principal, @Param('id', ParseId()) vacancyId: string) {
    const vacancy = await this.vacancies.findById(vacancyId);
    if (!vacancy || (principal.role === 'provider_user' && principal.providerId !== vacancy.providerId)) throw DomainError.notFound('Vacancy');
    const live = await this.holds.live(vacancyId);
    const items = principal.localAuthorityCode ? live.filter((hold) => hold.localAuthorityCode === principal.localAuthorityCode) : live;
    return { vacancyId, items };
  }

  @Delete(':holdId')
  @HttpCode(204)
  @Roles('placement_officer')
  @ApiOperation({ summary: 'Give a live hold back before it lapses' })
  @ApiNoContentResponse({ description: 'Given back' })
  @ApiErrors([404, "No such live hold of the caller's LA on this vacancy"])
  async release(
    @CurrentUser() principal: Principal,
    @Param('id', ParseId()) vacancyId: string,
    @Param('holdId', ParseId('holdId')) holdId: string,
  ): Promise<void> {
    const released = principal.localAuthorityCode && (await this.holds.release(vacancyId, holdId, principal.localAuthorityCode));
    if (!released) throw DomainError.notFound('Live hold');
  }
}
