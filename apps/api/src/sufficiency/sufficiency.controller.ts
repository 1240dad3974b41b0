import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DomainError, todayInEngland, type ProviderSector } from '@app/domain';
import { ProviderBenchmarkRepository, ReservedBedRepository, SufficiencyRepository, type ProviderBenchmark, type SufficiencyRow, type SufficiencyTotals } from '@app/persistence';
import { assertMayCommission } from '../auth/organisation-access';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { toCsv } from '../common/csv';
import { ApiErrors } from '../common/error.response';
import { calendarDay } from '../common/date.validators';
import { DemandForecaster, type ForecastRow } from './demand-forecaster';
import { ProviderBenchmarkListResponse } from './dto/benchmark.response';
import { OverdueStepDownListResponse } from './dto/step-down.response';
import { reservedBedReport, type ReservedBedItem } from './reserved-bed-report';
import { ReservedBedReportResponse } from './dto/reserved-beds.response';
import { DemandForecastResponse } from './dto/forecast.response';
import { AllianceQuery, BenchmarkQuery, ForecastQuery, SufficiencyQuery, TrendQuery, type BenchmarkSector } from './dto/sufficiency.query';
import { NeedSufficiencyReportResponse, SufficiencyReportResponse, SufficiencyTrendResponse } from './dto/sufficiency.response';

/** The longest period one request may cover. */
const MAX_PERIOD_DAYS = 3 * 366;

/**
 * Sends `rows` as CSV with a header row, named for download. The type is set here, once the report
 * is made, so that a refusal on the way (a 400, a 404) goes out as the JSON error it is.
 */
function csv<T extends object>(response: Response, filename: string, columns: readonly (keyof T & string)[], rows: readonly T[]): string {
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${filename}.csv"`);
  return toCsv(columns, rows);
}

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
  constructor(
    private readonly sufficiency: SufficiencyRepository,
    private readonly benchmarks: ProviderBenchmarkRepository,
    private readonly forecaster: DemandForecaster,
    private readonly reservedBeds: ReservedBedRepository,
  ) {}

  @Get('sufficiency')
  @ApiOperation({
    summary:
      "Demand against supply for the alliance's LAs over a period, by LA, placement type and age band: referrals, placed, unplaced, open beds, gap, placed out of area or over 20 miles, median days to place, mean weekly cost; and totals",
  })
  @ApiOkResponse({ type: SufficiencyReportResponse })
  async get(@CurrentUser() principal: Principal, @Query() query: SufficiencyQuery) {
    const { from, to, supply } = await this.period(principal, query);
    const { rows, totals } = await this.sufficiency.compute(query.allianceId, from, to, supply);
    return { allianceId: query.allianceId, from, to, supply, rows, totals };
  }

  @Get('sufficiency.csv')
  @ApiOperation({ summary: 'The same rows as GET /sufficiency, as CSV with a header row' })
  @ApiCsvResponse('localAuthorityCode, placementType, ageBand, then the figures')
  async csv(@CurrentUser() principal: Principal, @Query() query: SufficiencyQuery, @Res({ passthrough: true }) response: Response) {
    const report = await this.get(principal, query);
    return csv(response, `sufficiency-${report.from}-${report.to}`, SUFFICIENCY_COLUMNS, report.rows);
  }

  @Get('sufficiency/needs')
  @ApiOperation({
    summary:
      'The same figures by LA and each need in the taxonomy (a child with two needs counts under both; open beds in settings supporting the need), with totals by need',
  })
  @ApiOkResponse({ type: NeedSufficiencyReportResponse })
  async needs(@CurrentUser() principal: Principal, @Query() query: SufficiencyQuery) {
    const { from, to, supply } = await this.period(principal, query);
    const { rows, totals } = await this.sufficiency.computeByNeed(query.allianceId, from, to, supply);
    return { allianceId: query.allianceId, from, to, supply, rows, totals };
  }

  @Get('sufficiency/needs.csv')
  @ApiOperation({ summary: 'The same rows as GET /sufficiency/needs, as CSV with a header row' })
  @ApiCsvResponse('localAuthorityCode, needCode, then the figures')
  async needsCsv(@CurrentUser() principal: Principal, @Query() query: SufficiencyQuery, @Res({ passthrough: true }) response: Response) {
    const report = await this.needs(principal, query);
    return csv(response, `sufficiency-needs-${report.from}-${report.to}`, ['localAuthorityCode', 'needCode', ...FIGURE_COLUMNS], report.rows);
  }

  @Get('sufficiency/trend')
  @ApiOperation({
    summary:
      "Month by month over the period: referrals made, placed by the month's end, placed within the alliance, gap, and the beds open on the month's last day (the vacancies now for the current month, the nightly snapshot for a past one)",
  })
  @ApiOkResponse({ type: SufficiencyTrendResponse })
  async trend(@CurrentUser() principal: Principal, @Query() query: TrendQuery) {
    const { from, to } = await this.checkedPeriod(principal, query);
    const placementType = query.placementType ?? null;
    return { allianceId: query.allianceId, from, to, placementType, months: await this.sufficiency.trend(query.allianceId, from, to, todayInEngland(), placementType) };
  }

  @Get('sufficiency/trend.csv')
  @ApiOperation({ summary: 'The same months as GET /sufficiency/trend, as CSV with a header row' })
  @ApiCsvResponse('month, referrals, placed, placedWithinAlliance, gap, openBeds, supplySource, supplyAsOf')
  async trendCsv(@CurrentUser() principal: Principal, @Query() query: TrendQuery, @Res({ passthrough: true }) response: Response) {
    const report = await this.trend(principal, query);
    const rows = report.months.map(({ supply, ...month }) => ({ ...month, supplySource: supply?.source ?? null, supplyAsOf: supply?.asOf ?? null }));
    const columns = ['month', 'referrals', 'placed', 'placedWithinAlliance', 'gap', 'openBeds', 'supplySource', 'supplyAsOf'] as const;
    return csv(response, `sufficiency-trend-${report.placementType ? `${report.placementType}-` : ''}${report.from}-${report.to}`, columns, rows);
  }

  @Get('sufficiency/forecast')
  @ApiOperation({
    summary:
      "Monthly demand (referrals by first placement type) for the next `months` months (12 by default, from the current month) with an 80% interval, by additive Holt-Winters on the alliance's own complete months (a simpler method when history is short; each series says which)",
  })
  @ApiOkResponse({ type: DemandForecastResponse })
  async forecast(@CurrentUser() principal: Principal, @Query() query: ForecastQuery) {
    await this.alliance(principal, query);
    return this.forecaster.forecast(query.allianceId, query.months ?? 12, todayInEngland());
  }

  @Get('sufficiency/forecast.csv')
  @ApiOperation({ summary: 'The same forecast as CSV: one row per placement type and month' })
  @ApiCsvResponse('placementType, month, demand, lower, upper, method')
  async forecastCsv(@CurrentUser() principal: Principal, @Query() query: ForecastQuery, @Res({ passthrough: true }) response: Response) {
    const report = await this.forecast(principal, query);
    const rows: ForecastRow[] = report.series.flatMap(({ placementType, method, points }) => points.map((point) => ({ placementType, method, ...point })));
    const columns = ['placementType', 'month', 'demand', 'lower', 'upper', 'method'] as const;
    return csv(response, `sufficiency-forecast-${report.firstMonth}`, columns, rows);
  }

  @Get('sufficiency/step-downs')
  @ApiOperation({
    summary:
      "Emergency placements whose planned step-down referral is still open after the day it was needed by, most overdue first: the emergency beds the alliance's children are staying in too long",
  })
  @ApiOkResponse({ type: OverdueStepDownListResponse })
  async stepDowns(@CurrentUser() principal: Principal, @Query() query: AllianceQuery) {
    await this.alliance(principal, query);
    return { allianceId: query.allianceId, items: await this.sufficiency.overdueStepDowns(query.allianceId, todayInEngland()) };
  }

  @Get('sufficiency/reserved-beds')
  @ApiOperation({
    summary:
      "Reserved beds (held for LAs by a block contract, or for legal statuses by a remand scheme) in settings within the alliance's LAs or reserved for one of them, available within the period: each vacancy's beds, the bed-nights it stood open and empty within the period (up to last night) and what they cost at its weekly cost; and totals",
  })
  @ApiOkResponse({ type: ReservedBedReportResponse })
  async reserved(@CurrentUser() principal: Principal, @Query() query: SufficiencyQuery) {
    const { from, to } = await this.checkedPeriod(principal, query);
    const today = todayInEngland();
    const rows = await this.reservedBeds.forAlliance(query.allianceId, from, to);
    return { allianceId: query.allianceId, from, to, asOf: today, ...reservedBedReport(rows, { from, to }, today) };
  }

  @Get('sufficiency/reserved-beds.csv')
  @ApiOperation({ summary: 'The same reserved vacancies as GET /sufficiency/reserved-beds, as CSV with a header row (reserved-for lists separated by spaces)' })
  @ApiCsvResponse('vacancyId, provider, setting, placementType, reservedFor, beds, weeklyCost, nightsEmpty, costOfEmptyNights and the dates')
  async reservedCsv(@CurrentUser() principal: Principal, @Query() query: SufficiencyQuery, @Res({ passthrough: true }) response: Response) {
    const report = await this.reserved(principal, query);
    const rows = report.items.map(({ reservedFor, ...item }) => ({
      ...item,
      reservedForLocalAuthorities: reservedFor.localAuthorityCodes.join(' '),
      reservedForLegalStatuses: reservedFor.legalStatuses.join(' '),
    }));
    return csv(response, `reserved-beds-${report.from}-${report.to}`, RESERVED_BED_COLUMNS, rows);
  }

  @Get('providers/benchmark')
  @ApiOperation({
    summary:
      "Each provider that placed or was sent referrals for the alliance's children, filtered by placement type, sector and LA: placements, unplanned endings, stability (no unplanned ending in the first 12 months), outcomes achieved, mean weekly cost and against the alliance's median for the type, offer rate, median hours to answer, sector, types and LAs of its settings, worst Ofsted grade, average feedback rating, planned endings, cost per outcome achieved; and in-house against independent over those providers",
  })
  @ApiOkResponse({ type: ProviderBenchmarkListResponse })
  async benchmark(@CurrentUser() principal: Principal, @Query() query: BenchmarkQuery) {
    await this.alliance(principal, query);
    const { placementType, localAuthorityCode } = query;
    const report = await this.benchmarks.report(query.allianceId, { placementType, localAuthorityCode, sectors: query.sector && SECTORS[query.sector] });
    return { allianceId: query.allianceId, ...report };
  }

  @Get('providers/benchmark.csv')
  @ApiOperation({ summary: 'The same providers as GET /providers/benchmark, as CSV with a header row' })
  @ApiCsvResponse('The fields of GET /providers/benchmark, one provider a row, with the same filters; lists joined by spaces')
  async benchmarkCsv(@CurrentUser() principal: Principal, @Query() query: BenchmarkQuery, @Res({ passthrough: true }) response: Response) {
    const { items } = await this.benchmark(principal, query);
    const rows = items.map((item) => ({ ...item, placementTypes: item.placementTypes.join(' '), localAuthorityCodes: item.localAuthorityCodes.join(' ') }));
    return csv(response, 'provider-benchmarks', BENCHMARK_COLUMNS, rows);
  }

  /** The caller commissions for the alliance, and it exists (404 otherwise). */
  private async alliance(principal: Principal, query: AllianceQuery): Promise<void> {
    assertMayCommission(principal, query.allianceId);
    if (!(await this.sufficiency.exists(query.allianceId))) throw DomainError.notFound('Alliance');
  }

  /** A checked period of the alliance's, and where its open beds come from. */
  private async period(principal: Principal, query: SufficiencyQuery) {
    const { from, to } = await this.checkedPeriod(principal, query);
    return { from, to, supply: await this.sufficiency.supplySource(from, to, todayInEngland()) };
  }

  /** The period's days, checked, for a caller who commissions for the alliance. */
  private async checkedPeriod(principal: Principal, query: SufficiencyQuery) {
    assertMayCommission(principal, query.allianceId);
    const from = calendarDay(query.from);
    const to = calendarDay(query.to);
    if (to < from) throw DomainError.invalid('to', 'must not be before from');
    if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_PERIOD_DAYS) {
      throw DomainError.invalid('to', `must be within ${MAX_PERIOD_DAYS} days of from`);
    }
    await this.alliance(principal, query);
    return { from, to };
  }
}

/** The figures of a sufficiency row, in the contract's order. */
const FIGURE_COLUMNS = [
  'referrals',
  'placed',
  'unplaced',
  'openBeds',
  'gap',
  'placedOutOfArea',
  'placedOver20Miles',
  'medianDaysToPlace',
  'meanWeeklyCost',
] as const satisfies readonly (keyof SufficiencyTotals)[];

const SUFFICIENCY_COLUMNS = ['localAuthorityCode', 'placementType', 'ageBand', ...FIGURE_COLUMNS] as const satisfies readonly (keyof SufficiencyRow)[];

const BENCHMARK_COLUMNS = [
  'providerId',
  'name',
  'placements',
  'unplannedEndings',
  'stabilityRate',
  'outcomesAchievedRate',
  'meanWeeklyCost',
  'costToTypeMedian',
  'referralsShortlisted',
  'offerRate',
  'medianResponseHours',
  'sector',
  'placementTypes',
  'localAuthorityCodes',
  'ofstedGrade',
  'ratings',
  'averageRating',
  'endedPlacements',
  'plannedEndingRate',
  'endedOutcomesAchieved',
  'costPerOutcomeAchieved',
] as const satisfies readonly (keyof ProviderBenchmark)[];

/** The sectors a sector filter stands for. */
const SECTORS: Record<BenchmarkSector, ProviderSector[]> = {
  private: ['private'],
  voluntary: ['voluntary'],
  local_authority: ['local_authority'],
  in_house: ['local_authority'],
  independent: ['private', 'voluntary'],
};

const RESERVED_BED_COLUMNS = [
  'vacancyId',
  'providerId',
  'providerName',
  'settingId',
  'settingName',
  'settingLocalAuthorityCode',
  'placementType',
  'reservedForLocalAuthorities',
  'reservedForLegalStatuses',
  'status',
  'availableFrom',
  'availableUntil',
  'withdrawnOn',
  'beds',
  'weeklyCost',
  'nightsEmpty',
  'costOfEmptyNights',
] as const satisfies readonly (keyof ReservedBedItem | 'reservedForLocalAuthorities' | 'reservedForLegalStatuses')[];
