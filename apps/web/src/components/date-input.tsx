import type { ReactNode } from 'react';
import type { DateParts } from '../lib/date-parts';
import { Fieldset } from './fields';

/**
 * GOV.UK date input: day, month and year boxes in a fieldset. Errors link to the day box
 * (`<id>-day`), as GOV.UK's do.
 */
export function DateInput({
  id,
  legend,
  hint,
  error,
  value,
  onChange,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  value: DateParts;
  onChange: (value: DateParts) => void;
}) {
  const box = (part: keyof DateParts, label: string, width: number) => (
    <div className="govuk-date-input__item">
      <div className="govuk-form-group">
        <label className="govuk-label govuk-date-input__label" htmlFor={`${id}-${part}`}>
          {label}
        </label>
        <input
          className={`govuk-input govuk-date-input__input govuk-input--width-${width}${error ? ' govuk-input--error' : ''}`}
          id={`${id}-${part}`}
          name={`${id}-${part}`}
          type="text"
          inputMode="numeric"
          value={value[part]}
          onChange={(event) => onChange({ ...value, [part]: event.target.value })}
        />
      </div>
    </div>
  );
  return (
    <Fieldset id={id} legend={legend} hint={hint} error={error}>
      <div className="govuk-date-input" id={id}>
        {box('day', 'Day', 2)}
        {box('month', 'Month', 2)}
        {box('year', 'Year', 4)}
      </div>
    </Fieldset>
  );
}
