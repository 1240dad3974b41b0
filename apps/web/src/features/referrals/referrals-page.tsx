import { Table } from '../../components/table';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { StatusTag } from '../../components/status-tag';
import { formatDate, formatDateTime } from '../../lib/format';
import { ageOn } from '../../lib/age';
import { placementTypeWords, statusWords } from '../../lib/words';
import { PAGE_SIZE, referralsQuery } from './queries';

const route = getRouteApi('/authed/referrals');
const STATUSES = ['submitted', 'matching', 'shortlisted', 'no_match', 'match_failed', 'placed', 'withdrawn', 'closed'];
const URGENCY_ORDER: Record<string, number> = { emergency: 0, urgent: 1, planned: 2 };

const OPEN = new Set(['submitted', 'matching', 'shortlisted', 'no_match', 'match_failed']);

/**
 * Emergencies still waiting for a placement, whatever page of the list they fall on: the first
 * thing a placement team on a Friday night needs to see.
 */
function OpenEmergencies() {
  const { data } = useQuery(referralsQuery({ urgency: 'emergency', limit: 200 }));
  const open = (data ?? []).filter((referral) => OPEN.has(referral.status));
  if (open.length === 0) return null;
  return (
    <div className="govuk-notification-banner" role="region" aria-labelledby="open-emergencies-title">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="open-emergencies-title">
          Emergencies waiting for a placement
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <ul className="govuk-list">
          {open.map((referral) => (
            <li key={referral.id}>
              <Link to="/referrals/$referralId" params={{ referralId: referral.id }} className="govuk-notification-banner__link">
                {referral.child.localReference}
              </Link>{' '}
              <StatusTag status={referral.status} /> made {formatDateTime(String(referral.createdAt))}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** The LA's referrals, newest first (emergencies first within a page, and open ones above it all); statuses update while the page is open. */
export function ReferralsPage() {
  const filters = route.useSearch();
  const navigate = route.useNavigate();
  const page = filters.page ?? 1;
  const { data, isPending, isError } = useQuery(referralsQuery(filters));
  const rows = [...(data ?? [])].sort(
    (a, b) => (URGENCY_ORDER[a.urgency] ?? 3) - (URGENCY_ORDER[b.urgency] ?? 3) || String(b.createdAt).localeCompare(String(a.createdAt)),
  );

  return (
    <>
      <h1 className="govuk-heading-l">Referrals</h1>
      <div className="govuk-button-group">
        <Link to="/referrals/new" className="govuk-button">
          New referral
        </Link>
        <Link to="/referrals/emergency" className="govuk-button govuk-button--warning">
          Emergency referral
        </Link>
      </div>
      <OpenEmergencies />
      <form
        className="govuk-!-margin-bottom-6"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          void navigate({
            to: '/referrals',
            search: {
              status: String(form.get('status') || '') || undefined,
              urgency: String(form.get('urgency') || '') || undefined,
              page: undefined,
            },
          });
        }}
      >
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-quarter">
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="filter-status">
                Status
              </label>
              <select className="govuk-select" id="filter-status" name="status" defaultValue={filters.status ?? ''}>
                <option value="">Any status</option>
                {STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {statusWords(status)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="govuk-grid-column-one-quarter">
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="filter-urgency">
                Urgency
              </label>
              <select className="govuk-select" id="filter-urgency" name="urgency" defaultValue={filters.urgency ?? ''}>
                <option value="">Any urgency</option>
                <option value="emergency">Emergency</option>
                <option value="urgent">Urgent</option>
                <option value="planned">Planned</option>
              </select>
            </div>
          </div>
          <div className="govuk-grid-column-one-quarter">
            <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-top-6">
              Apply filters
            </button>
          </div>
        </div>
      </form>
      {isPending ? <p className="govuk-body">Loading referrals…</p> : null}
      {isError ? <p className="govuk-error-message">The referrals could not be loaded. They will be tried again.</p> : null}
      {data && rows.length === 0 ? <p className="govuk-body">No referrals match these filters.</p> : null}
      {rows.length > 0 ? (
        <Table caption={"Your LA's referrals"}  heads={['Child', 'Urgency', 'Status', 'Needed by', 'Kinds of placement', 'Made']}>
              {rows.map((referral) => (
                <tr className="govuk-table__row" key={referral.id}>
                  <td className="govuk-table__cell">
                    <Link to="/referrals/$referralId" params={{ referralId: referral.id }} className="govuk-link">
                      {referral.child.localReference}
                    </Link>
                    <br />
                    <span className="govuk-body-s">Age {ageOn(referral.child.dateOfBirth, referral.requiredBy)}</span>
                  </td>
                  <td className="govuk-table__cell">
                    <StatusTag status={referral.urgency} />
                  </td>
                  <td className="govuk-table__cell">
                    <StatusTag status={referral.status} />
                  </td>
                  <td className="govuk-table__cell app-nowrap">{formatDate(referral.requiredBy)}</td>
                  <td className="govuk-table__cell">{referral.placementTypes.map(placementTypeWords).join(', ')}</td>
                  <td className="govuk-table__cell">{formatDateTime(String(referral.createdAt))}</td>
                </tr>
              ))}
            </Table>
      ) : null}
      <nav className="govuk-pagination" aria-label="Pages of referrals">
        {page > 1 ? (
          <div className="govuk-pagination__prev">
            <Link className="govuk-link govuk-pagination__link" to="." search={{ ...filters, page: page - 1 }} rel="prev">
              <span className="govuk-pagination__link-title">Previous page</span>
            </Link>
          </div>
        ) : null}
        {data && data.length === PAGE_SIZE ? (
          <div className="govuk-pagination__next">
            <Link className="govuk-link govuk-pagination__link" to="." search={{ ...filters, page: page + 1 }} rel="next">
              <span className="govuk-pagination__link-title">Next page</span>
            </Link>
          </div>
        ) : null}
      </nav>
    </>
  );
}
