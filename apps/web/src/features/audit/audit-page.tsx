import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { TextInput } from '../../components/fields';
import { Table } from '../../components/table';
import { downloadCsv } from '../../lib/download';
import { formatDateTime } from '../../lib/format';
import { ROLE_WORDS } from '../../lib/words';

const route = getRouteApi('/authed/audit');
const PAGE = 100;
const ACTION_WORDS: Record<string, string> = {
  read_child: "Read the child's record",
  disclose_summary: 'Shown the anonymised summary',
  disclose_placement: 'Shown the placement',
  update_alliance: 'Changed the alliance',
  update_provider: 'Changed the provider',
};

export interface AuditSearch {
  referralId?: string;
  userId?: string;
  from?: string;
  to?: string;
  page?: number;
}

/** Who read a child's record or was shown one, and when: searchable, and downloadable as CSV. */
export function AuditPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const page = search.page ?? 1;
  const filters = { referralId: search.referralId, userId: search.userId, from: search.from, to: search.to };
  const searching = Object.values(filters).some(Boolean);
  const trail = useQuery({
    queryKey: ['audit', filters, page],
    queryFn: () => unwrap(api.GET('/api/v1/audit', { params: { query: { ...filters, limit: PAGE, offset: (page - 1) * PAGE } } })),
    enabled: searching,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const [draft, setDraft] = useState(filters);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const problem = (field: string) => (trail.error instanceof ApiError ? trail.error.problemFor(field) : undefined);

  function submit(event: FormEvent) {
    event.preventDefault();
    const clean = Object.fromEntries(Object.entries(draft).map(([key, value]) => [key, value?.trim() || undefined]));
    void navigate({ to: '/audit', search: { ...clean, page: undefined } });
  }

  async function download() {
    setDownloadError(null);
    const query = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])));
    try {
      await downloadCsv(`/api/v1/audit.csv?${query}`, 'audit.csv');
    } catch (error) {
      setDownloadError(error instanceof Error ? error.message : 'The file could not be downloaded');
    }
  }

  const pages = trail.data ? Math.max(1, Math.ceil(trail.data.total / PAGE)) : 1;
  return (
    <>
      <h1 className="govuk-heading-l">Audit trail</h1>
      <p className="govuk-body">
        Every read of a child's identifiable record by a placement team, and every time a provider was shown an anonymised
        summary or a placement, and every change an admin made to an alliance or a provider. Search by referral, by user, by
        day, or together.
      </p>
      <form onSubmit={submit} noValidate className="govuk-!-margin-bottom-6">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <TextInput id="audit-referralId" label="Referral id" spellCheck={false} value={draft.referralId ?? ''} onChange={(event) => setDraft({ ...draft, referralId: event.target.value })} error={problem('referralId')} />
          </div>
          <div className="govuk-grid-column-one-half">
            <TextInput id="audit-userId" label="User id" spellCheck={false} value={draft.userId ?? ''} onChange={(event) => setDraft({ ...draft, userId: event.target.value })} error={problem('userId')} />
          </div>
        </div>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-quarter">
            <TextInput id="audit-from" label="From (YYYY-MM-DD)" value={draft.from ?? ''} onChange={(event) => setDraft({ ...draft, from: event.target.value })} error={problem('from')} />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <TextInput id="audit-to" label="To (YYYY-MM-DD)" value={draft.to ?? ''} onChange={(event) => setDraft({ ...draft, to: event.target.value })} error={problem('to')} />
          </div>
        </div>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button">
            Search
          </button>
          {trail.data ? (
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void download()}>
              Download CSV
            </button>
          ) : null}
        </div>
        {downloadError ? <p className="govuk-error-message">{downloadError}</p> : null}
      </form>
      {trail.data ? (
        <>
          <p className="govuk-body" role="status">
            {trail.data.total.toLocaleString('en-GB')} {trail.data.total === 1 ? 'entry' : 'entries'}
            {pages > 1 ? `, page ${page} of ${pages}` : ''}.
          </p>
          <Table caption="Audit entries, oldest first" heads={['When', 'Who', 'What', 'Referral', 'Request']}>
            {trail.data.items.map((entry) => (
              <tr className="govuk-table__row" key={entry.id}>
                <td className="govuk-table__cell app-nowrap">{formatDateTime(entry.occurredAt)}</td>
                <td className="govuk-table__cell">
                  {ROLE_WORDS[entry.role] ?? entry.role}, {entry.organisation}
                  <br />
                  <span className="govuk-body-s">{entry.userId ?? 'no user'}</span>
                </td>
                <td className="govuk-table__cell">
                  {ACTION_WORDS[entry.action] ?? entry.action} ({entry.entityType})
                </td>
                <td className="govuk-table__cell govuk-body-s">{entry.referralId ?? ''}</td>
                <td className="govuk-table__cell govuk-body-s">{entry.requestId ?? ''}</td>
              </tr>
            ))}
          </Table>
          <div className="govuk-button-group">
            {page > 1 ? (
              <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void navigate({ search: { ...search, page: page - 1 } })}>
                Previous page
              </button>
            ) : null}
            {page < pages ? (
              <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void navigate({ search: { ...search, page: page + 1 } })}>
                Next page
              </button>
            ) : null}
          </div>
        </>
      ) : null}
    </>
  );
}
