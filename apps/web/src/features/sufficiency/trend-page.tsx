import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import type { components } from '../../api/schema';
import { DataTable } from '../../components/data-table';
import { downloadCsv, saveCsv } from '../../lib/download';
import { todayInEngland } from '../../lib/format';
import { placementTypeWords, SETTING_PLACEMENT_TYPES } from '../../lib/words';
import { useUser } from '../auth/use-session';
import { CsvButton } from '../../components/csv-button';
import { forecastQuery, trendQuery } from './queries';
import { chartMonths, forecastOf, historyPeriod, monthWords } from './trend';

// recharts loads with the chart, after the tables, and only on the pages that draw one.
const TrendChart = lazy(() => import('./trend-chart'));

type PlacementType = components['schemas']['PlacementType'];
const METHOD_WORDS: Record<string, string> = {
  'holt-winters-additive': 'seasonal trend (Holt-Winters)',
  'holt-linear': 'trend without seasons (Holt)',
  'seasonal-naive': 'the same month last year',
  mean: 'the average month',
};
const figure = (value: number | null | undefined) => (value === null || value === undefined ? 'Not known' : value);

/** Monthly demand against placed and open beds for two years, and the next 12 months' forecast with its 80% band. */
export function TrendPage() {
  const search = useSearch({ from: '/authed/sufficiency/trend' });
  const navigate = useNavigate();
  const allianceId = useUser()?.allianceId ?? '';
  const placementType = search.placementType as PlacementType | undefined;
  const today = todayInEngland();
  const period = historyPeriod(today);
  const trend = useQuery({ ...trendQuery(allianceId, period, placementType), enabled: Boolean(allianceId) });
  const forecast = useQuery({ ...forecastQuery(allianceId), enabled: Boolean(allianceId) });

  if (!allianceId) return <p className="govuk-body">Your account is not part of an alliance, so there are no figures to show.</p>;

  const typeWords = placementType ? placementTypeWords(placementType).toLowerCase() : 'all types';
  const ahead = forecast.data ? forecastOf(forecast.data.series, placementType) : undefined;
  // The chart draws complete months only: this month so far would dip at the end of every line (its
  // row in the table says "so far"); the forecast covers this month instead.
  const complete = trend.data?.months.filter((month) => month.month < today.slice(0, 7)) ?? [];
  const months = trend.data ? chartMonths(complete, ahead?.points ?? []) : [];
  const first = months[0]?.month;
  const last = months.at(-1)?.month;
  const lastComplete = complete.at(-1)?.month;
  const label =
    first && last && lastComplete
      ? `Chart of referrals, placed and open beds each month for ${typeWords}, ${monthWords(first)} to ${monthWords(lastComplete)}` +
        (ahead?.points.length ? `, and forecast referrals to ${monthWords(last)} with an 80% band` : ', with no forecast') +
        '. The tables below give every figure.'
      : '';

  return (
    <>
      <h1 className="govuk-heading-l">Trend and forecast</h1>
      <p className="govuk-body">
        Referrals made each month by the alliance's local authorities (counted under the first placement type they ask for), how many of them were placed by the
        month's end, and the beds open on its last day; then the referrals expected in each of the next 12 months.
      </p>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="placement-type">
          Placement type
        </label>
        <select
          className="govuk-select"
          id="placement-type"
          value={placementType ?? ''}
          onChange={(event) =>
            void navigate({ to: '/sufficiency/trend', search: { placementType: (event.target.value || undefined) as PlacementType | undefined } })
          }
        >
          <option value="">All types</option>
          {SETTING_PLACEMENT_TYPES.map((code) => (
            <option key={code} value={code}>
              {placementTypeWords(code)}
            </option>
          ))}
        </select>
      </div>
      {trend.isPending || forecast.isPending ? <p className="govuk-body">Loading figures…</p> : null}
      {trend.isError || forecast.isError ? <p className="govuk-error-message">The figures could not be loaded. Try again later.</p> : null}
      {trend.data && ahead ? (
        <>
          <ForecastNote forecast={forecast.data!} points={ahead.points.length} methods={ahead.methods} typeWords={typeWords} allTypes={!placementType} />
          <figure className="app-figure" aria-labelledby="trend-caption">
            <figcaption className="govuk-heading-m" id="trend-caption">
              Referrals, placed and open beds by month, with the forecast: {typeWords}
            </figcaption>
            <Suspense fallback={<p className="govuk-body">Loading the chart…</p>}>
              <TrendChart months={months} label={label} />
            </Suspense>
          </figure>
          <DataTable
            caption="History by month"
            columns={[{ header: 'Month' }, { header: 'Referrals', numeric: true }, { header: 'Placed', numeric: true }, { header: 'Gap', numeric: true }, { header: 'Open beds', numeric: true }]}
            rows={trend.data.months.map((month) => ({
              key: month.month,
              // This month is not over: its figures are so far, which the chart's last point shows too.
              cells: [
                month.month === today.slice(0, 7) ? `${monthWords(month.month)} (so far)` : monthWords(month.month),
                month.referrals,
                month.placed,
                month.gap,
                figure(month.openBeds),
              ],
            }))}
          />
          <CsvButton
            label="Download CSV of the history"
            download={() =>
              downloadCsv(
                `/api/v1/sufficiency/trend.csv?${new URLSearchParams({ allianceId, ...period, ...(placementType ? { placementType } : {}) })}`,
                `sufficiency-trend-${placementType ?? 'all-types'}-${period.from}-to-${period.to}.csv`,
              )
            }
          />
          {ahead.points.length > 0 ? (
            <>
              <DataTable
                caption="Forecast by month"
                columns={[{ header: 'Month' }, { header: 'Referrals expected', numeric: true }, { header: '80% band from', numeric: true }, { header: '80% band to', numeric: true }]}
                rows={ahead.points.map((point) => ({ key: point.month, cells: [monthWords(point.month), point.demand, point.lower, point.upper] }))}
              />
              <CsvButton
                label="Download CSV of the forecast"
                download={() =>
                  saveCsv(
                    `sufficiency-forecast-${placementType ?? 'all-types'}-${forecast.data!.firstMonth}.csv`,
                    ['placementType', 'month', 'demand', 'lower', 'upper'],
                    ahead.points.map((point) => [placementType ?? 'all', point.month, point.demand, point.lower, point.upper]),
                  )
                }
              />
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}

/** What the forecast rests on, in words, and why there is none when history is too short. */
function ForecastNote({
  forecast,
  points,
  methods,
  typeWords,
  allTypes,
}: {
  forecast: components['schemas']['DemandForecastResponse'];
  points: number;
  methods: string[];
  typeWords: string;
  allTypes: boolean;
}) {
  const history = forecast.history;
  if (points === 0) {
    return (
      <div className="govuk-inset-text">
        {history.months === 0
          ? 'There is no forecast yet: the alliance has no complete month of referrals to forecast from.'
          : `There is no forecast for ${typeWords}: none of the ${history.months} complete months of history has a referral of this type.`}
      </div>
    );
  }
  return (
    <div className="govuk-inset-text">
      The forecast rests on {history.months} complete {history.months === 1 ? 'month' : 'months'} of history
      {history.from && history.to ? ` (${monthWords(history.from)} to ${monthWords(history.to)})` : ''}, using{' '}
      {methods.map((method) => METHOD_WORDS[method] ?? method).join(' and ')}.
      {history.months < 24 ? ' With under two years of history it cannot yet allow for the seasons, so treat it with care.' : ''}
      {allTypes ? " For all types, the band adds up each type's band, so it is wider than an 80% band for the total would be." : ''}
    </div>
  );
}
