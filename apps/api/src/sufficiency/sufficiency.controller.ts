import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DomainError, todayInEngland } from '@app/domain';
import { ProviderBenchmarkRepository, SufficiencyRepository, type SufficiencyRow } from '@app/persistence';
import { assertMayCommission } from '../auth/organisation-access';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { toCsv } from '../common/csv';
import { calendarDay } from '../common/date.validators';
import { AllianceQuery, SufficiencyQuery } from './sufficiency.query';

/** The longest period one request may cover. */
const MAX_PERIOD_DAYS = 3 * 366;

@ApiTags('sufficiency')
@ApiBearerAuth()
@Roles('commissioner', 'admin')
@Controller()
export class SufficiencyController {
  constructor(
    private readonly sufficiency: SufficiencyRepository,
    private readonly benchmarks: ProviderBenchmarkRepository,
  ) {}

  @Get('sufficiency')
  @ApiOperation({
    summary:
      "Demand against supply for the alliance's LAs over a period, by LA, placement type and age band: referrals, placed, unplaced, open beds, gap, placed out of area or over 20 miles, median days to place, mean weekly cost; and totals",
  })
  get(@CurrentUser() principal: Principal, @Query() query: SufficiencyQuery) {
    return this.report(principal, query);
  }

  @Get('sufficiency.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The same rows as GET /sufficiency, as CSV with a header row' })
  async csv(@CurrentUser() principal: Principal, @Query() query: SufficiencyQuery, @Res({ passthrough: true }) response: Response) {
    const report = await this.report(principal, query);
    response.setHeader('Content-Disposition', `attachment; filename="sufficiency-${report.from}-${report.to}.csv"`);
    return toCsv(SUFFICIENCY_COLUMNS, report.rows);
  }

  @Get('providers/benchmark')
  @ApiOperation({
    summary:
      "Each provider that placed or was shortlisted for the alliance's children: placements, unplanned endings, stability (no unplanned ending in the first 12 months), outcomes achieved, mean weekly cost and against the alliance's median for the type, offer rate, median hours to answer",
  })
  async benchmark(@CurrentUser() principal: Principal, @Query() query: AllianceQuery) {
    assertMayCommission(principal, query.allianceId);
    if (!(await this.sufficiency.exists(query.allianceId))) throw DomainError.notFound('Alliance');
    return { allianceId: query.allianceId, items: await this.benchmarks.forAlliance(query.allianceId) };
  }

  private async report(principal: Principal, query: SufficiencyQuery) {
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

/** The columns of a sufficiency row, in the contract's order. */
const SUFFICIENCY_COLUMNS: (keyof SufficiencyRow)[] = [
  'localAuthorityCode',
  'placementType',
  'ageBand',
  'referrals',
  'placed',
  'unplaced',
  'openBeds',
  'gap',
  'placedOutOfArea',
  'placedOver20Miles',
  'medianDaysToPlace',
  'meanWeeklyCost',
];
