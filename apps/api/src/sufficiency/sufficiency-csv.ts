import type { NeedSufficiencyRow, ProviderBenchmark, SufficiencyMonth, SufficiencyRow, SufficiencyTotals } from '@app/persistence';
import { csvFile, type CsvFile } from '../common/csv';
import type { DemandForecaster, ForecastRow } from './demand-forecaster';
import type { ReservedBedItem } from './reserved-bed-report';

/** A report over a period. */
interface Period {
  from: string;
  to: string;
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

export function sufficiencyCsv(report: Period & { rows: readonly SufficiencyRow[] }): CsvFile {
  return csvFile(`sufficiency-${report.from}-${report.to}`, SUFFICIENCY_COLUMNS, report.rows);
}

export function needsCsv(report: Period & { rows: readonly NeedSufficiencyRow[] }): CsvFile {
  return csvFile(`sufficiency-needs-${report.from}-${report.to}`, ['localAuthorityCode', 'needCode', ...FIGURE_COLUMNS], report.rows);
}

export function trendCsv(report: Period & { placementType: string | null; months: readonly SufficiencyMonth[] }): CsvFile {
  const rows = report.months.map(({ supply, ...month }) => ({ ...month, supplySource: supply?.source ?? null, supplyAsOf: supply?.asOf ?? null }));
  const columns = ['month', 'referrals', 'placed', 'placedWithinAlliance', 'gap', 'openBeds', 'supplySource', 'supplyAsOf'] as const;
  return csvFile(`sufficiency-trend-${report.placementType ? `${report.placementType}-` : ''}${report.from}-${report.to}`, columns, rows);
}

export function forecastCsv(report: Awaited<ReturnType<DemandForecaster['forecast']>>): CsvFile {
  const rows: ForecastRow[] = report.series.flatMap(({ placementType, method, points }) => points.map((point) => ({ placementType, method, ...point })));
  const columns = ['placementType', 'month', 'demand', 'lower', 'upper', 'method'] as const;
  return csvFile(`sufficiency-forecast-${report.firstMonth}`, columns, rows);
}

export function reservedBedsCsv(report: Period & { items: readonly ReservedBedItem[] }): CsvFile {
  const rows = report.items.map(({ reservedFor, ...item }) => ({
    ...item,
    reservedForLocalAuthorities: reservedFor.localAuthorityCodes.join(' '),
    reservedForLegalStatuses: reservedFor.legalStatuses.join(' '),
  }));
  return csvFile(`reserved-beds-${report.from}-${report.to}`, RESERVED_BED_COLUMNS, rows);
}

export function benchmarkCsv(report: { items: readonly ProviderBenchmark[] }): CsvFile {
  const rows = report.items.map((item) => ({ ...item, placementTypes: item.placementTypes.join(' '), localAuthorityCodes: item.localAuthorityCodes.join(' ') }));
  return csvFile('provider-benchmarks', BENCHMARK_COLUMNS, rows);
}
