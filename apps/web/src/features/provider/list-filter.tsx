import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { Select } from '../../components/fields';

/**
 * One select and an "Apply" button that puts the choice in the address, so a filtered list can be
 * bookmarked; the page goes back to 1.
 */
export function ListFilter({
  to,
  id,
  label,
  param,
  value,
  options,
}: {
  to: string;
  id: string;
  label: string;
  param: string;
  value: string;
  options: { value: string; label: string }[];
}) {
  const [choice, setChoice] = useState(value);
  const navigate = useNavigate();
  function apply(event: FormEvent) {
    event.preventDefault();
    void navigate({ to, search: { [param]: choice || undefined, page: undefined } as never });
  }
  return (
    <form onSubmit={apply} className="app-filter" noValidate>
      <Select id={id} label={label} labelClass="govuk-label--s" value={choice} onChange={(event) => setChoice(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
        Apply filter
      </button>
    </form>
  );
}
