import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { DateInput } from '../../components/date-input';
import { dateFromParts, partsFromDate } from '../../lib/date-parts';
import { PERIOD_PRESETS, PERIOD_WORDS, type Period, type PeriodPreset } from './period';

/** The period as GOV.UK radios, with a custom range's date inputs revealed under the last one. */
export function PeriodForm({ preset, period, to }: { preset: PeriodPreset; period: Period; to: '/sufficiency' | '/sufficiency/reserved-beds' }) {
  const navigate = useNavigate();
  const [choice, setChoice] = useState(preset);
  const [from, setFrom] = useState(partsFromDate(period.from));
  const [until, setUntil] = useState(partsFromDate(period.to));
  const [error, setError] = useState<string>();

  function submit(event: FormEvent) {
    event.preventDefault();
    // Other choices on the page (the map's measure) are kept; only the period changes.
    if (choice !== 'custom') return void navigate({ to, search: (previous: Record<string, unknown>) => ({ ...previous, period: choice, from: undefined, to: undefined }) });
    const fromDay = dateFromParts(from);
    const toDay = dateFromParts(until);
    if (!fromDay || !toDay || fromDay > toDay) return setError('Enter a real start date on or before a real end date');
    setError(undefined);
    void navigate({ to, search: (previous: Record<string, unknown>) => ({ ...previous, period: 'custom', from: fromDay, to: toDay }) });
  }

  return (
    <form onSubmit={submit} noValidate className="govuk-!-margin-bottom-6">
      <div className="govuk-form-group">
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Period</legend>
          <div className="govuk-radios govuk-radios--small govuk-radios--inline">
            {PERIOD_PRESETS.map((value) => (
              <div className="govuk-radios__item" key={value}>
                <input className="govuk-radios__input" id={`period-${value}`} type="radio" name="period" value={value} checked={choice === value} onChange={() => setChoice(value)} />
                <label className="govuk-label govuk-radios__label" htmlFor={`period-${value}`}>
                  {PERIOD_WORDS[value]}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      {choice === 'custom' ? (
        <div className="govuk-inset-text">
          <DateInput id="from" legend="From" value={from} onChange={setFrom} error={error} />
          <DateInput id="to" legend="To" value={until} onChange={setUntil} />
        </div>
      ) : null}
      <button type="submit" className="govuk-button govuk-button--secondary">
        Show this period
      </button>
    </form>
  );
}
