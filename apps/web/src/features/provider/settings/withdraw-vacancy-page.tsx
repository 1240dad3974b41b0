import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { errorsFrom } from '../../../api/problems';
import { ErrorSummary, type FieldError } from '../../../components/error-summary';
import { SummaryList } from '../../../components/summary-list';
import { formatDate, formatWeeklyCost } from '../../../lib/format';
import { LoadProblem } from '../load-problem';
import { useVacancy, useWithdrawVacancy } from './queries';

const route = getRouteApi('/authed/settings/$settingId/vacancies/$vacancyId/withdraw');

/** Withdrawing cannot be undone: the page says what it means and asks once. */
export function WithdrawVacancyPage() {
  const { settingId, vacancyId } = route.useParams();
  const vacancy = useVacancy(vacancyId);
  const withdraw = useWithdrawVacancy(vacancyId);
  const navigate = useNavigate();
  const [errors, setErrors] = useState<FieldError[]>([]);

  async function confirm() {
    try {
      await withdraw.mutateAsync();
      await navigate({ to: '/settings/$settingId', params: { settingId }, search: { saved: 'withdrawn' } });
    } catch (error) {
      setErrors(errorsFrom(error, () => undefined));
    }
  }

  return (
    <>
      <Link to="/settings/$settingId/vacancies/$vacancyId" params={{ settingId, vacancyId }} className="govuk-back-link">
        Back to the vacancy
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <LoadProblem query={vacancy} what="this vacancy" />
          {vacancy.data ? (
            <>
              <span className="govuk-caption-l">{vacancy.data.settingName}</span>
              <h1 className="govuk-heading-l">Are you sure you want to withdraw this vacancy?</h1>
              <SummaryList
                rows={[
                  { key: 'Beds', value: String(vacancy.data.beds) },
                  { key: 'Available from', value: formatDate(vacancy.data.availableFrom) },
                  { key: 'Weekly cost', value: formatWeeklyCost(vacancy.data.weeklyCost) },
                ]}
              />
              <div className="govuk-warning-text">
                <span className="govuk-warning-text__icon" aria-hidden="true">
                  !
                </span>
                <strong className="govuk-warning-text__text">
                  <span className="govuk-visually-hidden">Warning</span>
                  The vacancy leaves every shortlist it is on, and our open offers of it can no longer be accepted. You
                  cannot undo this.
                </strong>
              </div>
              <div className="govuk-button-group">
                <button
                  type="button"
                  className="govuk-button govuk-button--warning"
                  data-module="govuk-button"
                  disabled={withdraw.isPending || vacancy.data.status === 'withdrawn'}
                  onClick={() => void confirm()}
                >
                  Withdraw vacancy
                </button>
                <Link to="/settings/$settingId" params={{ settingId }} search={{}} className="govuk-link">
                  Cancel
                </Link>
              </div>
            </>
          ) : null}
        </div>
      </div>
    </>
  );
}
