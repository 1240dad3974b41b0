import { Table } from '../../components/table';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { formatDate, formatWeeklyCost } from '../../lib/format';
import { endReasonWords } from '../../lib/words';
import { PLACEMENTS_PAGE, placementsQuery } from './queries';

const route = getRouteApi('/authed/placements');

/** The LA's placements, live or ended. */
export function PlacementsPage() {
  const search = route.useSearch();
  const state = search.state ?? 'live';
  const page = search.page ?? 1;
  const { data, isPending, isError } = useQuery(placementsQuery(state, page));
  const pages = data ? Math.max(1, Math.ceil(data.total / PLACEMENTS_PAGE)) : 1;
  return (
    <>
      <h1 className="govuk-heading-l">Placements</h1>
      <nav aria-label="Live or ended placements" className="govuk-!-margin-bottom-4">
        <ul className="govuk-list app-nav__list">
          {(['live', 'ended'] as const).map((each) => (
            <li key={each} className="app-nav__item">
              <Link to="." search={{ state: each, page: undefined }} aria-current={each === state ? 'page' : undefined}>
                {each === 'live' ? 'Live' : 'Ended'}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {isPending ? <p className="govuk-body">Loading placements…</p> : null}
      {isError ? <p className="govuk-error-message">The placements could not be loaded.</p> : null}
      {data && data.items.length === 0 ? <p className="govuk-body">No {state} placements.</p> : null}
      {data && data.items.length > 0 ? (
        <>
          <p className="govuk-body">
            {data.total} {state} placement{data.total === 1 ? '' : 's'}.
          </p>
          <Table caption={`${state === 'live' ? 'Live' : 'Ended'} placements`} heads={['Child', 'Home and provider', 'Started', state === 'live' ? 'Weekly cost' : 'Ended']}>
              {data.items.map((placement) => (
                <tr className="govuk-table__row" key={placement.id}>
                  <td className="govuk-table__cell">
                    <Link to="/placements/$placementId" params={{ placementId: placement.id }} className="govuk-link">
                      {'child' in placement ? placement.child.localReference : 'Placement'}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">
                    {placement.settingName}
                    <br />
                    <span className="govuk-body-s">{placement.providerName}</span>
                  </td>
                  <td className="govuk-table__cell app-nowrap">{formatDate(placement.startDate)}</td>
                  <td className="govuk-table__cell">
                    {state === 'live' ? (
                      formatWeeklyCost(placement.weeklyCost)
                    ) : (
                      <>
                        {formatDate(placement.endDate)}
                        <br />
                        <span className="govuk-body-s">
                          {placement.endReason ? endReasonWords(placement.endReason) : ''}
                          {placement.planned === false ? ' (unplanned)' : ''}
                        </span>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </Table>
          {pages > 1 ? (
            <nav className="govuk-pagination" aria-label="Pages of placements">
              {page > 1 ? (
                <div className="govuk-pagination__prev">
                  <Link className="govuk-link govuk-pagination__link" to="." search={{ state, page: page - 1 }}>
                    Previous page
                  </Link>
                </div>
              ) : null}
              <p className="govuk-body govuk-!-margin-0">
                Page {page} of {pages}
              </p>
              {page < pages ? (
                <div className="govuk-pagination__next">
                  <Link className="govuk-link govuk-pagination__link" to="." search={{ state, page: page + 1 }}>
                    Next page
                  </Link>
                </div>
              ) : null}
            </nav>
          ) : null}
        </>
      ) : null}
    </>
  );
}
