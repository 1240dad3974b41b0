import { Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiErrors } from '../common/error.response';
import { ParseId } from '../common/id.pipe';
import { MarketPositionResponse, PublishedMarketListResponse } from './dto/market.response';
import { MarketService } from './market.service';

@ApiTags('market')
@ApiBearerAuth()
@ApiErrors(401, 400, [404, 'No such alliance or no position published, or not the caller’s'])
@Controller()
export class MarketController {
  constructor(private readonly market: MarketService) {}

  @Post('alliances/:id/market-position')
  @Roles('commissioner', 'admin')
  @ApiOperation({
    summary:
      "Publish the alliance's market position for providers: the last 12 complete months' demand and gaps by placement type, age band and need, and the next 12 months' forecast; counts under 5 as \"<5\"",
  })
  @ApiCreatedResponse({ type: MarketPositionResponse })
  publish(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string) {
    return this.market.publish(principal, id);
  }

  @Get('market/alliances')
  @Roles('provider_user', 'commissioner', 'admin')
  @ApiOperation({ summary: 'The alliances that have published a market position, by name, with the day of the latest' })
  @ApiOkResponse({ type: PublishedMarketListResponse })
  published(@CurrentUser() principal: Principal) {
    return this.market.published(principal);
  }

  @Get('market/alliances/:id')
  @Roles('provider_user', 'commissioner', 'admin')
  @ApiOperation({ summary: "The alliance's latest published market position; counts under 5 as \"<5\"" })
  @ApiOkResponse({ type: MarketPositionResponse })
  latest(@CurrentUser() principal: Principal, @Param('id', ParseId()) id: string) {
    return this.market.latest(principal, id);
  }
}
