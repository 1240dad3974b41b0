import { useQuery } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { api, unwrap } from '../../api/client';
import { CsvButton } from '../../components/csv-button';
import { downloadCsv } from '../../lib/download';
import { ofstedWords, placementTypeWords } from '../../lib/words';
import { useUser } from '../auth/use-session';
import { useLaName } from '../provider/use-la-name';
import { BenchmarkFilters } from './benchmark-filters';
import {
  benchmarkQuery,
  formatHours,
  formatPounds,
  formatPoundsAWeek,
  formatRating,
  formatShare,
  gradeOrder,
  NO_DATA,
  SECTOR_WORDS,
  type Benchmark,
  type BenchmarkSearch,
} from './benchmarks';
import { SectorComparisonSection } from './sector-comparison';
import { SortableTable, type Column } from './sortable-table';

const rateColumn = (key: 'stabilityRate' | 'outcomesAchievedRate' | 'offerRate' | 'plannedEndingRate', label: string): Column<Benchmark, string> => ({
  key,
  label,
  numeric: true,
  value: (row) => row[key],
  show: (row) => formatShare(row[key]),
});

function columns(laName: (code: string) => string): Column<Benchmark, string>[] {
  return [
    { key: 'name', label: 'Provider', value: (row) => row.name },
    { key: 'sector', label: 'Sector', value: (row) => SECTOR_WORDS[row.sector] },
    {
      key: 'placementTypes',
      label: 'Placement types',
      value: (row) => row.placementTypes.map(placementTypeWords).join(', ') || null,
      show: (row) => row.placementTypes.map(placementTypeWords).join(', ') || NO_DATA,
    },
    {
      key: 'localAuthorityCodes',
      label: 'Homes in',
      value: (row) => row.localAuthorityCodes.map(laName).join(', ') || null,
      show: (row) => row.localAuthorityCodes.map(laName).join(', ') || NO_DATA,
    },
    { key: 'ofstedGrade', label: 'Ofsted grade (worst home)', value: (row) => gradeOrder(row.ofstedGrade), show: (row) => (row.ofstedGrade ? ofstedWords(row.ofstedGrade) : NO_DATA) },
    { key: 'placements', label: 'Placements', numeric: true, value: (row) => row.placements, show: (row) => row.placements.toLocaleString('en-GB') },
    { key: 'unplannedEndings', label: 'Unplanned endings', numeric: true, value: (row) => row.unplannedEndings },
    rateColumn('stabilityRate', 'Stability'),
    rateColumn('plannedEndingRate', 'Ended as planned'),
    rateColumn('outcomesAchievedRate', 'Outcomes achieved'),
    { key: 'averageRating', label: 'Average rating', numeric: true, value: (row) => row.averageRating, show: (row) => formatRating(row.averageRating) },
    {
      key: 'costPerOutcomeAchieved',
      label: 'Cost per outcome achieved',
      numeric: true,
      value: (row) => row.costPerOutcomeAchieved,
      show: (row) => formatPounds(row.costPerOutcomeAchieved),
    },
    { key: 'meanWeeklyCost', label: 'Mean weekly cost', numeric: true, value: (row) => row.meanWeeklyCost, show: (row) => formatPoundsAWeek(row.meanWeeklyCost) },
    rateColumn('offerRate', 'Offer rate'),
    { key: 'medianResponseHours', label: 'Median hours to respond', numeric: true, value: (row) => row.medianResponseHours, show: (row) => formatHours(row.medianResponseHours) },
  ];
}

const benchmarksQuery = (allianceId: string, search: BenchmarkSearch) => ({
  queryKey: ['benchmarks', allianceId, search.placementType ?? null, search.sector ?? null, search.la ?? null],
  queryFn: () => unwrap(api.GET('/api/v1/providers/benchmark', { params: { query: benchmarkQuery(allianceId, search) } })),
});

/** How the alliance's providers compare, filtered by placement type, sector and LA (kept in the address). */
export function BenchmarksPage() {
  const search = useSearch({ from: '/authed/sufficiency/providers' });
  const allianceId = useUser()?.allianceId ?? '';
  const laName = useLaName();
  const benchmarks = useQuery({ ...benchmarksQuery(allianceId, search), enabled: Boolean(allianceId) });
  // The LAs to filter by: where all the alliance's benchmarked providers have homes (the same query when unfiltered).
  const everyone = useQuery({ ...benchmarksQuery(allianceId, {}), enabled: Boolean(allianceId) });
  const las = [...new Set(everyone.data?.items.flatMap((row) => row.localAuthorityCodes) ?? [])];
  return (
    <>
      <h1 className="govuk-heading-l">Provider benchmarks</h1>
      <p className="govuk-body">
        Each provider's placements and answers for the alliance's children. A provider's type, LAs and Ofsted grade are those of its homes
        in the alliance and of the homes its children were placed in; the grade is the worst of them. Select a column heading to sort by it.
      </p>
      <BenchmarkFilters key={JSON.stringify(search)} search={search} las={las} laName={laName} />
      {benchmarks.isPending ? <p className="govuk-body">Loading…</p> : null}
      {benchmarks.isError ? <p className="govuk-error-message">The benchmarks could not be loaded. Try again later.</p> : null}
      {benchmarks.data ? (
        <>
          <p className="govuk-body" role="status">
            {benchmarks.data.items.length === 1 ? '1 provider' : `${benchmarks.data.items.length.toLocaleString('en-GB')} providers`}
          </p>
          <SortableTable
            caption="Providers"
            columns={columns(laName)}
            rows={benchmarks.data.items}
            rowKey={(row) => row.providerId}
            initial={{ key: 'name', direction: 'ascending' }}
          />
          <p className="govuk-body-s">
            Cost per outcome achieved is what a provider's ended placements cost in all (weekly cost for the weeks placed) divided by the
            outcomes achieved in them; placements that achieved nothing still count in the cost.
          </p>
          <CsvButton
            label="Download CSV of these providers"
            download={() =>
              downloadCsv(`/api/v1/providers/benchmark.csv?${new URLSearchParams(benchmarkQuery(allianceId, search))}`, 'provider-benchmarks.csv')
            }
          />
          <SectorComparisonSection sectors={benchmarks.data.sectors} />
        </>
      ) : null}
    </>
  );
}
