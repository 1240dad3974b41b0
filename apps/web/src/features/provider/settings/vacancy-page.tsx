import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../api/client';
import { errorsFrom } from '../../../api/problems';
import { ErrorSummary, type FieldError } from '../../../components/error-summary';
import { SubmitButton } from '../../../components/submit-button';
import { StatusTag } from '../../../components/status-tag';
import { LoadProblem } from '../load-problem';
import type { Vacancy, VacancyTerms } from '../types';
import { HoldsTable } from './holds-table';
import { useUpdateVacancy, useVacancy } from './queries';
import { ConflictPanel } from './conflict-panel';
import { VacancyFields } from './vacancy-fields';
import { changedTerms, draftOf, readDraft, termsOf, VACANCY_FIELDS } from './vacancy-terms';

const route = getRouteApi('/authed/settings/$settingId/vacancies/$vacancyId');

/** Change a vacancy's beds, dates, cost or readiness; see who holds its beds; withdraw it. */
export function VacancyPage() {
  const { settingId, vacancyId } = route.useParams();
  const vacancy = useVacancy(vacancyId);
  return (
    <>
      <Link to="/settings/$settingId" params={{ settingId }} search={{}} className="govuk-back-link">
        Back to the vacancy board
      </Link>
      <LoadProblem query={vacancy} what="this vacancy" />
      {vacancy.data ? (
        <>
          <span className="govuk-caption-l">{vacancy.data.settingName}</span>
          <h1 className="govuk-heading-l">
            Change this vacancy <StatusTag status={vacancy.data.status} />
          </h1>
          {vacancy.data.status === 'withdrawn' ? (
            <p className="govuk-body">This vacancy has been withdrawn. Add a new vacancy if the beds become free again.</p>
          ) : (
            <div className="govuk-grid-row">
              <div className="govuk-grid-column-two-thirds">
                <VacancyEditor key={vacancy.data.id} saved={vacancy.data} settingId={settingId} />
              </div>
            </div>
          )}
          <HoldsTable vacancies={[vacancy.data]} caption="Beds held on this vacancy" />
        </>
      ) : null}
    </>
  );
}

/**
 * The form keeps the version and terms it started from. Saving sends only what the user changed,
 * against that version; if someone else saved first (412), the page shows their values beside the
 * user's and saving again puts the user's changes on the version saved now.
 */
function VacancyEditor({ saved, settingId }: { saved: Vacancy; settingId: string }) {
  const [base, setBase] = useState(() => ({ version: saved.version, terms: termsOf(saved) }));
  const [draft, setDraft] = useState(() => draftOf(base.terms));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [conflict, setConflict] = useState(false);
  const update = useUpdateVacancy(saved.id);
  const navigate = useNavigate();
  const stale = conflict && saved.version !== base.version;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const read = readDraft(draft, 0);
    setErrors(read.errors);
    if (!read.terms) return;
    const changes = changedTerms(read.terms, base.terms);
    if (Object.keys(changes).length === 0 && !stale) {
      setErrors([{ text: 'You have not changed anything: change a value, or go back to the vacancy board' }]);
      return;
    }
    try {
      await update.mutateAsync({ version: stale ? saved.version : base.version, changes });
      await navigate({ to: '/settings/$settingId', params: { settingId }, search: { saved: 'vacancy' } });
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        setConflict(true);
        return;
      }
      setErrors(
        errorsFrom(error, (field) => VACANCY_FIELDS[field as keyof VacancyTerms], {
          409: 'This vacancy has been withdrawn, so it can no longer be changed',
        }),
      );
    }
  }

  function discard() {
    const terms = termsOf(saved);
    setBase({ version: saved.version, terms });
    setDraft(draftOf(terms));
    setConflict(false);
    setErrors([]);
  }

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} />
      {stale ? <ConflictPanel base={base.terms} draft={draft} saved={termsOf(saved)} onDiscard={discard} /> : null}
      <VacancyFields draft={draft} onChange={setDraft} errors={errors} minBeds={0} />
      <div className="govuk-button-group">
        <SubmitButton busy={update.isPending}>{stale ? 'Save my changes to the updated vacancy' : 'Save changes'}</SubmitButton>
        <Link
          to="/settings/$settingId/vacancies/$vacancyId/withdraw"
          params={{ settingId, vacancyId: saved.id }}
          className="govuk-link"
        >
          Withdraw this vacancy
        </Link>
      </div>
    </form>
  );
}
