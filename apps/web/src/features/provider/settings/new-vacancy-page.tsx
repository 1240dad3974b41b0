import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { errorsFrom } from '../../../api/problems';
import { ErrorSummary, type FieldError } from '../../../components/error-summary';
import { SubmitButton } from '../../../components/submit-button';
import { partsFromDate } from '../../../lib/date-parts';
import { todayInEngland } from '../../../lib/format';
import type { VacancyTerms } from '../types';
import { useCreateVacancy, useSetting } from './queries';
import { VacancyFields } from './vacancy-fields';
import { readDraft, VACANCY_FIELDS, type VacancyDraft } from './vacancy-terms';

const route = getRouteApi('/authed/settings/$settingId/vacancies/new');

export function NewVacancyPage() {
  const { settingId } = route.useParams();
  const setting = useSetting(settingId);
  const create = useCreateVacancy();
  const navigate = useNavigate();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [draft, setDraft] = useState<VacancyDraft>(() => ({
    beds: '1',
    availableFrom: partsFromDate(todayInEngland()),
    availableUntil: partsFromDate(null),
    weeklyCost: '',
    emergencyReady: false,
  }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const read = readDraft(draft, 1);
    setErrors(read.errors);
    if (!read.terms) return;
    const { availableUntil, ...terms } = read.terms;
    try {
      await create.mutateAsync({ settingId, ...terms, ...(availableUntil ? { availableUntil } : {}) });
      await navigate({ to: '/settings/$settingId', params: { settingId }, search: { saved: 'new-vacancy' } });
    } catch (error) {
      setErrors(errorsFrom(error, (field) => VACANCY_FIELDS[field as keyof VacancyTerms]));
    }
  }

  return (
    <>
      <Link to="/settings/$settingId" params={{ settingId }} search={{}} className="govuk-back-link">
        Back to the vacancy board
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{setting.data?.name}</span>
          <h1 className="govuk-heading-l">Add a vacancy</h1>
          <p className="govuk-body">
            Open referrals are matched against it within seconds: placement teams whose children it suits will see it on
            their shortlists.
          </p>
          <form onSubmit={submit} noValidate>
            <ErrorSummary errors={errors} />
            <VacancyFields draft={draft} onChange={setDraft} errors={errors} minBeds={1} />
            <SubmitButton busy={create.isPending}>Add vacancy</SubmitButton>
          </form>
        </div>
      </div>
    </>
  );
}
