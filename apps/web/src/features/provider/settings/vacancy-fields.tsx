import { problemAt } from '../../../api/problems';
import { DateInput } from '../../../components/date-input';
import type { FieldError } from '../../../components/error-summary';
import { Checkbox, TextInput } from '../../../components/fields';
import type { VacancyDraft } from './vacancy-terms';
import { VACANCY_FIELDS } from './vacancy-terms';

/** Beds, dates, cost and emergency readiness: the same inputs to add a vacancy and to change one. */
export function VacancyFields({
  draft,
  onChange,
  errors,
  minBeds,
}: {
  draft: VacancyDraft;
  onChange: (draft: VacancyDraft) => void;
  errors: FieldError[];
  minBeds: number;
}) {
  const set = <K extends keyof VacancyDraft>(key: K, value: VacancyDraft[K]) => onChange({ ...draft, [key]: value });
  return (
    <>
      <TextInput
        id={VACANCY_FIELDS.beds.id}
        label="Beds"
        labelClass="govuk-label--s"
        hint={minBeds === 0 ? 'Enter 0 when every bed is taken: the vacancy shows as filled.' : 'How many children this vacancy can take.'}
        inputMode="numeric"
        className="govuk-input--width-3"
        value={draft.beds}
        onChange={(event) => set('beds', event.target.value)}
        error={problemAt(errors, VACANCY_FIELDS.beds.id)}
      />
      <DateInput
        id="vacancy-from"
        legend="Available from"
        hint="For example, 3 12 2026"
        value={draft.availableFrom}
        onChange={(value) => set('availableFrom', value)}
        error={problemAt(errors, VACANCY_FIELDS.availableFrom.id)}
      />
      <DateInput
        id="vacancy-until"
        legend="Available until (optional)"
        hint="Leave blank if the beds are available with no end date"
        value={draft.availableUntil}
        onChange={(value) => set('availableUntil', value)}
        error={problemAt(errors, VACANCY_FIELDS.availableUntil.id)}
      />
      <TextInput
        id={VACANCY_FIELDS.weeklyCost.id}
        label="Weekly cost"
        labelClass="govuk-label--s"
        hint="In whole pounds a week"
        prefix="£"
        suffix="a week"
        inputMode="numeric"
        className="govuk-input--width-5"
        value={draft.weeklyCost}
        onChange={(event) => set('weeklyCost', event.target.value)}
        error={problemAt(errors, VACANCY_FIELDS.weeklyCost.id)}
      />
      <div className="govuk-form-group">
        <div className="govuk-checkboxes" data-module="govuk-checkboxes">
          <Checkbox
            id={VACANCY_FIELDS.emergencyReady.id}
            name="emergencyReady"
            label="Emergency-ready: we can take a child the same day"
            hint="Emergency referrals are matched only to emergency-ready vacancies available today."
            checked={draft.emergencyReady}
            onChange={(event) => set('emergencyReady', event.target.checked)}
          />
        </div>
      </div>
    </>
  );
}
