import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, Navigate } from '@tanstack/react-router';
import { api, ApiError, unwrap } from '../../api/client';
import type { Ok } from '../../api/types';
import { Table } from '../../components/table';
import { formatDate, formatDateTime } from '../../lib/format';
import { needWords, placementTypeWords } from '../../lib/words';
import { useUser } from '../auth/use-session';

type Position = Ok<'/api/v1/market/alliances/{id}'>;
type Count = Position['demand'][number]['referrals'];

/** A published count in words: "<5" is "fewer than 5", as every provider-facing figure is. */
export function countWords(count: Count | null | undefined): string {
  if (count === null || count === undefined) return 'Not known';
  return count === '<5' ? 'fewer than 5' : count.toLocaleString('en-GB');
}

const publishedQuery = () => ({
  queryKey: ['market'],
  queryFn: () => unwrap(api.GET('/api/v1/market/alliances')),
});

const positionQuery = (allianceId: string) => ({
  queryKey: ['market', allianceId],
  queryFn: () => unwrap(api.GET('/api/v1/market/alliances/{id}', { params: { path: { id: allianceId } } })),
  retry: false,
});

/** The alliances that have published: a provider chooses one; a commissioner goes to its own. */
export function MarketListPage() {
  const user = useUser();
  const published = useQuery(publishedQuery());
  if (user?.role === 'commissioner' && user.allianceId) {
    return <Navigate to="/market/$allianceId" params={{ allianceId: user.allianceId }} />;
  }
  return (
    <>
      <h1 className="govuk-heading-l">Market position</h1>
      <p className="govuk-body">
        What each alliance expects to need over the next year, and where it could not place children over the last one, as
        its commissioners have published it. Numbers from 1 to 4 are shown as "fewer than 5".
      </p>
      {published.isPending ? <p className="govuk-body">Loading…</p> : null}
      {published.data && published.data.items.length === 0 ? <p className="govuk-body">No alliance has published a market position yet.</p> : null}
      <ul className="govuk-list">
        {published.data?.items.map((item) => (
          <li key={item.allianceId}>
            <Link to="/market/$allianceId" params={{ allianceId: item.allianceId }} className="govuk-link">
              {item.allianceName}
            </Link>{' '}
            <span className="govuk-body-s">published {formatDateTime(String(item.publishedAt))}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

const route = getRouteApi('/authed/market/$allianceId');

/** One alliance's latest published position; its commissioner can publish a new one. */
export function MarketPositionPage() {
  const { allianceId } = route.useParams();
  const user = useUser();
  const position = useQuery(positionQuery(allianceId));
  const mayPublish = user?.role === 'admin' || (user?.role === 'commissioner' && user.allianceId === allianceId);
  const notPublished = position.error instanceof ApiError && position.error.status === 404;
  return (
    <>
      {user?.role === 'provider_user' ? (
        <Link to="/market" className="govuk-back-link">
          Market position
        </Link>
      ) : null}
      <span className="govuk-caption-l">Market position</span>
      <h1 className="govuk-heading-l">{position.data?.allianceName ?? 'Market position'}</h1>
      {mayPublish ? <Publish allianceId={allianceId} /> : null}
      {position.isPending ? <p className="govuk-body">Loading…</p> : null}
      {notPublished ? <p className="govuk-body">No market position has been published for this alliance yet.</p> : null}
      {position.data ? <PositionTables position={position.data} /> : null}
    </>
  );
}

function Publish({ allianceId }: { allianceId: string }) {
  const queryClient = useQueryClient();
  const publish = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/alliances/{id}/market-position', { params: { path: { id: allianceId } } })),
    onSuccess: (published) => {
      queryClient.setQueryData(['market', allianceId], published);
      void queryClient.invalidateQueries({ queryKey: ['market'], exact: true });
    },
  });
  return (
    <div className="govuk-inset-text">
      <p className="govuk-body">
        Publishing shares the last 12 complete months' demand and gaps and the next 12 months' forecast with every
        provider on the platform, with the alliance's LAs added together and numbers from 1 to 4 shown as "fewer than 5".
      </p>
      {publish.isSuccess ? (
        <p className="govuk-body govuk-!-font-weight-bold" role="status">
          Published. Providers now see the figures below.
        </p>
      ) : null}
      {publish.isError ? <p className="govuk-error-message">It could not be published: try again.</p> : null}
      <button type="button" className="govuk-button" onClick={() => publish.mutate()} disabled={publish.isPending}>
        Publish the market position now
      </button>
    </div>
  );
}

function PositionTables({ position }: { position: Position }) {
  return (
    <>
      <p className="govuk-body">
        Published {formatDateTime(String(position.publishedAt))}. Current figures: {formatDate(position.periodFrom)} to{' '}
        {formatDate(position.periodTo)}.
      </p>
      <h2 className="govuk-heading-m">Forecast demand, next 12 months</h2>
      {position.forecast.length === 0 ? (
        <p className="govuk-body">Not enough history for a forecast yet.</p>
      ) : (
        <Table caption="Referrals forecast over the next 12 months, by kind of placement" heads={['Kind of placement', 'Next 12 months', 'Busiest month']}>
          {position.forecast.map((series) => {
            const busiest = [...series.months].sort((a, b) => numeric(b.demand) - numeric(a.demand))[0];
            return (
              <tr className="govuk-table__row" key={series.placementType}>
                <td className="govuk-table__cell">{placementTypeWords(series.placementType)}</td>
                <td className="govuk-table__cell">{countWords(series.total)}</td>
                <td className="govuk-table__cell">
                  {busiest ? `${monthWords(busiest.month)}: ${countWords(busiest.demand)} (80% between ${countWords(busiest.lower)} and ${countWords(busiest.upper)})` : ''}
                </td>
              </tr>
            );
          })}
        </Table>
      )}
      <h2 className="govuk-heading-m">Demand and gaps over the last 12 months</h2>
      <Table
        caption="Referrals, placed, not placed within the alliance and open beds, by kind of placement and age"
        heads={['Kind of placement', 'Age', 'Referrals', 'Placed', 'Not placed within the alliance', 'Beds open when published']}
      >
        {position.demand.map((row) => (
          <tr className="govuk-table__row" key={`${row.placementType}-${row.ageBand}`}>
            <td className="govuk-table__cell">{placementTypeWords(row.placementType)}</td>
            <td className="govuk-table__cell">{row.ageBand}</td>
            <td className="govuk-table__cell">{countWords(row.referrals)}</td>
            <td className="govuk-table__cell">{countWords(row.placed)}</td>
            <td className="govuk-table__cell">{countWords(row.gap)}</td>
            <td className="govuk-table__cell">{countWords(row.openBeds)}</td>
          </tr>
        ))}
      </Table>
      <h2 className="govuk-heading-m">By need</h2>
      <Table caption="Referrals, gaps and open beds by need" heads={['Need', 'Referrals', 'Not placed within the alliance', 'Beds open supporting it']}>
        {position.needs.map((row) => (
          <tr className="govuk-table__row" key={row.needCode}>
            <td className="govuk-table__cell">{needWords(row.needCode)}</td>
            <td className="govuk-table__cell">{countWords(row.referrals)}</td>
            <td className="govuk-table__cell">{countWords(row.gap)}</td>
            <td className="govuk-table__cell">{countWords(row.openBeds)}</td>
          </tr>
        ))}
      </Table>
    </>
  );
}

const numeric = (count: Count) => (count === '<5' ? 2 : count);
const monthWords = (month: string) =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-15T12:00:00Z`));
