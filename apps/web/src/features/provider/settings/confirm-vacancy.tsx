import { formatDate } from '../../../lib/format';
import type { Vacancy } from '../types';
import { useConfirmVacancy } from './queries';

/** The words for a vacancy's last confirmation, when it is stale. */
export function notConfirmedFor(days: number): string {
  return `Not confirmed for ${days} ${days === 1 ? 'day' : 'days'}`;
}

/**
 * A stale vacancy's tag and its "Still available" button: one press tells matching the bed is still
 * free, so it ranks with fresh vacancies again and counts as emergency-ready if it is.
 */
export function StaleVacancy({ vacancy }: { vacancy: Vacancy }) {
  const confirm = useConfirmVacancy(vacancy.id);
  if (!vacancy.stale) return null;
  return (
    <>
      <strong className="govuk-tag govuk-tag--yellow">{notConfirmedFor(vacancy.daysSinceConfirmed)}</strong>{' '}
      <button
        type="button"
        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-top-1"
        data-module="govuk-button"
        disabled={confirm.isPending}
        aria-disabled={confirm.isPending}
        onClick={() => confirm.mutate()}
      >
        Still available<span className="govuk-visually-hidden">: the vacancy available from {formatDate(vacancy.availableFrom)}</span>
      </button>
      <span role="status" className="govuk-error-message govuk-!-margin-bottom-0">
        {confirm.isError ? 'The vacancy could not be confirmed. Try again.' : ''}
      </span>
    </>
  );
}
