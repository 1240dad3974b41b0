import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditActor } from '@app/persistence';
import { Actor } from '../audit/audit-actor';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiErrors } from '../common/error.response';
import { ParseId } from '../common/id.pipe';
import { ListQuery } from '../common/page.query';
import { AlliancesService } from './alliances.service';
import { AllianceDetailResponse, AlliancePageResponse, UpdateAllianceDto, UpdatedAllianceResponse } from './dto/alliance.dto';

@ApiTags('alliances')
@ApiBearerAuth()
@ApiErrors(401, 400)
@Controller('alliances')
export class AlliancesController {
  constructor(private readonly alliances: AlliancesService) {}

  @Get()
  @Roles('admin', 'commissioner')
  @ApiOperation({ summary: "Alliances by name with their member LAs: every one for an admin, a commissioner's own" })
  @ApiOkResponse({ type: AlliancePageResponse })
  list(@CurrentUser() principal: Principal, @Query() query: ListQuery) {
    return this.alliances.list(principal, query);
  }

  @Get(':id')
  @Roles('admin', 'commissioner')
  @ApiOperation({ summary: 'An alliance and its member LAs' })
  @ApiOkResponse({ type: AllianceDetailResponse })
  @ApiErrors([404, "No such alliance, or not the caller's"])
  get(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string) {
    return this.alliances.get(principal, id);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({
    summary:
      'Rename an alliance and/or set its member LAs (recorded in the audit trail); the awaiting referrals of LAs that joined or left are re-matched',
  })
  @ApiOkResponse({ type: UpdatedAllianceResponse })
  @ApiErrors([404, 'No such alliance'], [409, 'An alliance with this name already exists'])
  update(@Actor() actor: AuditActor, @Param('id', ParseId()) id: string, @Body() body: UpdateAllianceDto) {
    return this.alliances.update(actor, id, body);
  }
}
