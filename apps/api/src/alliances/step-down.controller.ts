import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiErrors } from '../common/error.response';
import { ParseId } from '../common/id.pipe';
import { StepDownDto } from './dto/step-down.dto';
import { StepDownResponse } from './dto/step-down.response';
import { StepDownService } from './step-down.service';

@ApiTags('alliances')
@ApiBearerAuth()
@ApiErrors(401, 400, [404, "No such alliance, or not the caller's"])
@Roles('commissioner', 'admin')
@Controller('alliances/:id/step-down')
export class StepDownController {
  constructor(private readonly stepDown: StepDownService) {}

  @Get()
  @ApiOperation({ summary: 'When an emergency placement’s planned follow-on referral is required by (28 days unless set)' })
  @ApiOkResponse({ type: StepDownResponse })
  get(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string) {
    return this.stepDown.get(principal, id);
  }

  @Put()
  @ApiOperation({ summary: 'Set the days from an emergency placement to its follow-on referral’s required-by date' })
  @ApiOkResponse({ type: StepDownResponse })
  set(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string, @Body() body: StepDownDto) {
    return this.stepDown.set(principal, id, body.days);
  }
}
