import { Injectable } from '@nestjs/common';
import { DomainError, todayInEngland, type ProviderSector } from '@app/domain';
import { ProviderBenchmarkRepository, ReservedBedRepository, SufficiencyRepository } from '@app/persistence';
import { assertMayCommission } from '../auth/organisation-access';
import type { Principal } from '../auth/principal';
import type { CsvFile } from '../common/csv';
import { calendarDay } from '../common/date.validators';
import { DemandForecaster } from './demand-forecaster';
import type { AllianceQuery, BenchmarkQuery, BenchmarkSector, ForecastQuery, SufficiencyQuery, TrendQuery } from './dto/sufficiency.query';
import { reservedBedReport } from './reserved-bed-report';
import { benchmarkCsv, forecastCsv, needsCsv, reservedBedsCsv, sufficiencyCsv, trendCsv } from './sufficiency-csv';

/** The longest period one request may cover. */
const MAX_PERIOD_DAYS = 3 * 366;

/** The sectors a sector filter stands for. */
const SECTORS: Record<BenchmarkSector, ProviderSector[]> = {
  private: ['private'],
  voluntary: ['voluntary'],
  local_authority: ['local_authority'],
  in_house: ['local_authority'],
  independent: ['private', 'voluntary'],
};

/**
 * Sufficiency reports for an alliance's commissioners: demand against supply, the trend and the
 * forecast, overdue step-downs, reserved beds and provider benchmarks; each also as CSV.
 */
@Injectable()
export class SufficiencyService {
  constructor(
    private readonly sufficiency: SufficiencyRepository,
    private readonly benchmarks: ProviderBenchmarkRepository,
    private readonly forecaster: DemandForecaster,
    private readonly reservedBeds: ReservedBedRepository,
  ) {}

  async report(principal: Principal, query: SufficiencyQuery) {
    const { from, to, supply } = await this.period(principal, query);
    const { rows, totals } = await this.sufficiency.compute(query.allianceId, from, to, supply);
    return { allianceId: query.allianceId, from, to, supply, rows, totals };
  }

  async reportCsv(principal: Principal, query: SufficiencyQuery): Promise<CsvFile> {
    return sufficiencyCsv(await this.report(principal, query));
  }

  async needs(principal: Principal, query: SufficiencyQuery) {
    const { from, to, supply } = await this.period(principal, query);
    const { rows, totals } = await this.sufficiency.computeByNeed(query.allianceId, from, to, supply);
    return { allianceId: query.allianceId, from, to, supply, rows, totals };
  }

  async needsCsv(principal: Principal, query: SufficiencyQuery): Promise<CsvFile> {
    return needsCsv(await this.needs(principal, query));
  }

  async trend(principal: Principal, query: TrendQuery) {
    const { from, to } = await this.checkedPeriod(principal, query);
    const placementType = query.placementType ?? null;
    return { allianceId: query.allianceId, from, to, placementType, months: await this.sufficiency.trend(query.allianceId, from, to, todayInEngland(), placementType) };
  }

  async trendCsv(principal: Principal, query: TrendQuery): Promise<CsvFile> {
    return trendCsv(await this.trend(principal, query));
  }

  async forecast(principal: Principal, query: ForecastQuery) {
    await this.alliance(principal, query);
    return this.forecaster.forecast(query.allianceId, query.months ?? 12, todayInEngland());
  }

  async forecastCsv(principal: Principal, query: ForecastQuery): Promise<CsvFile> {
    return forecastCsv(await this.forecast(principal, query));
  }

  async stepDowns(principal: Principal, query: AllianceQuery) {
    await this.alliance(principal, query);
    return { allianceId: query.allianceId, items: await this.sufficiency.overdueStepDowns(query.allianceId, todayInEngland()) };
  }

  async reserved(principal: Principal, query: SufficiencyQuery) {
    const { from, to } = await this.checkedPeriod(principal, query);
    const today = todayInEngland();
    const rows = await this.reservedBeds.forAlliance(query.allianceId, from, to);
    return { allianceId: query.allianceId, from, to, asOf: today, ...reservedBedReport(rows, { from, to }, today) };
  }

  async reservedCsv(principal: Principal, query: SufficiencyQuery): Promise<CsvFile> {
    return reservedBedsCsv(await this.reserved(principal, query));
  }

  async benchmark(principal: Principal, query: BenchmarkQuery) {
    await this.alliance(principal, query);
    const { placementType, localAuthorityCode } = query;
    const report = await this.benchmarks.report(query.allianceId, { placementType, localAuthorityCode, sectors: query.sector && SECTORS[query.sector] });
    return { allianceId: query.allianceId, ...report };
  }

  async benchmarkCsv(principal: Principal, query: BenchmarkQuery): Promise<CsvFile> {
    return benchmarkCsv(await this.benchmark(principal, query));
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
