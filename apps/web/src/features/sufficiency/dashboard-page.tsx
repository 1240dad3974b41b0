import { useQuery } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import type { components } from '../../api/schema';
import { formatDate, formatWeeklyCost, todayInEngland } from '../../lib/format';
import { needWords, placementTypeWords } from '../../lib/words';
import { useUser } from '../auth/use-session';
import { useLaName } from '../provider/use-la-name';
import { periodOf } from './period';
import { PeriodCsvButton } from './csv-button';
import { PeriodForm } from './period-form';
import { needsQuery, sufficiencyQuery } from './queries';
import { SortableTable, type Column } from './sortable-table';
import { classBreaks } from './classes';
import { laFigure, MEASURES, MEASURE_WORDS, type Measure } from './measures';

// The boundaries are large: they load with the map, after the tables.
const Choropleth = lazy(() => import('./choropleth'));

type FigureKey = 'referrals' | 'placed' | 'gap' | 'openBeds' | 'placedOutOfArea' | 'placedOver20Miles' | 'medianDaysToPlace' | 'meanWeeklyCost';
/** The figures a row of either report carries, as the api's schema has them. */
type Figures = Pick<components['schemas']['SufficiencyRowResponse'], FigureKey>;

/** The figure columns both tables share, after their own first columns. */
const FIGURES: { key: FigureKey; label: string }[] = [
  { key: 'referrals', label: 'Referrals' },
  { key: 'placed', label: 'Placed' },
  { key: 'gap', label: 'Gap' },
  { key: 'openBeds', label: 'Open beds' },
  { key: 'placedOutOfArea', label: 'Placed out of area' },
  { key: 'placedOver20Miles', label: 'Placed over 20 miles' },
  { key: 'medianDaysToPlace', label: 'Median days to place' },
  { key: 'meanWeeklyCost', label: 'Mean weekly cost' },
];
function figureColumns<R extends Figures>(): Column<R, FigureKey>[] {
  return FIGURES.map(({ key, label }) => ({
    key,
    label,
    numeric: true,
    value: (row: R) => row[key],
    show: key === 'meanWeeklyCost' ? (row: R) => (row.meanWeeklyCost === null ? 'Not known' : formatWeeklyCost(row.meanWeeklyCost)) : undefined,
  }));
}
const figureTotals = (totals: Partial<Figures> | undefined) =>
  FIGURES.map(({ key }) => {
    const value = totals?.[key];
    if (value === null || value === undefined) return '';
    return key === 'meanWeeklyCost' ? formatWeeklyCost(value) : value;
  });

export function DashboardPage() {
  const search = useSearch({ from: '/authed/sufficiency' });
  const user = useUser();
  const allianceId = user?.allianceId ?? '';
  const period = periodOf(search, todayInEngland());
  const laName = useLaName();
  const report = useQuery({ ...sufficiencyQuery(allianceId, period), enabled: Boolean(allianceId) });
  const needs = useQuery({ ...needsQuery(allianceId, period), enabled: Boolean(allianceId) });

  if (!allianceId) return <p className="govuk-body">Your account is not part of an alliance, so there are no figures to show.</p>;

  type Row = NonNullable<typeof report.data>['rows'][number];
  type NeedRow = NonNullable<typeof needs.data>['rows'][number];
  const laColumn = { key: 'la' as const, label: 'Local authority', value: (row: { localAuthorityCode: string }) => laName(row.localAuthorityCode) };
  const rowColumns: Column<Row, string>[] = [
    laColumn,
    { key: 'type', label: 'Placement type', value: (row) => placementTypeWords(row.placementType) },
    { key: 'age', label: 'Age band', value: (row) => row.ageBand },
    ...figureColumns<Row>(),
  ];
  const needColumns: Column<NeedRow, string>[] = [laColumn, { key: 'need', label: 'Need', value: (row) => needWords(row.needCode) }, ...figureColumns<NeedRow>()];

  return (
    <>
      <h1 className="govuk-heading-l">Sufficiency</h1>
      <p className="govuk-body">
        Also for the alliance: the <Link to="/sufficiency/trend">trend and forecast</Link>, <Link to="/sufficiency/step-downs">step-downs overdue</Link> and{' '}
        <Link to="/sufficiency/reserved-beds">reserved beds</Link>.
      </p>
      <PeriodForm preset={search.period ?? 'last-12-months'} period={period} to="/sufficiency" />
      <p className="govuk-body">
        Figures for {formatDate(period.from)} to {formatDate(period.to)}. The gap is referrals less those placed within the alliance.
      </p>
      {report.isPending ? <p className="govuk-body">Loading figures…</p> : null}
      {report.isError ? <p className="govuk-error-message">The figures could not be loaded. Try again later.</p> : null}
      {report.data ? (
        <>
          <MapSection rows={report.data.rows} measure={search.measure ?? 'gap'} laName={laName} />
          <SortableTable
            caption="By local authority, placement type and age band"
            columns={rowColumns}
            rows={report.data.rows}
            rowKey={(row) => `${row.localAuthorityCode}-${row.placementType}-${row.ageBand}`}
            totals={['All', '', '', ...figureTotals(report.data.totals)]}
            initial={{ key: 'la', direction: 'ascending' }}
          />
          <PeriodCsvButton label="Download CSV of figures by placement type" path="/api/v1/sufficiency.csv" what="sufficiency" allianceId={allianceId} period={period} />
        </>
      ) : null}
      {needs.data ? (
        <>
          <SortableTable
            caption="By local authority and need"
            columns={needColumns}
            rows={needs.data.rows}
            rowKey={(row) => `${row.localAuthorityCode}-${row.needCode}`}
            initial={{ key: 'la', direction: 'ascending' }}
          />
          <PeriodCsvButton label="Download CSV of figures by need" path="/api/v1/sufficiency/needs.csv" what="sufficiency-by-need" allianceId={allianceId} period={period} />
        </>
      ) : null}
    </>
  );
}

type ReportRow = components['schemas']['SufficiencyRowResponse'];

/**
 * The map of the alliance's LAs by the chosen measure. The api names no alliance's LAs to a
 * commissioner, so the map shows the LAs the report has rows for.
 */
function MapSection({ rows, measure, laName }: { rows: ReportRow[]; measure: Measure; laName: (code: string) => string }) {
  const navigate = useNavigate();
  const codes = [...new Set(rows.map((row) => row.localAuthorityCode))];
  const figures = codes
    .map((code) => ({ code, name: laName(code), value: laFigure(rows.filter((row) => row.localAuthorityCode === code), measure) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return (
    <section aria-labelledby="map-heading">
      <h2 className="govuk-heading-m" id="map-heading">
        Map
      </h2>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="measure">
          Shade the map by
        </label>
        <select
          className="govuk-select"
          id="measure"
          value={measure}
          onChange={(event) => void navigate({ to: '/sufficiency', search: (previous: object) => ({ ...previous, measure: event.target.value as Measure }) })}
        >
          {MEASURES.map((value) => (
            <option key={value} value={value}>
              {MEASURE_WORDS[value]}
            </option>
          ))}
        </select>
      </div>
      <Suspense fallback={<p className="govuk-body">Loading the map…</p>}>
        <Choropleth figures={figures} breaks={classBreaks(figures.map((figure) => figure.value))} measure={measure} />
      </Suspense>
    </section>
  );
}
