import { useQuery } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import type { components } from '../../api/schema';
import { DataTable } from '../../components/data-table';
import { formatDate, formatWeeklyCost, todayInEngland } from '../../lib/format';
import { legalStatusWords, placementTypeWords } from '../../lib/words';
import { useUser } from '../auth/use-session';
import { useLaName } from '../provider/use-la-name';
import { PeriodCsvButton } from './csv-button';
import { periodOf } from './period';
import { PeriodForm } from './period-form';
import { reservedBedsQuery } from './queries';
import { SortableTable, type Column } from './sortable-table';

const ReservedChart = lazy(() => import('./reserved-chart'));

type ReservedBed = components['schemas']['ReservedBedResponse'];
const POUNDS = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });

/** Empty bed-nights by provider, most first. */
export function nightsByProvider(items: readonly ReservedBed[]) {
  const byProvider = new Map<string, { name: string; nightsEmpty: number; costOfEmptyNights: number }>();
  for (const item of items) {
    const sum = byProvider.get(item.providerId) ?? { name: item.providerName, nightsEmpty: 0, costOfEmptyNights: 0 };
    byProvider.set(item.providerId, { ...sum, nightsEmpty: sum.nightsEmpty + item.nightsEmpty, costOfEmptyNights: sum.costOfEmptyNights + item.costOfEmptyNights });
  }
  return [...byProvider.entries()].map(([id, sum]) => ({ id, ...sum })).sort((a, b) => b.nightsEmpty - a.nightsEmpty || a.name.localeCompare(b.name, 'en-GB'));
}

/** Reserved (block and remand) beds of the alliance, and the nights they stood empty in a period. */
export function ReservedBedsPage() {
  const search = useSearch({ from: '/authed/sufficiency/reserved-beds' });
  const allianceId = useUser()?.allianceId ?? '';
  const laName = useLaName();
  const period = periodOf(search, todayInEngland());
  const report = useQuery({ ...reservedBedsQuery(allianceId, period), enabled: Boolean(allianceId) });
  if (!allianceId) return <p className="govuk-body">Your account is not part of an alliance, so there are no figures to show.</p>;

  const reservedFor = (row: ReservedBed) =>
    [...(row.reservedFor.localAuthorityCodes ?? []).map(laName), ...(row.reservedFor.legalStatuses ?? []).map((code) => `${legalStatusWords(code)} (${code})`)].join(', ');
  const columns: Column<ReservedBed, string>[] = [
    { key: 'provider', label: 'Provider', value: (row) => row.providerName },
    { key: 'setting', label: 'Setting', value: (row) => row.settingName },
    { key: 'type', label: 'Placement type', value: (row) => placementTypeWords(row.placementType) },
    { key: 'reservedFor', label: 'Reserved for', value: reservedFor },
    { key: 'beds', label: 'Beds', numeric: true, value: (row) => row.beds },
    { key: 'weeklyCost', label: 'Weekly cost a bed', numeric: true, value: (row) => row.weeklyCost, show: (row) => formatWeeklyCost(row.weeklyCost) },
    { key: 'nightsEmpty', label: 'Empty bed-nights', numeric: true, value: (row) => row.nightsEmpty },
    { key: 'cost', label: 'Cost of empty nights', numeric: true, value: (row) => row.costOfEmptyNights, show: (row) => POUNDS.format(row.costOfEmptyNights) },
  ];

  return (
    <>
      <h1 className="govuk-heading-l">Reserved beds</h1>
      <p className="govuk-body">
        Beds held for the alliance's local authorities by block contracts, or for children of a legal status by remand schemes: those in settings within the alliance
        and those held for one of its local authorities elsewhere. A bed empty for a night is one empty bed-night, costed at a seventh of its weekly cost.
      </p>
      <PeriodForm preset={search.period ?? 'last-12-months'} period={period} to="/sufficiency/reserved-beds" />
      {report.isPending ? <p className="govuk-body">Loading figures…</p> : null}
      {report.isError ? <p className="govuk-error-message">The figures could not be loaded. Try again later.</p> : null}
      {report.data ? <Report report={report.data} columns={columns} allianceId={allianceId} period={period} /> : null}
    </>
  );
}

function Report({
  report,
  columns,
  allianceId,
  period,
}: {
  report: components['schemas']['ReservedBedReportResponse'];
  columns: Column<ReservedBed, string>[];
  allianceId: string;
  period: { from: string; to: string };
}) {
  const nightsTo = report.to < report.asOf ? formatDate(report.to) : 'last night';
  if (report.items.length === 0) return <p className="govuk-body">No reserved bed was available between {formatDate(report.from)} and {formatDate(report.to)}.</p>;
  const providers = nightsByProvider(report.items);
  return (
    <>
      <p className="govuk-body">
        Empty bed-nights from {formatDate(report.from)} to {nightsTo}.
      </p>
      <SortableTable
        caption="Reserved vacancies"
        columns={columns}
        rows={report.items}
        rowKey={(row) => row.vacancyId}
        totals={['All', '', '', '', report.totals.beds, '', report.totals.nightsEmpty, POUNDS.format(report.totals.costOfEmptyNights)]}
        initial={{ key: 'provider', direction: 'ascending' }}
      />
      <PeriodCsvButton label="Download CSV of reserved beds" path="/api/v1/sufficiency/reserved-beds.csv" what="reserved-beds" allianceId={allianceId} period={period} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <figure className="app-figure" aria-labelledby="reserved-caption">
            <figcaption className="govuk-heading-m" id="reserved-caption">
              Empty bed-nights by provider
            </figcaption>
            <Suspense fallback={<p className="govuk-body">Loading the chart…</p>}>
              <ReservedChart
                providers={providers}
                label={`Bar chart of empty bed-nights of reserved beds by provider, ${formatDate(report.from)} to ${nightsTo}: ${providers.map((p) => `${p.name} ${p.nightsEmpty}`).join('; ')}.`}
              />
            </Suspense>
          </figure>
        </div>
        <div className="govuk-grid-column-one-half">
          <DataTable
            caption="Empty bed-nights by provider"
            captionClass="govuk-table__caption--s"
            columns={[{ header: 'Provider' }, { header: 'Empty bed-nights', numeric: true }, { header: 'Cost', numeric: true }]}
            rows={providers.map((provider) => ({ key: provider.id, cells: [provider.name, provider.nightsEmpty, POUNDS.format(provider.costOfEmptyNights)] }))}
          />
        </div>
      </div>
    </>
  );
}
