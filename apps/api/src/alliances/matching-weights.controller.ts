import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiErrors } from '../common/error.response';
import { ParseId } from '../common/id.pipe';
import { MatchingWeightsDto } from './dto/matching-weights.dto';
import { MatchingWeightsPreviewResponse, MatchingWeightsResponse, SavedMatchingWeightsResponse } from './dto/matching-weights.response';
import { MatchingWeightsService } from './matching-weights.service';

@ApiTags('alliances')
@ApiBearerAuth()
@ApiErrors(401, 400, [404, "No such alliance, or not the caller's"])
@Roles('commissioner', 'admin')
@Controller('alliances/:id/matching-weights')
export class MatchingWeightsController {
  constructor(private readonly weights: MatchingWeightsService) {}

  @Get()
  @ApiOperation({ summary: "The alliance's matching weights (the defaults until a commissioner sets them)" })
  @ApiOkResponse({ type: MatchingWeightsResponse })
  get(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string) {
    return this.weights.get(principal, id);
  }

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "What weights would change before they are saved: of the alliance's current shortlists (the 200 most recent), how many would have another vacancy first. Nothing is stored.",
  })
  @ApiOkResponse({ type: MatchingWeightsPreviewResponse })
  preview(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string, @Body() body: MatchingWeightsDto) {
    return this.weights.preview(principal, id, body);
  }

  @Put()
  @ApiOperation({ summary: "Set the alliance's matching weights; they must sum to 100. Open referrals are re-matched." })
  @ApiOkResponse({ type: SavedMatchingWeightsResponse })
  set(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string, @Body() body: MatchingWeightsDto) {
    return this.weights.set(principal, id, body);
  }
}
