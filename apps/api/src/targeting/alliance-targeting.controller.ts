import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiErrors } from '../common/error.response';
import { ParseId } from '../common/id.pipe';
import { AllianceTargetingService } from './alliance-targeting.service';
import { TargetingDto } from './dto/targeting.dto';
import { TargetingResponse } from './dto/targeting.response';

/** An alliance's rule for who its referrals are sent to automatically: the alliance's commissioners and admins. */
@ApiTags('targeting')
@ApiBearerAuth()
@ApiErrors(401, 400, [404, "No such alliance, or not the caller's"])
@Roles('commissioner', 'admin')
@Controller('alliances/:id/targeting')
export class AllianceTargetingController {
  constructor(private readonly targeting: AllianceTargetingService) {}

  @Get()
  @ApiOperation({ summary: 'How many providers, best-ranked first, each shortlist is sent to automatically (5 unless set)' })
  @ApiOkResponse({ type: TargetingResponse })
  get(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string): Promise<TargetingResponse> {
    return this.targeting.get(principal, id);
  }

  @Put()
  @ApiOperation({
    summary:
      "Set how many providers each shortlist is sent to automatically (0-50; 0: placement teams send by hand). Applies from each referral's next match or re-match; sends already made stand.",
  })
  @ApiOkResponse({ type: TargetingResponse })
  set(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string, @Body() body: TargetingDto): Promise<TargetingResponse> {
    return this.targeting.set(principal, id, body.autoSendTopProviders);
  }
}
