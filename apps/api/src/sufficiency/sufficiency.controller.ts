import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, todayInEngland } from '@app/domain';
import { SufficiencyRepository } from '@app/persistence';
import { assertMayCommission } from '../alliances/matching-weights.service';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { calendarDay } from '../common/date.validators';
import { SufficiencyQuery } from './sufficiency.query';

/** The longest period one request may cover. */
const MAX_PERIOD_DAYS = 3 * 366;

@ApiTags('sufficiency')
@ApiBearerAuth()
@Roles('commissioner', 'admin')
@Controller('sufficiency')
export class SufficiencyController {
  constructor(private readonly sufficiency: SufficiencyRepository) {}

  @Get()
  @ApiOperation({
    summary:
      "Demand against supply for the alliance's LAs over a period, by LA, placement type and age band: referrals, placed, unplaced, open beds, gap, placed out of area or over 20 miles, median days to place, mean weekly cost; and totals",
  })
  async get(@CurrentUser() principal: Principal, @Query() query: SufficiencyQuery) {
    assertMayCommission(principal, query.allianceId);
    const from = calendarDay(query.from);
    const to = calendarDay(query.to);
    if (to < from) throw DomainError.invalid('to', 'must not be before from');
    if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_PERIOD_DAYS) {
      throw DomainError.invalid('to', `must be within ${MAX_PERIOD_DAYS} days of from`);
    }
    if (!(await this.sufficiency.exists(query.allianceId))) throw DomainError.notFound('Alliance');
    const supply = await this.sufficiency.supplySource(to, todayInEngland());
    const { rows, totals } = await this.sufficiency.compute(query.allianceId, from, to, supply);
    return { allianceId: query.allianceId, from, to, supply, rows, totals };
  }
}
