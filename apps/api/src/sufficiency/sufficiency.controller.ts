import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { sendCsv } from '../common/csv';
import { ApiErrors } from '../common/error.response';
import { ProviderBenchmarkListResponse } from './dto/benchmark.response';
import { OverdueStepDownListResponse } from './dto/step-down.response';
import { ReservedBedReportResponse } from './dto/reserved-beds.response';
import { DemandForecastResponse } from './dto/forecast.response';
import { AllianceQuery, BenchmarkQuery, ForecastQuery, SufficiencyQuery, TrendQuery } from './dto/sufficiency.query';
import { NeedSufficiencyReportResponse, SufficiencyReportResponse, SufficiencyTrendResponse } from './dto/sufficiency.response';
import { SufficiencyService } from './sufficiency.service';

/** A report as CSV: RFC 4180 with a header row; refusals are still the JSON error body. */
const ApiCsvResponse = (description: string) =>
  ApiOkResponse({
    description,
    content: { 'text/csv': { schema: { type: 'string' } } },
    headers: { 'Content-Disposition': { description: 'attachment, with a file name', schema: { type: 'string' } } },
  });

@ApiTags('sufficiency')
@ApiBearerAuth()
@ApiErrors(401, 400, [404, "No such alliance, or not the caller's"])
@Roles('commissioner', 'admin')
@Controller()
export class SufficiencyController {
  constructor(private readonly sufficiency: SufficiencyService) {}

  @Get('sufficiency')
  @ApiOperation({
    summary:
      "Demand against supply for the alliance's LAs over a period, by LA, placement type and age band: referrals, placed, unplaced, open beds, gap, placed out of area or over 20 miles, median days to place, mean weekly cost; and totals",
  })
  @ApiOkResponse({ type: SufficiencyReportResponse })
  get(@CurrentUser() principal: Principal, @Query() query: SufficiencyQuery) {
    return this.sufficiency.report(principal, query);
  }

  @Get('sufficiency.csv')
  @ApiOperation({ summary: 'The same rows as GET /sufficiency, as CSV with a header row' })
  @ApiCsvResponse('localAuthorityCode, placementType, ageBand, then the figures')
  async csv(@CurrentUser() principal: Principal, @Query() query: SufficiencyQuery, @Res({ passthrough: true }) response: Response) {
    return sendCsv(response, await this.sufficiency.reportCsv(principal, query));
  }

  @Get('sufficiency/needs')
  @ApiOperation({
    summary:
      'The same figures by LA and each need in the taxonomy (a child with two needs counts under both; open beds in settings supporting the need), with totals by need',
  })
  @ApiOkResponse({ type: NeedSufficiencyReportResponse })
  needs(@CurrentUser() principal: Principal, @Query() query: SufficiencyQuery) {
    return this.sufficiency.needs(principal, query);
  }

  @Get('sufficiency/needs.csv')
  @ApiOperation({ summary: 'The same rows as GET /sufficiency/needs, as CSV with a header row' })
  @ApiCsvResponse('localAuthorityCode, needCode, then the figures')
  async needsCsv(@CurrentUser() principal: Principal, @Query() query: SufficiencyQuery, @Res({ passthrough: true }) response: Response) {
    return sendCsv(response, await this.sufficiency.needsCsv(principal, query));
  }

  @Get('sufficiency/trend')
  @ApiOperation({
    summary:
      "Month by month over the period: referrals made, placed by the month's end, placed within the alliance, gap, and the beds open on the month's last day (the vacancies now for the current month, the nightly snapshot for a past one)",
  })
  @ApiOkResponse({ type: SufficiencyTrendResponse })
  trend(@CurrentUser() principal: Principal, @Query() query: TrendQuery) {
    return this.sufficiency.trend(principal, query);
  }

  @Get('sufficiency/trend.csv')
  @ApiOperation({ summary: 'The same months as GET /sufficiency/trend, as CSV with a header row' })
  @ApiCsvResponse('month, referrals, placed, placedWithinAlliance, gap, openBeds, supplySource, supplyAsOf')
  async trendCsv(@CurrentUser() principal: Principal, @Query() query: TrendQuery, @Res({ passthrough: true }) response: Response) {
    return sendCsv(response, await this.sufficiency.trendCsv(principal, query));
  }

  @Get('sufficiency/forecast')
  @ApiOperation({
    summary:
      "Monthly demand (referrals by first placement type) for the next `months` months (12 by default, from the current month) with an 80% interval, by additive Holt-Winters on the alliance's own complete months (a simpler method when history is short; each series says which)",
  })
  @ApiOkResponse({ type: DemandForecastResponse })
  forecast(@CurrentUser() principal: Principal, @Query() query: ForecastQuery) {
    return this.sufficiency.forecast(principal, query);
  }

  @Get('sufficiency/forecast.csv')
  @ApiOperation({ summary: 'The same forecast as CSV: one row per placement type and month' })
  @ApiCsvResponse('placementType, month, demand, lower, upper, method')
  async forecastCsv(@CurrentUser() principal: Principal, @Query() query: ForecastQuery, @Res({ passthrough: true }) response: Response) {
    return sendCsv(response, await this.sufficiency.forecastCsv(principal, query));
  }

  @Get('sufficiency/step-downs')
  @ApiOperation({
    summary:
      "Emergency placements whose planned step-down referral is still open after the day it was needed by, most overdue first: the emergency beds the alliance's children are staying in too long",
  })
  @ApiOkResponse({ type: OverdueStepDownListResponse })
  stepDowns(@CurrentUser() principal: Principal, @Query() query: AllianceQuery) {
    return this.sufficiency.stepDowns(principal, query);
  }

  @Get('sufficiency/reserved-beds')
  @ApiOperation({
    summary:
      "Reserved beds (held for LAs by a block contract, or for legal statuses by a remand scheme) in settings within the alliance's LAs or reserved for one of them, available within the period: each vacancy's beds, the bed-nights it stood open and empty within the period (up to last night) and what they cost at its weekly cost; and totals",
  })
  @ApiOkResponse({ type: ReservedBedReportResponse })
  reserved(@CurrentUser() principal: Principal, @Query() query: SufficiencyQuery) {
    return this.sufficiency.reserved(principal, query);
  }

  @Get('sufficiency/reserved-beds.csv')
  @ApiOperation({ summary: 'The same reserved vacancies as GET /sufficiency/reserved-beds, as CSV with a header row (reserved-for lists separated by spaces)' })
  @ApiCsvResponse('vacancyId, provider, setting, placementType, reservedFor, beds, weeklyCost, nightsEmpty, costOfEmptyNights and the dates')
  async reservedCsv(@CurrentUser() principal: Principal, @Query() query: SufficiencyQuery, @Res({ passthrough: true }) response: Response) {
    return sendCsv(response, await this.sufficiency.reservedCsv(principal, query));
  }

  @Get('providers/benchmark')
  @ApiOperation({
    summary:
      "Each provider that placed or was sent referrals for the alliance's children, filtered by placement type, sector and LA: placements, unplanned endings, stability (no unplanned ending in the first 12 months), outcomes achieved, mean weekly cost and against the alliance's median for the type, offer rate, median hours to answer, sector, types and LAs of its settings, worst Ofsted grade, average feedback rating, planned endings, cost per outcome achieved; and in-house against independent over those providers",
  })
  @ApiOkResponse({ type: ProviderBenchmarkListResponse })
  benchmark(@CurrentUser() principal: Principal, @Query() query: BenchmarkQuery) {
    return this.sufficiency.benchmark(principal, query);
  }

  @Get('providers/benchmark.csv')
  @ApiOperation({ summary: 'The same providers as GET /providers/benchmark, as CSV with a header row' })
  @ApiCsvResponse('The fields of GET /providers/benchmark, one provider a row, with the same filters; lists joined by spaces')
  async benchmarkCsv(@CurrentUser() principal: Principal, @Query() query: BenchmarkQuery, @Res({ passthrough: true }) response: Response) {
    return sendCsv(response, await this.sufficiency.benchmarkCsv(principal, query));
  }
}
