import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/**
 * The queue dashboard (Bull Board) is a page of its own at /admin/queues, which a browser opens
 * without a bearer token: the api first gives this admin a short-lived, http-only cookie for it.
 */
export function QueuesPage() {
  const open = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/admin/queue-session')),
    onSuccess: () => window.location.assign('/admin/queues'),
  });
  return (
    <>
      <h1 className="govuk-heading-l">Queues</h1>
      <p className="govuk-body">
        Every queue's jobs: waiting, active, completed, failed and retried. Jobs hold ids only, never a child's details.
        The dashboard stays open to you for 10 minutes at a time.
      </p>
      {open.isError ? <p className="govuk-error-message">The dashboard could not be opened: try again.</p> : null}
      <button type="button" className="govuk-button" onClick={() => open.mutate()} disabled={open.isPending}>
        Open the queue dashboard
      </button>
    </>
  );
}
