import type { UseQueryResult } from '@tanstack/react-query';
import { ApiError } from '../../api/client';

/** While a list loads, and if it cannot: said in words, with the reference to quote to support. */
export function LoadProblem({ query, what }: { query: UseQueryResult<unknown>; what: string }) {
  if (query.isPending) return <p className="govuk-body">Loading {what}…</p>;
  if (!query.isError) return null;
  const error = query.error;
  const reference = error instanceof ApiError && error.body.requestId ? ` Quote reference ${error.body.requestId}.` : '';
  const why =
    error instanceof ApiError && error.status === 404
      ? 'it could not be found, or is not yours to see.'
      : 'the service did not answer. Try again in a moment.';
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        We could not show {what}: {why}
        {reference}
      </strong>
    </div>
  );
}
