import { DataTable } from '../../../components/data-table';
import { formatDate, formatWeeklyCost } from '../../../lib/format';
import type { VacancyTerms } from '../types';
import { changedTerms, readDraft, type VacancyDraft, VACANCY_FIELDS } from './vacancy-terms';

const show: { [K in keyof VacancyTerms]: (value: VacancyTerms[K]) => string } = {
  beds: (beds) => String(beds),
  availableFrom: (day) => formatDate(day),
  availableUntil: (day) => (day ? formatDate(day) : 'No end date'),
  weeklyCost: (pounds) => formatWeeklyCost(pounds),
  emergencyReady: (ready) => (ready ? 'Yes' : 'No'),
};
const shown = <K extends keyof VacancyTerms>(key: K, terms: VacancyTerms) => show[key](terms[key]);

/**
 * Someone else saved the vacancy while this form was open. Shows, for every value either side
 * changed, what it was, what the user entered and what is saved now, so they can decide.
 */
export function ConflictPanel({
  base,
  draft,
  saved,
  onDiscard,
}: {
  base: VacancyTerms;
  draft: VacancyDraft;
  saved: VacancyTerms;
  onDiscard: () => void;
}) {
  const typed = readDraft(draft, 0).terms;
  const mine = typed ? changedTerms(typed, base) : {};
  const theirs = changedTerms(saved, base);
  const keys = (Object.keys(VACANCY_FIELDS) as (keyof VacancyTerms)[]).filter((key) => key in mine || key in theirs);
  return (
    <div className="govuk-error-summary app-conflict" role="alert" aria-labelledby="conflict-title" tabIndex={-1}>
      <h2 className="govuk-error-summary__title" id="conflict-title">
        Someone else changed this vacancy while you were editing it
      </h2>
      <div className="govuk-error-summary__body">
        <p className="govuk-body">
          Your changes have not been saved. Check what they changed. Saving again puts your changes on the vacancy as
          it is now: values you did not change keep what they saved.
        </p>
        <DataTable
          caption="Your changes and theirs"
          captionClass="govuk-table__caption--s"
          columns={[{ header: 'Value' }, { header: 'When you started' }, { header: 'You entered' }, { header: 'Saved now' }]}
          rows={keys.map((key) => ({
            key,
            cells: [
              VACANCY_FIELDS[key].label,
              shown(key, base),
              typed && key in mine ? <strong>{shown(key, typed)}</strong> : 'Not changed',
              key in theirs ? <strong>{shown(key, saved)}</strong> : 'Not changed',
            ],
          }))}
        />
        <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={onDiscard}>
          Discard my changes and use the saved values
        </button>
      </div>
    </div>
  );
}
