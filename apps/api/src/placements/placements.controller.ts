import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ParseId } from '../common/id.pipe';
import { EndPlacementDto } from './dto/end-placement.dto';
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

  @Get('placements/:id')
  @Roles('placement_officer', 'provider_user')
  @ApiOperation({ summary: 'A placement, for its LA or its provider' })
  get(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string) {
    return this.placements.get(principal, id);
  }

  @Post('placements/:id/end')
  @HttpCode(200)
  @Roles('placement_officer')
  @ApiOperation({ summary: 'End a placement; an unplanned ending (a breakdown) gives the bed back' })
  end(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string, @Body() body: EndPlacementDto) {
    return this.placements.end(principal, id, body);
  }
}
