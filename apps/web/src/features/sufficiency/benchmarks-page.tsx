import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { formatWeeklyCost } from '../../lib/format';
import { useUser } from '../auth/use-session';
import { SortableTable, type Column } from './sortable-table';

type Benchmark = components['schemas']['ProviderBenchmarkResponse'];
const percent = (rate: number | null) => (rate === null ? 'Not known' : `${Math.round(rate * 100)}%`);
const rateColumn = (key: 'stabilityRate' | 'outcomesAchievedRate' | 'offerRate', label: string): Column<Benchmark, string> => ({
  key,
  label,
  numeric: true,
  value: (row) => row[key],
  show: (row) => percent(row[key]),
});

const COLUMNS: Column<Benchmark, string>[] = [
  { key: 'name', label: 'Provider', value: (row) => row.name },
  { key: 'placements', label: 'Placements', numeric: true, value: (row) => row.placements },
  { key: 'unplannedEndings', label: 'Unplanned endings', numeric: true, value: (row) => row.unplannedEndings },
  rateColumn('stabilityRate', 'Stability'),
  rateColumn('outcomesAchievedRate', 'Outcomes achieved'),
  {
    key: 'meanWeeklyCost',
    label: 'Mean weekly cost',
    numeric: true,
    value: (row) => row.meanWeeklyCost,
    show: (row) => (row.meanWeeklyCost === null ? 'Not known' : formatWeeklyCost(row.meanWeeklyCost)),
  },
  rateColumn('offerRate', 'Offer rate'),
  {
    key: 'medianResponseHours',
    label: 'Median hours to respond',
    numeric: true,
    value: (row) => row.medianResponseHours,
    show: (row) => (row.medianResponseHours === null ? 'Not known' : `${Math.round(row.medianResponseHours)} hours`),
  },
];

/** How the alliance's providers compare. The api gives no placement type, sector or LA per provider, so there is nothing yet to filter by. */
export function BenchmarksPage() {
  const allianceId = useUser()?.allianceId ?? '';
  const benchmarks = useQuery({
    queryKey: ['benchmarks', allianceId],
    queryFn: () => unwrap(api.GET('/api/v1/providers/benchmark', { params: { query: { allianceId } } })),
    enabled: Boolean(allianceId),
  });
  return (
    <>
      <h1 className="govuk-heading-l">Provider benchmarks</h1>
      <p className="govuk-body">Each provider's placements and answers for the alliance's children. Select a column heading to sort by it.</p>
      {benchmarks.isPending ? <p className="govuk-body">Loading…</p> : null}
      {benchmarks.isError ? <p className="govuk-error-message">The benchmarks could not be loaded. Try again later.</p> : null}
      {benchmarks.data ? (
        <SortableTable caption="Providers" columns={COLUMNS} rows={benchmarks.data.items} rowKey={(row) => row.providerId} initial={{ key: 'name', direction: 'ascending' }} />
      ) : null}
    </>
  );
}
