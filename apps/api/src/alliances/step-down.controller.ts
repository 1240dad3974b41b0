import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@app/domain';
import { OrganisationRepository } from '@app/persistence';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiErrors } from '../common/error.response';
import { ParseId } from '../common/id.pipe';
import { assertMayCommission } from '../auth/organisation-access';
import { StepDownDto } from './dto/step-down.dto';
import { StepDownResponse } from './dto/step-down.response';

@ApiTags('alliances')
@ApiBearerAuth()
@ApiErrors(401, 400, [404, "No such alliance, or not the caller's"])
@Roles('commissioner', 'admin')
@Controller('alliances/:id/step-down')
export class StepDownController {
  constructor(private readonly organisations: OrganisationRepository) {}

  @Get()
  @ApiOperation({ summary: 'When an emergency placement’s planned follow-on referral is required by (28 days unless set)' })
  @ApiOkResponse({ type: StepDownResponse })
  async get(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string) {
    assertMayCommission(principal, id);
    const days = await this.organisations.stepDownDays(id);
    if (days === null) throw DomainError.notFound('Alliance');
    return { allianceId: id, days };
  }

  @Put()
  @ApiOperation({ summary: 'Set the days from an emergency placement to its follow-on referral’s required-by date' })
  @ApiOkResponse({ type: StepDownResponse })
  async set(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string, @Body() body: StepDownDto) {
    assertMayCommission(principal, id);
    if (!(await this.organisations.setStepDownDays(id, body.days))) throw DomainError.notFound('Alliance');
    return { allianceId: id, days: body.days };
  }
}
